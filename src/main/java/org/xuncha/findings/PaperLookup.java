package org.xuncha.findings;

import java.util.List;
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

    /** The papers of an inspection that stand approved now, in their order; empty outside the caller's scope. */
    List<PaperRef> approved(DataScope scope, InspectionId inspection);

    record PaperRef(WorkingPaperId id, InspectionId inspection, String paperNo, String title, boolean approved) {
    }
}
