package org.xuncha.inforequest;

import org.xuncha.inspection.InspectionStage;

/** A target of an inspection as the dossier (巡前通报汇总) shows it, with how many requests about it stand where. */
record DossierTarget(long inspectionId, String teamName, InspectionStage inspectionStage, long organizationId,
                     String organizationName, int answered, int outstanding, int overdue) {
}
