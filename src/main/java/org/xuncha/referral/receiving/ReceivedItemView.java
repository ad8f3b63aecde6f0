package org.xuncha.referral.receiving;

import java.util.List;
import java.util.Map;

import org.xuncha.findings.TransferableLeads;

/**
 * The item page: the item, what was transferred (a lead's content for the receiver and the office; null for the
 * team, which reads the status only, and for a petition, whose content intake does not expose), persons by rank
 * (sealed), the route, the signatures, the unsealings (receiver only) and what the caller may do.
 *
 * @param ranks rank label → number of persons, in the lead's order of first appearance
 */
public record ReceivedItemView(ReceivedItem item, TransferableLeads.TransferableLead lead,
                               Map<String, Long> ranks, List<ReceivingRepository.Route> route,
                               List<ReceivingRepository.Signature> signatures,
                               List<ReceivingRepository.Unsealing> unsealings, Actions can) {

    /** What the caller may do now: the buttons the page shows. */
    public record Actions(boolean sign, boolean signOnBehalf, boolean unseal, boolean annex, boolean content) {
    }
}
