package org.xuncha.referral;

import java.util.List;

import org.xuncha.common.BodyId;

/**
 * Past tense: a letter of {@code body}'s office sent {@code items} to one receiver — a batch transfer (each item at
 * route position 1) or a 转办 (one item at its next position). Listeners key on (item, position) to stay idempotent.
 * No titles, no persons: a listener reads what it needs through the referral module.
 */
public record ItemsTransferred(long letterId, String letterNo, BodyId body, ReceiverKind receiverKind,
                               BodyId receiverBody, String receiverDepartment, List<Item> items) {

    public ItemsTransferred {
        items = List.copyOf(items);
    }

    /** One transferred item: what it is, and its position on its route (1 = first transfer). */
    public record Item(long itemId, SubjectKind subjectKind, long subjectId, int routePosition) {
    }
}
