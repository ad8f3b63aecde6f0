package org.xuncha.organization;

import org.xuncha.platform.excel.SheetImport;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.RegionCode;
import org.xuncha.platform.excel.ExcelFileRejected;
import org.xuncha.platform.excel.XlsxColumn;
import org.xuncha.platform.excel.XlsxLimits;
import org.xuncha.platform.excel.XlsxReader;
import org.xuncha.platform.excel.XlsxRow;
import org.xuncha.platform.excel.XlsxTemplate;
import org.xuncha.platform.excel.XlsxWriter;
import org.xuncha.platform.web.NotFoundInScope;

/**
 * Organizations in and out of Excel: the import template, the all-or-nothing import into the caller's own
 * body, and the export of what the caller may read.
 *
 * <p>Import contract: every row is validated before anything is written, and every bad row is reported
 * (row number, column, Chinese message). One error means nothing is written; otherwise all rows go in one
 * transaction, parents before children. Codes are unique everywhere, so importing the same file twice
 * writes nothing the second time (every row is reported as a duplicate).
 */
@Service
class OrganizationSheets {

    static final String CODE = "组织编码";
    static final String NAME = "组织名称";
    static final String KIND = "组织类别";
    static final String SECTOR = "所属领域";
    static final String REGION = "行政区划代码";
    static final String PARENT = "上级组织编码";
    static final String CADRE = "主要负责人";

    static final List<XlsxColumn> IMPORT_COLUMNS = List.of(
            XlsxColumn.required(CODE, 18, "本机构内唯一的组织编码：字母、数字、- 或 _，最长 32 位"),
            XlsxColumn.required(NAME, 36, "党组织全称，最长 200 字"),
            XlsxColumn.choice(KIND, 12, true, OrganizationKind.labels(), "党组织类别"),
            XlsxColumn.choice(SECTOR, 12, true, Sector.labels(), "所属领域"),
            XlsxColumn.required(REGION, 16, "6 位（县级以上）、9 位（乡镇）或 12 位（村社区）行政区划代码，须在本机构管辖范围内"),
            XlsxColumn.optional(PARENT, 18, "上级党组织的编码：可以是本文件中的组织，也可以是系统中本机构已有的组织；顶层组织留空"),
            XlsxColumn.optional(CADRE, 12, "主要负责人（书记）姓名，最长 64 字"));

    static final List<XlsxColumn> EXPORT_COLUMNS = List.of(
            XlsxColumn.text(CODE, 18), XlsxColumn.text(NAME, 36), XlsxColumn.text(KIND, 10),
            XlsxColumn.text(SECTOR, 10), XlsxColumn.text(REGION, 16), XlsxColumn.text("行政区划", 16),
            XlsxColumn.text(PARENT, 18), XlsxColumn.text("上级组织", 30), XlsxColumn.text(CADRE, 12),
            XlsxColumn.text("巡察机构", 24), XlsxColumn.text("状态", 8));

    /** Imports are capped well below the servlet's multipart limit. */
    static final long MAX_UPLOAD_BYTES = 10L * 1024 * 1024;

    private final PartyOrganizationRepository organizations;
    private final RegionDirectory regions;
    private final InspectionBodies bodies;
    private final AuditTrail audit;
    private final Clock clock;
    private final XlsxReader reader = new XlsxReader(XlsxLimits.defaults().withMaxFileBytes(MAX_UPLOAD_BYTES));

    OrganizationSheets(PartyOrganizationRepository organizations, RegionDirectory regions, InspectionBodies bodies,
                       AuditTrail audit, Clock clock) {
        this.organizations = organizations;
        this.regions = regions;
        this.bodies = bodies;
        this.audit = audit;
        this.clock = clock;
    }

    void template(OutputStream out) {
        XlsxTemplate.write(out, "党组织", IMPORT_COLUMNS,
                List.of("ORG-001", "示例县财政局党组", OrganizationKind.LEADING_PARTY_GROUP.label(),
                        Sector.DEPARTMENT.label(), "350102", "", "张三"),
                List.of("党组织导入模板：每行一个党组织，导入到您所在的巡察机构。",
                        "所有行先整体校验，任何一行有错误都不会导入；请按错误提示修改后重新上传。",
                        "单个文件最多 " + XlsxLimits.DEFAULT_MAX_ROWS + " 行、" + MAX_UPLOAD_BYTES / 1024 / 1024 + " MB。"));
    }

    record ImportOutcome(int imported, List<SheetImport.CellError> errors) {

        boolean ok() {
            return errors.isEmpty();
        }
    }

    private record Line(int row, String code, String name, String kindText, String sectorText, String region,
                        String parentCode, String cadre) {
    }

    @Transactional
    public ImportOutcome importFrom(InputStream upload, DataScope scope) {
        BodyId body = scope.body();
        if (body == null || !scope.canWrite(body)) {
            throw new NotFoundInScope("body");
        }
        List<Line> lines = new ArrayList<>();
        try {
            reader.read(upload, List.of(CODE, NAME, KIND, SECTOR, REGION), row -> lines.add(line(row)));
        } catch (ExcelFileRejected e) {
            return refused(List.of(new SheetImport.CellError(null, null, e.getMessage())), 0);
        }
        if (lines.isEmpty()) {
            return refused(List.of(new SheetImport.CellError(null, null, "文件中没有可导入的数据行")), 0);
        }
        List<SheetImport.CellError> errors = new ArrayList<>();
        Map<Line, PartyOrganization.Details> valid = validate(lines, body, errors);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(SheetImport.CellError::row, Comparator.nullsFirst(Integer::compare)));
            return refused(errors, lines.size());
        }
        int imported;
        try {
            imported = insertAll(lines, valid, body.value(), scope);
        } catch (DuplicateKeyException e) {
            // someone imported or registered the same codes meanwhile: nothing of this file stays
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new ImportOutcome(0, List.of(new SheetImport.CellError(null, CODE, CODE_RACE)));
        }
        audit.success("IMPORT", "PartyOrganization", null, "imported=" + imported + " body=" + body.value());
        return new ImportOutcome(imported, List.of());
    }

    static final String CODE_RACE = "导入期间有相同编码的组织被登记，本次未导入任何数据，请重新上传";

    private ImportOutcome refused(List<SheetImport.CellError> errors, int rows) {
        audit.record("IMPORT", "PartyOrganization", null, AuditOutcome.FAILURE,
                "rows=" + rows + " errors=" + errors.size());
        return new ImportOutcome(0, errors);
    }

    private static Line line(XlsxRow row) {
        return new Line(row.number(), row.get(CODE), row.get(NAME), row.get(KIND), row.get(SECTOR), row.get(REGION),
                row.get(PARENT), row.get(CADRE));
    }

    private Map<Line, PartyOrganization.Details> validate(List<Line> lines, BodyId body, List<SheetImport.CellError> errors) {
        String bodyRegion = bodies.find(body).map(InspectionBodies.BodySummary::regionCode).orElse("");
        Set<String> codes = new HashSet<>();
        Set<String> regionCodes = new HashSet<>();
        for (Line l : lines) {
            codes.add(l.code());
            if (!l.parentCode().isEmpty()) {
                codes.add(l.parentCode());
            }
            regionCodes.add(l.region());
        }
        Map<String, PartyOrganization.Parent> inDb = organizations.existingCodes(codes);
        Set<String> knownRegions = regions.existing(regionCodes);
        Map<String, Line> inFile = new HashMap<>();
        Map<Line, PartyOrganization.Details> valid = new LinkedHashMap<>();

        for (Line l : lines) {
            int before = errors.size();
            if (l.code().isEmpty()) {
                errors.add(new SheetImport.CellError(l.row(), CODE, "组织编码不能为空"));
            } else if (!PartyOrganization.CODE.matcher(l.code()).matches()) {
                errors.add(new SheetImport.CellError(l.row(), CODE, "组织编码只能由字母、数字、- 和 _ 组成，最长 32 位"));
            } else if (inFile.containsKey(l.code())) {
                errors.add(new SheetImport.CellError(l.row(), CODE, "组织编码与第 " + inFile.get(l.code()).row() + " 行重复"));
            } else if (inDb.containsKey(l.code())) {
                errors.add(new SheetImport.CellError(l.row(), CODE, "组织编码已被使用（系统中已有该组织）"));
            }
            if (!l.code().isEmpty()) {
                inFile.putIfAbsent(l.code(), l);
            }
            if (l.name().isEmpty()) {
                errors.add(new SheetImport.CellError(l.row(), NAME, "组织名称不能为空"));
            } else if (l.name().length() > 200) {
                errors.add(new SheetImport.CellError(l.row(), NAME, "组织名称不能超过 200 字"));
            }
            var kind = OrganizationKind.fromLabel(l.kindText());
            if (kind.isEmpty()) {
                errors.add(new SheetImport.CellError(l.row(), KIND, l.kindText().isEmpty() ? "组织类别不能为空"
                        : "组织类别应为：" + String.join("、", OrganizationKind.labels())));
            }
            var sector = Sector.fromLabel(l.sectorText());
            if (sector.isEmpty()) {
                errors.add(new SheetImport.CellError(l.row(), SECTOR, l.sectorText().isEmpty() ? "所属领域不能为空"
                        : "所属领域应为：" + String.join("、", Sector.labels())));
            }
            if (l.region().isEmpty()) {
                errors.add(new SheetImport.CellError(l.row(), REGION, "行政区划代码不能为空"));
            } else if (!RegionCode.isValid(l.region())) {
                errors.add(new SheetImport.CellError(l.row(), REGION, "行政区划代码应为6位、9位或12位数字"));
            } else if (!knownRegions.contains(l.region())) {
                errors.add(new SheetImport.CellError(l.row(), REGION, "行政区划代码不存在"));
            } else if (!RegionDirectory.within(l.region(), bodyRegion)) {
                errors.add(new SheetImport.CellError(l.row(), REGION, "行政区划不在本巡察机构的管辖范围内"));
            }
            if (l.cadre().length() > 64) {
                errors.add(new SheetImport.CellError(l.row(), CADRE, "主要负责人不能超过 64 字"));
            }
            if (errors.size() == before && kind.isPresent() && sector.isPresent()) {
                valid.put(l, new PartyOrganization.Details(l.name(), kind.get(), sector.get(), l.region(), null,
                        l.cadre().isEmpty() ? null : l.cadre()));
            }
        }
        // parents, once every code of the file is known
        for (Line l : lines) {
            if (l.parentCode().isEmpty()) {
                continue;
            }
            if (l.parentCode().equals(l.code())) {
                errors.add(new SheetImport.CellError(l.row(), PARENT, "上级组织不能是它自己"));
            } else if (inFile.containsKey(l.parentCode())) {
                if (loops(l, inFile)) {
                    errors.add(new SheetImport.CellError(l.row(), PARENT, "上级组织关系形成循环"));
                }
            } else {
                PartyOrganization.Parent p = inDb.get(l.parentCode());
                if (p == null || p.bodyId() != body.value()) {
                    errors.add(new SheetImport.CellError(l.row(), PARENT, "上级组织编码在文件和本巡察机构中都不存在"));
                }
            }
        }
        return valid;
    }

    private static boolean loops(Line start, Map<String, Line> inFile) {
        Set<String> seen = new HashSet<>();
        Line current = start;
        while (current != null && !current.parentCode().isEmpty()) {
            if (!seen.add(current.code())) {
                return true;
            }
            current = inFile.get(current.parentCode());
        }
        return false;
    }

    /** Inserts parents before their children; returns the number of rows written. */
    private int insertAll(List<Line> lines, Map<Line, PartyOrganization.Details> valid, long body, DataScope scope) {
        Map<String, PartyOrganization.Parent> known = new HashMap<>(organizations.existingCodes(
                lines.stream().map(Line::parentCode).filter(c -> !c.isEmpty()).toList()));
        OffsetDateTime now = OrganizationRegister.now(clock);
        String actor = OrganizationRegister.actor();
        Long actorId = OrganizationRegister.actorId(scope);
        List<Line> pending = new ArrayList<>(lines);
        int written = 0;
        while (!pending.isEmpty()) {
            List<Line> next = new ArrayList<>();
            for (Line l : pending) {
                PartyOrganization.Parent parent = null;
                if (!l.parentCode().isEmpty()) {
                    parent = known.get(l.parentCode());
                    if (parent == null) {
                        next.add(l);
                        continue;
                    }
                }
                PartyOrganization.Details d = valid.get(l);
                PartyOrganization org = PartyOrganization.register(l.code(), body, new PartyOrganization.Details(
                        d.name(), d.kind(), d.sector(), d.regionCode(), parent, d.leadingCadre()));
                long id = organizations.insert(org, now);
                organizations.appendHistory(id, now, actor, actorId, ChangeKind.IMPORTED, List.of(), null);
                known.put(l.code(), new PartyOrganization.Parent(id, l.code(), body));
                written++;
            }
            if (next.size() == pending.size()) {
                throw new IllegalStateException("unresolvable parents after validation");
            }
            pending = next;
        }
        return written;
    }

    /** Streams the caller's readable organizations matching the filter; audited with the row count. */
    int export(OrganizationFilter filter, DataScope scope, OutputStream out) {
        int rows;
        try (XlsxWriter xlsx = new XlsxWriter()) {
            XlsxWriter.Sheet sheet = xlsx.sheet("党组织", EXPORT_COLUMNS);
            organizations.forEach(filter, scope, o -> sheet.row(o.code(), o.name(), o.kind().label(),
                    o.sector().label(), o.regionCode(), o.regionName(), o.parentCode(), o.parentName(),
                    o.leadingCadre(), o.bodyName(), o.status().label()));
            rows = sheet.rows();
            xlsx.writeTo(out);
        }
        audit.success("EXPORT", "PartyOrganization", null, "rows=" + rows);
        return rows;
    }
}
