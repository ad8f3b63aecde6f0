package org.xuncha.supervision.evaluation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.documents.DocumentContent;
import org.xuncha.documents.DocumentTemplates;
import org.xuncha.supervision.EvaluationConsequence;

/**
 * The .docx 整改质效评估报告 of one organization's sheet, filled with the body's template of the kind (the built-in
 * one when the office uploaded none). Whoever reads the sheet may download it (the TARGET only its confirmed
 * result); a sheet not yet confirmed says so where the date goes.
 */
@Service
class EvaluationDocuments {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    record Download(String fileName, byte[] content) {
    }

    private final Evaluations evaluations;
    private final ModelRepository models;
    private final EvaluationRepository repository;
    private final DocumentTemplates templates;
    private final java.time.Clock clock;

    EvaluationDocuments(Evaluations evaluations, ModelRepository models, EvaluationRepository repository,
                        DocumentTemplates templates,
                        java.time.Clock clock) {
        this.evaluations = evaluations;
        this.models = models;
        this.repository = repository;
        this.templates = templates;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Download docx(DataScope scope, long sheetId) {
        Evaluations.SheetPage p = evaluations.page(scope, sheetId);
        EvaluationRepository.SheetRow s = p.sheet();
        Evaluations.Result r = p.unscored() == 0 ? Evaluations.result(p.model(),
                p.lines().stream().map(l -> l.score().score()).toList(), s.figures()) : null;
        Map<String, String> t = new LinkedHashMap<>();
        t.put("标题", "关于" + s.organizationName() + "巡察整改质效评估情况的报告");
        t.put("单位", s.organizationName());
        t.put("巡察", s.title());
        var model = models.content(s.modelId());
        t.put("评估模型", p.model().name());
        t.put("总分", s.total() != null ? s.total().toPlainString() : p.runningTotal().toPlainString() + "（评分未完成）");
        t.put("等级", s.grade() != null ? s.grade() : r != null ? r.grade().name() + "（待确定）" : "（评分未完成）");
        t.put("一票否决", s.vetoed() ? "是：" + s.vetoReason() : r != null && r.veto().isPresent()
                ? "是：" + r.veto().get().description() : "否");
        t.put("评分明细", p.lines().stream().map(l -> l.indicator().name() + "："
                + (l.scored() ? l.score().score().toPlainString() + "分" : "未评分") + "（满分"
                + ModelForm.plain(l.indicator().weight()) + "）"
                + (l.score() != null && l.score().basis() != null ? "，" + l.score().basis() : "")
                + (l.score() != null && l.score().reason() != null ? "，扣分理由：" + l.score().reason() : ""))
                .collect(Collectors.joining("\n")));
        t.put("后续措施", p.actions().isEmpty() ? "无" : p.actions().stream()
                .map(a -> a.consequence().label() + "（" + a.status().label() + "）").collect(Collectors.joining("\n")));
        t.put("评估机构", repository.officeName(s.bodyId()));
        t.put("确定日期", s.confirmedAt() == null ? "（尚未确定）"
                : LocalDate.ofInstant(s.confirmedAt().toInstant(), clock.getZone()).format(DATE));
        if (model.indicators().isEmpty()) {
            t.put("评分明细", "无");
        }
        byte[] docx = templates.fill(BodyId.of(s.bodyId()), EvaluationReportKind.KIND,
                new DocumentContent(t, Map.of(), Map.of())).content();
        return new Download("整改质效评估报告（" + s.organizationName() + "）.docx", docx);
    }

    static String consequences(java.util.List<EvaluationConsequence> list) {
        return list.stream().map(EvaluationConsequence::label).collect(Collectors.joining("、"));
    }
}
