package org.xuncha.findings.paper;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.findings.PaperLookup;
import org.xuncha.findings.WorkingPaperId;

/** {@link PaperLookup} over the papers' scoped SQL. */
@Component
class WorkingPaperLookup implements PaperLookup {

    private final WorkingPaperRepository papers;

    WorkingPaperLookup(WorkingPaperRepository papers) {
        this.papers = papers;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PaperRef> paper(DataScope scope, WorkingPaperId id) {
        return papers.find(id.value(), scope).map(WorkingPaperRepository.Row::paper)
                .map(p -> new PaperRef(id, InspectionId.of(p.inspectionId()), p.paperNo(), p.title(),
                        p.status() == WorkingPaperStatus.APPROVED));
    }

    @Override
    @Transactional(readOnly = true)
    public List<PaperRef> approved(DataScope scope, InspectionId inspection) {
        return papers.list(inspection.value(), new WorkingPaperFilter(WorkingPaperStatus.APPROVED, null), scope, 0,
                        500).items().stream()
                .map(p -> new PaperRef(WorkingPaperId.of(p.id()), inspection, p.paperNo(), p.title(), true)).toList();
    }
}
