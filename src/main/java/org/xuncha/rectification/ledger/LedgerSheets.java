package org.xuncha.rectification.ledger;

import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.DataScope;
import org.xuncha.platform.excel.XlsxColumn;
import org.xuncha.platform.excel.XlsxWriter;
import org.xuncha.platform.web.ResultPage;

/**
 * The ledger as offices keep it in Excel (issue 14 §7, docs/domain.md "The ledger"): one sheet per inspected
 * organization (named after it), the columns 序号 | 反馈问题 | 整改目标 | 整改措施 | 责任领导 | 责任部门 | 具体经办人 |
 * 完成时限 | 整改进展 | 佐证材料 | 销号情况 in that order, then a trailing 预警 (today's warning and whom it is sent to,
 * empty without one), rows by deadline as on the page, with the page's filter and
 * the caller's scope. Streamed (XlsxWriter), read in pages of {@link #CHUNK}; audited as an export.
 */
@Component
class LedgerSheets {

    static final int CHUNK = 500;

    /** The columns offices keep, in their order (docs/domain.md); what the import reads. */
    static final List<XlsxColumn> OFFICE_COLUMNS = List.of(
            XlsxColumn.text("序号", 6), XlsxColumn.text("反馈问题", 40), XlsxColumn.text("整改目标", 30),
            XlsxColumn.text("整改措施", 40), XlsxColumn.text("责任领导", 10), XlsxColumn.text("责任部门", 14),
            XlsxColumn.text("具体经办人", 10), XlsxColumn.text("完成时限", 12), XlsxColumn.text("整改进展", 40),
            XlsxColumn.text("佐证材料", 30), XlsxColumn.text("销号情况", 16));
    /** The export: the office's columns and, after them, the platform's 预警 (computed, ignored by the import). */
    static final List<XlsxColumn> COLUMNS;

    static {
        List<XlsxColumn> columns = new java.util.ArrayList<>(OFFICE_COLUMNS);
        columns.add(XlsxColumn.text("预警", 30));
        COLUMNS = List.copyOf(columns);
    }

    private final LedgerRepository ledger;
    private final LedgerItems items;
    private final AuditTrail audit;

    LedgerSheets(LedgerRepository ledger, LedgerItems items, AuditTrail audit) {
        this.ledger = ledger;
        this.items = items;
        this.audit = audit;
    }

    /** Writes the ledger the filter picks; returns the number of rows. Read-write: the export is audited. */
    @Transactional
    int export(DataScope scope, LedgerFilter filter, OutputStream out) {
        int rows = 0;
        try (XlsxWriter xlsx = new XlsxWriter()) {
            Set<String> names = new HashSet<>();
            List<LedgerRepository.Option> organizations = ledger.organizations(scope, filter.body()).stream()
                    .filter(o -> filter.organization() == null || filter.organization() == o.id()).toList();
            for (LedgerRepository.Option o : organizations) {
                LedgerFilter one = filter.forOrganization(o.id());
                ResultPage<LedgerRepository.Item> page = ledger.page(scope, one, items.today(), 0, CHUNK);
                if (page.total() == 0) {
                    continue;
                }
                XlsxWriter.Sheet sheet = xlsx.sheet(sheetName(o, names), COLUMNS);
                while (true) {
                    Map<Long, List<String>> titles = items.evidenceTitles(page.items());
                    for (LedgerRepository.Item i : page.items()) {
                        sheet.row(i.position(), i.heading() + "：" + i.wording(), i.goal(), i.measures(),
                                i.leaderName(), i.department(), i.handlerName(), i.dueOn().toString(),
                                i.latestProgress() == null ? "" : i.latestProgress(),
                                String.join("；", titles.getOrDefault(i.id(), List.of())), i.signOffShown(),
                                i.warningTitle(items.today()));
                    }
                    if (!page.hasNext()) {
                        break;
                    }
                    page = ledger.page(scope, one, items.today(), page.page() + 1, CHUNK);
                }
                rows += sheet.rows();
            }
            if (rows == 0) {
                xlsx.sheet("整改台账", COLUMNS);
            }
            xlsx.writeTo(out);
        }
        audit.success("EXPORT", "RectificationLedger", "ledger", "rows=" + rows);
        return rows;
    }

    /** The organization's name as a sheet name: at most 31 characters, none of []:*?/\, unique in the book. */
    static String sheetName(LedgerRepository.Option o, Set<String> taken) {
        String base = (o.name() == null || o.name().isBlank() ? "组织" + o.id() : o.name())
                .replaceAll("[\\[\\]:*?/\\\\]", "_");
        if (base.length() > 31) {
            base = base.substring(0, 31);
        }
        String name = base;
        int n = 2;
        while (!taken.add(name)) {
            String suffix = "(" + n++ + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }
}
