package org.xuncha.inspection;

import java.time.LocalDate;
import java.util.Set;

/** An inspection as pages and the API show it; {@code targetNames} joins the main targets' names. */
public record InspectionView(long id, long bodyId, String bodyName, long roundId, String roundName, String teamName,
                             InspectionMode mode, String specialTopic, Long lookBackOf, Set<InspectionForm> forms,
                             String linkedWith, String auditLinkedWith, String teamCountyCode, InspectionStage stage,
                             LocalDate stationedOn, LocalDate withdrawnOn, LocalDate feedbackOn, LocalDate closedOn,
                             int version, String targetNames) {

    public boolean has(InspectionForm form) {
        return forms.contains(form);
    }
}
