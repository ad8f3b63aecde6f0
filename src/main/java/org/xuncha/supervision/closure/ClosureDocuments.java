package org.xuncha.supervision.closure;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.documents.DocumentContent;
import org.xuncha.documents.DocumentTemplates;
import org.xuncha.rectification.RectificationCounts;
import org.xuncha.rectification.RectificationFigures;

/**
 * The 报结报告 (.docx) of an inspection the office reads: the office's closure conditions with their standing (met,
 * or the unmet reasons) and each fed-back organization's figures (rectification's {@link RectificationFigures}, in
 * the caller's scope), filled through documents with the body's template of the kind. Nothing changes; no finding
 * text, no person.
 */
@Service
class ClosureDocuments {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    record Download(String fileName, byte[] content) {
    }

    private final ClosureConditions closure;
    private final ClosureRepository repository;
    private final RectificationFigures figures;
    private final DocumentTemplates templates;
    private final Clock clock;

    ClosureDocuments(ClosureConditions closure, ClosureRepository repository, RectificationFigures figures,
                     DocumentTemplates templates, Clock clock) {
        this.closure = closure;
        this.repository = repository;
        this.figures = figures;
        this.templates = templates;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Download docx(DataScope scope, InspectionId inspection) {
        ClosureConditions.Standing s = closure.standing(scope, inspection);
        long body = repository.inspection(inspection.value()).orElseThrow().bodyId();
        ClosureRepository.Setting setting = repository.setting(body);
        List<String> conditions = new ArrayList<>();
        if (s.closed()) {
            conditions.add("本巡察已报结");
        } else if (s.unmet().isEmpty()) {
            conditions.add("本机构设定的报结条件均已满足");
        } else {
            conditions.add("尚未满足的报结条件：");
            conditions.addAll(s.unmet());
        }
        conditions.add("本机构的报结条件：" + String.join("；", required(setting)));
        List<String> text = new ArrayList<>();
        for (RectificationFigures.OrganizationCounts o : figures.byOrganization(scope,
                new RectificationFigures.Query(null, null, null, inspection, null))) {
            RectificationCounts c = o.counts();
            text.add(o.name() + "：反馈问题" + c.problems() + "个，已完成" + c.done() + "个，持续整改" + c.longTerm()
                    + "个，未完成" + c.undone() + "个，整改率" + c.rectificationRateShown() + "，按期报结率"
                    + c.onTimeRateShown() + "。");
        }
        if (text.isEmpty()) {
            text.add("本巡察尚无送达的反馈意见。");
        }
        Map<String, String> t = new LinkedHashMap<>();
        t.put("标题", "关于" + s.teamName() + "巡察整改工作报结的报告");
        t.put("巡察机构", s.bodyName());
        t.put("巡察组", s.teamName());
        t.put("报结条件", String.join("\n", conditions));
        t.put("正文", String.join("\n", text));
        t.put("日期", LocalDate.now(clock).format(DATE));
        byte[] docx = templates.fill(BodyId.of(body), ClosureDocumentKinds.KIND,
                new DocumentContent(t, Map.of(), Map.of())).content();
        return new Download("报结报告（" + s.teamName() + "）.docx", docx);
    }

    private static List<String> required(ClosureRepository.Setting s) {
        List<String> r = new ArrayList<>();
        if (s.ledger()) {
            r.add(org.xuncha.supervision.ClosureConditionKind.LEDGER.label());
        }
        if (s.reports()) {
            r.add(org.xuncha.supervision.ClosureConditionKind.REPORTS.label());
        }
        if (s.evaluation()) {
            r.add(org.xuncha.supervision.ClosureConditionKind.EVALUATION.label());
        }
        return r.isEmpty() ? List.of("无") : r;
    }
}
