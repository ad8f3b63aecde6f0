package org.xuncha.findings.paper;

import java.time.ZoneId;
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

/**
 * Writes a working paper's approval slip (底稿审批单, {@link WorkingPaperSlipKind}) as .docx from its body's template
 * or the built-in one, for whoever reads the paper; a paper not yet approved is written with what it has (blank
 * opinions), its status naming where it stands. Every slip handed out is audited as an export.
 */
@Service
class WorkingPaperSlips {

    private final WorkingPapers papers;
    private final DocumentTemplates templates;
    private final AuditTrail audit;
    private final ZoneId zone;

    WorkingPaperSlips(WorkingPapers papers, DocumentTemplates templates, AuditTrail audit, java.time.Clock clock) {
        this.papers = papers;
        this.templates = templates;
        this.audit = audit;
        this.zone = clock.getZone();
    }

    record Written(String fileName, byte[] content) {
    }

    /** Read-write: the export's audit record is written in this transaction. */
    @Transactional
    Written write(DataScope scope, long id) {
        WorkingPaperView p = papers.get(scope, id);
        List<WorkingPaperRepository.Step> steps = papers.steps(scope, id);
        DocumentTemplates.Filled filled = templates.fill(BodyId.of(p.bodyId()), WorkingPaperSlipKind.KIND,
                content(p, steps));
        audit.success("EXPORT", "WorkingPaper", p.id(), "docx slip; template="
                + (filled.custom() ? "custom" : "built-in"));
        return new Written("底稿审批单" + p.paperNo() + ".docx", filled.content());
    }

    DocumentContent content(WorkingPaperView p, List<WorkingPaperRepository.Step> steps) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("巡察组", p.teamName());
        t.put("编号", p.paperNo());
        t.put("问题标题", p.title());
        t.put("问题表现", p.facts());
        StringBuilder basis = new StringBuilder();
        p.bases().forEach(b -> basis.append(b.text()).append('\n'));
        if (p.basisText() != null) {
            basis.append(p.basisText());
        }
        t.put("定性依据", basis.toString().strip());
        t.put("问题来源", p.source().label() + (p.sourceRef() == null ? "" : "（" + p.sourceRef() + "）")
                + (p.sourceRecordLabel() == null ? "" : "；来源记录：" + p.sourceRecordLabel()));
        t.put("主体责任", blank(p.subjectResp()));
        t.put("第一责任人", blank(p.firstResp()));
        t.put("主要领导", blank(p.mainLeaderResp()));
        t.put("监督责任", blank(p.supervisionResp()));
        t.put("违规资金", p.illegalShown());
        t.put("损失金额", p.lossShown());
        t.put("发现人", p.finderName() + "（" + p.foundOn().format(WorkingPaperSlipKind.DATE) + "）");
        t.put("撰写人", p.writerName() + "（" + p.writtenAt().atZoneSameInstant(zone).toLocalDate()
                .format(WorkingPaperSlipKind.DATE) + "）");
        // the deputy's step of the current round of approval: the last move to DEPUTY_APPROVED
        String deputy = steps.stream().filter(s -> s.to() == WorkingPaperStatus.DEPUTY_APPROVED)
                .reduce((a, b) -> b).map(s -> (s.opinion() == null ? "同意" : s.opinion()) + " " + s.actor() + " "
                        + s.occurredAt().atZoneSameInstant(zone).toLocalDate().format(WorkingPaperSlipKind.DATE))
                .orElse("");
        boolean approved = p.status() == WorkingPaperStatus.APPROVED;
        t.put("副组长意见", p.status() == WorkingPaperStatus.DRAFT || p.status() == WorkingPaperStatus.SUBMITTED
                ? "" : deputy);
        t.put("组务会意见", approved ? blank(p.meetingOpinion()) : "");
        t.put("组长", approved ? blank(p.approvedBy()) : "");
        t.put("审批日期", approved && p.approvedAt() != null ? p.approvedAt().atZoneSameInstant(zone).toLocalDate()
                .format(WorkingPaperSlipKind.DATE) : "");
        t.put("状态", p.status().label() + "（第" + p.contentVersion() + "版）");
        List<Map<String, String>> evidence = p.evidence().stream().map(e -> Map.of("编号", e.label(), "说明",
                e.description() + (e.files().isEmpty() ? "" : "（附件" + e.files().size() + "份）"))).toList();
        return new DocumentContent(t, Map.of(), Map.of("证据", evidence));
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}
