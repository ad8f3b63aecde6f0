package org.xuncha.referral.receiving;

import java.util.List;
import java.util.Map;

import org.xuncha.findings.TransferableLeads;
import org.xuncha.intake.TransferablePetitions;

/**
 * The item page: the item, what was transferred (a lead's content for the receiver and the office; null for the
 * team, which reads the status only), a petition's content (intake's {@code TransferablePetitions.transferred}:
 * category, organization, date and text, never the reporter; same readers as a lead's content), persons by rank
 * (sealed), the route, the signatures, the unsealings (receiver only) and what the caller may do.
 *
 * @param ranks rank label → number of persons, in the lead's order of first appearance
 */
public record ReceivedItemView(ReceivedItem item, TransferableLeads.TransferableLead lead,
                               TransferablePetitions.TransferredPetition petition,
                               Map<String, Long> ranks, List<ReceivingRepository.Route> route,
                               List<ReceivingRepository.Signature> signatures,
                               List<ReceivingRepository.Unsealing> unsealings, Actions can) {

    /** What the caller may do now: the buttons the page shows. */
    public record Actions(boolean sign, boolean signOnBehalf, boolean unseal, boolean annex, boolean content) {
    }
}
