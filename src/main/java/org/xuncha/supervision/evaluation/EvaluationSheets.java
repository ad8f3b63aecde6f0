package org.xuncha.supervision.evaluation;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.DataScope;
import org.xuncha.platform.excel.XlsxColumn;
import org.xuncha.platform.excel.XlsxWriter;

/**
 * The results of an evaluation as .xlsx for the organization department's assessment (issue 15 §4): one row per
 * organization the caller reads (组织部 and the leading group read confirmed results only, the office every sheet):
 * 单位, 状态, 总分, 等级, 一票否决, then each indicator's score. The export is audited.
 */
@Service
class EvaluationSheets {

    private final Evaluations evaluations;
    private final EvaluationRepository repository;
    private final ModelRepository models;
    private final AuditTrail audit;

    EvaluationSheets(Evaluations evaluations, EvaluationRepository repository, ModelRepository models,
                     AuditTrail audit) {
        this.evaluations = evaluations;
        this.repository = repository;
        this.models = models;
        this.audit = audit;
    }

    record Export(String fileName, byte[] content, int rows) {
    }

    /** Not read-only: the export writes its audit record (the chain head is locked for update). */
    @Transactional
    Export results(DataScope scope, long evaluationId) {
        Evaluations.EvaluationPage page = evaluations.evaluation(scope, evaluationId);
        ModelRepository.Content content = models.content(page.evaluation().modelId());
        List<XlsxColumn> columns = new ArrayList<>(List.of(XlsxColumn.text("单位", 30), XlsxColumn.text("状态", 8),
                XlsxColumn.text("总分", 8), XlsxColumn.text("等级", 8), XlsxColumn.text("一票否决", 10)));
        for (ModelRepository.StoredIndicator i : content.indicators()) {
            columns.add(XlsxColumn.text(i.indicator().name() + "（" + ModelForm.plain(i.indicator().weight()) + "分）",
                    14));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rows;
        try (XlsxWriter xlsx = new XlsxWriter()) {
            XlsxWriter.Sheet sheet = xlsx.sheet("整改质效评估结果", columns);
            for (EvaluationRepository.SheetRow s : page.sheets()) {
                Map<Long, EvaluationRepository.Score> scores = repository.scores(s.id());
                List<Object> row = new ArrayList<>();
                row.add(s.organizationName());
                row.add(s.status().label());
                row.add(s.total() == null ? null : s.total().doubleValue());
                row.add(s.grade());
                row.add(s.vetoed() ? "是：" + s.vetoReason() : "否");
                for (ModelRepository.StoredIndicator i : content.indicators()) {
                    EvaluationRepository.Score score = scores.get(i.id());
                    row.add(score == null || score.score() == null ? null : score.score().doubleValue());
                }
                sheet.row(row);
            }
            rows = sheet.rows();
            xlsx.writeTo(out);
        }
        audit.success("EXPORT", Evaluations.OBJECT, evaluationId, "evaluation results rows=" + rows);
        return new Export("整改质效评估结果.xlsx", out.toByteArray(), rows);
    }
}
