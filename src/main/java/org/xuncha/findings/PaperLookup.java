package org.xuncha.findings;

import java.util.Optional;

import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;

/**
 * What the capabilities built on working papers (findings, leads) need of one paper: its inspection, number, title
 * and whether it stands approved (已审定) now. Contract: empty when the caller may not read the paper (a forged id
 * reads as absent).
 */
public interface PaperLookup {

    Optional<PaperRef> paper(DataScope scope, WorkingPaperId id);

    record PaperRef(WorkingPaperId id, InspectionId inspection, String paperNo, String title, boolean approved) {
    }
}
