package org.xuncha.findings.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.documents.DocumentContent;
import org.xuncha.documents.DocumentTemplates;
import org.xuncha.findings.LeadCounts;

/**
 * Writes both reports as .docx ({@link InspectionReportKinds}) from the body's template or the built-in one, for
 * whoever reads them (the leads report: the team and the leading group only, as {@link InspectionReporting}
 * decides). Every document handed out is audited as an export.
 */
@Service
class InspectionReportDocuments {

    private final InspectionReporting reporting;
    private final DocumentTemplates templates;
    private final AuditTrail audit;
    private final Clock clock;

    InspectionReportDocuments(InspectionReporting reporting, DocumentTemplates templates, AuditTrail audit,
                              Clock clock) {
        this.reporting = reporting;
        this.templates = templates;
        this.audit = audit;
        this.clock = clock;
    }

    record Written(String fileName, byte[] content) {
    }

    /** Read-write: the export's audit record is written in this transaction. */
    @Transactional
    Written report(DataScope scope, long id) {
        ReportView r = reporting.get(scope, id);
        DocumentTemplates.Filled filled = templates.fill(BodyId.of(r.bodyId()), InspectionReportKinds.REPORT,
                content(r, LocalDate.now(clock)));
        audit.success("EXPORT", "InspectionReport", r.id(), "docx report; template="
                + (filled.custom() ? "custom" : "built-in"));
        return new Written(r.teamName() + "巡察报告.docx", filled.content());
    }

    @Transactional
    Written leads(DataScope scope, long inspectionId) {
        InspectionReporting.LeadsReport l = reporting.leadsReport(scope, inspectionId);
        long body = reporting.inspection(scope, inspectionId).bodyId();
        DocumentTemplates.Filled filled = templates.fill(BodyId.of(body), InspectionReportKinds.LEADS,
                leadsContent(l, LocalDate.now(clock)));
        audit.success("EXPORT", "InspectionReport", inspectionId, "docx leads report; leads=" + l.leads().size());
        return new Written(l.teamName() + "巡察发现问题线索报告.docx", filled.content());
    }

    static DocumentContent content(ReportView r, LocalDate on) {
        ReportView.Counts c = r.counts();
        Map<String, String> t = new LinkedHashMap<>();
        t.put("巡察组", r.teamName());
        t.put("基本情况", "巡察期间，个别谈话" + c.talks() + "人次，发放问卷" + c.questionnaires() + "份，走访" + c.visits()
                + "次，调阅资料" + c.recordsRead() + "次，受理信访举报" + c.petitionsReceived() + "件、办结"
                + c.petitionsHandled() + "件；发现问题" + c.problems() + "个，问题线索" + c.leads() + "件涉及"
                + c.leadPersons() + "人，立行立改" + c.rectified() + "个。");
        t.put("总体评价", r.overall());
        t.put("主要问题", InspectionReporting.problemsText(r).strip());
        t.put("意见建议", r.suggestions());
        t.put("状态", r.status().label() + "（第" + r.contentVersion() + "版）");
        t.put("落款日期", on.format(InspectionReportKinds.DATE));
        return new DocumentContent(t, Map.of(), Map.of());
    }

    static DocumentContent leadsContent(InspectionReporting.LeadsReport l, LocalDate on) {
        LeadCounts c = l.counts();
        Map<String, String> t = new LinkedHashMap<>();
        t.put("巡察组", l.teamName());
        t.put("线索情况", "巡察期间发现问题线索" + c.leads() + "件，涉及" + c.persons() + "人，其中适时报告" + c.urgent() + "件。");
        t.put("落款日期", on.format(InspectionReportKinds.DATE));
        int[] n = {0};
        List<Map<String, String>> rows = l.leads().stream().map(x -> Map.of("序号", String.valueOf(++n[0]),
                "标题", x.title() + "（" + x.violationLabel() + "）", "涉及人数", x.persons() + "人")).toList();
        return new DocumentContent(t, Map.of(), Map.of("线索", rows));
    }
}
