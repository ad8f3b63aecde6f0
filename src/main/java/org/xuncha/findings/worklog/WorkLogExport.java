package org.xuncha.findings.worklog;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.DataScope;
import org.xuncha.platform.excel.XlsxColumn;
import org.xuncha.platform.excel.XlsxWriter;
import org.xuncha.platform.web.NotFoundInScope;

/**
 * An inspection's work logs as an Excel sheet for the office and the team: every column but the sealed ones (a
 * talk's interviewee and notes never leave through an export). Audited as an export.
 */
@Service
class WorkLogExport {

    static final List<XlsxColumn> COLUMNS = List.of(XlsxColumn.text("日期", 12), XlsxColumn.text("类型", 16),
            XlsxColumn.text("地点", 24), XlsxColumn.text("事项", 30), XlsxColumn.text("谈话对象类别", 14),
            XlsxColumn.text("在场巡察人员", 24), XlsxColumn.text("人数", 8), XlsxColumn.text("发放份数", 10),
            XlsxColumn.text("收回份数", 10), XlsxColumn.text("资料期间", 16), XlsxColumn.text("页数", 8),
            XlsxColumn.text("调阅人", 12), XlsxColumn.text("状态", 10), XlsxColumn.text("撤回原因", 24));

    private final WorkLogRepository logs;
    private final AuditTrail audit;

    WorkLogExport(WorkLogRepository logs, AuditTrail audit) {
        this.logs = logs;
        this.audit = audit;
    }

    @Transactional
    byte[] export(DataScope scope, long inspection) {
        logs.readableInspection(inspection, scope).orElseThrow(() -> new NotFoundInScope("inspection " + inspection));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rows;
        try (XlsxWriter xlsx = new XlsxWriter()) {
            XlsxWriter.Sheet sheet = xlsx.sheet("工作日志", COLUMNS);
            for (WorkLogView l : logs.list(inspection, null, scope, 100_000)) {
                sheet.row(l.heldOn().toString(), l.kind().label(), text(l.place()), text(l.subject()),
                        l.talkCategory() == null ? "" : l.talkCategory().label(), String.join("、", l.inspectors()),
                        number(l.personsCount()), number(l.issuedCount()), number(l.returnedCount()),
                        text(l.period()), number(l.pages()), text(l.readBy()), l.status().label(),
                        text(l.withdrawReason()));
            }
            rows = sheet.rows();
            xlsx.writeTo(out);
        }
        audit.success("EXPORT", "WorkLog", null, "inspection=" + inspection + "; rows=" + rows);
        return out.toByteArray();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static Object number(Integer n) {
        return n == null ? "" : n;
    }
}
