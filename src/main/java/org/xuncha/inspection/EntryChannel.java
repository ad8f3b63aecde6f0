package org.xuncha.inspection;

import java.time.LocalDate;
import java.util.List;

/**
 * What the public reporting page (/r/{channelCode}) needs of an inspection; no data scope applies, the code is
 * the secret. {@code open} is false once the team has withdrawn.
 */
public record EntryChannel(long inspectionId, String teamName, List<Target> targets, LocalDate periodFrom,
                           LocalDate periodTo, LocalDate cutOffOn, String phone, String mailbox, String accepts,
                           boolean open) {

    public EntryChannel {
        targets = List.copyOf(targets);
    }

    /** A target of the inspection as the public sees it. */
    public record Target(long organizationId, String name) {
    }
}
