package org.xuncha.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.xuncha.common.RegionCode;
import org.xuncha.platform.web.UserInputException;

/**
 * A party organization that can be inspected (被巡察党组织). Its code is its identity and never changes;
 * its inspecting body (管辖) never changes either — moving an organization to another body is a new
 * registration there. Every change returns the fields it changed so the caller can append them to the
 * history; invariants are checked here, not in the page.
 */
final class PartyOrganization {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

    private final Long id;
    private final String code;
    private final long bodyId;
    private final int version;
    private String name;
    private OrganizationKind kind;
    private Sector sector;
    private String regionCode;
    private Parent parent;
    private String leadingCadre;
    private OrganizationStatus status;
    private String statusReason;

    /** The parent as the entity needs it: its id for the row, its code for the history. */
    record Parent(long id, String code, long bodyId) {
    }

    /** The editable fields, already parsed. */
    record Details(String name, OrganizationKind kind, Sector sector, String regionCode, Parent parent,
                   String leadingCadre) {
    }

    PartyOrganization(Long id, String code, long bodyId, int version, Details details, OrganizationStatus status,
                      String statusReason) {
        this.id = id;
        this.code = code;
        this.bodyId = bodyId;
        this.version = version;
        this.name = details.name();
        this.kind = details.kind();
        this.sector = details.sector();
        this.regionCode = details.regionCode();
        this.parent = details.parent();
        this.leadingCadre = details.leadingCadre();
        this.status = status;
        this.statusReason = statusReason;
    }

    /** A new, active organization under {@code bodyId}. */
    static PartyOrganization register(String code, long bodyId, Details details) {
        String c = code == null ? "" : code.strip();
        if (!CODE.matcher(c).matches()) {
            throw new UserInputException("组织编码只能由字母、数字、- 和 _ 组成，最长 32 位");
        }
        check(details, bodyId, null);
        return new PartyOrganization(null, c, bodyId, 0, normalize(details), OrganizationStatus.ACTIVE, null);
    }

    /**
     * Applies new details and returns what changed. The parent must belong to the same body, must not be
     * the organization itself, and {@code ancestorsOfNewParent} (ids from the new parent upwards) must not
     * contain this organization, or the tree would get a cycle.
     */
    List<FieldChange> edit(Details details, List<Long> ancestorsOfNewParent) {
        if (status != OrganizationStatus.ACTIVE) {
            throw new UserInputException("已撤销的组织不能修改，请先恢复");
        }
        check(details, bodyId, id);
        if (details.parent() != null && ancestorsOfNewParent.contains(id)) {
            throw new UserInputException("不能把组织移到它自己的下级组织之下");
        }
        Details d = normalize(details);
        List<FieldChange> changes = new ArrayList<>();
        FieldChange.collect(changes, "名称", name, d.name());
        FieldChange.collect(changes, "组织类别", kind.label(), d.kind().label());
        FieldChange.collect(changes, "所属领域", sector.label(), d.sector().label());
        FieldChange.collect(changes, "行政区划代码", regionCode, d.regionCode());
        FieldChange.collect(changes, "上级组织", parent == null ? null : parent.code(), d.parent() == null ? null : d.parent().code());
        FieldChange.collect(changes, "主要负责人", leadingCadre, d.leadingCadre());
        name = d.name();
        kind = d.kind();
        sector = d.sector();
        regionCode = d.regionCode();
        parent = d.parent();
        leadingCadre = d.leadingCadre();
        return changes;
    }

    List<FieldChange> deactivate(String reason, int activeChildren) {
        String r = requireReason(reason, "撤销");
        if (activeChildren > 0) {
            throw new UserInputException("该组织下还有 " + activeChildren + " 个在用的下级组织，请先撤销或移走它们");
        }
        OrganizationStatus before = status;
        status = status.deactivate();
        statusReason = r;
        return List.of(new FieldChange("状态", before.label(), status.label()));
    }

    List<FieldChange> reactivate(String reason, boolean parentActive) {
        String r = requireReason(reason, "恢复");
        if (!parentActive) {
            throw new UserInputException("上级组织已撤销，请先恢复上级组织");
        }
        OrganizationStatus before = status;
        status = status.reactivate();
        statusReason = r;
        return List.of(new FieldChange("状态", before.label(), status.label()));
    }

    private static String requireReason(String reason, String action) {
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            throw new UserInputException("请填写" + action + "原因");
        }
        if (r.length() > 200) {
            throw new UserInputException(action + "原因不能超过 200 字");
        }
        return r;
    }

    private static void check(Details d, long bodyId, Long selfId) {
        if (d.name() == null || d.name().isBlank()) {
            throw new UserInputException("请填写组织名称");
        }
        if (d.name().strip().length() > 200) {
            throw new UserInputException("组织名称不能超过 200 字");
        }
        if (d.kind() == null) {
            throw new UserInputException("请选择组织类别");
        }
        if (d.sector() == null) {
            throw new UserInputException("请选择所属领域");
        }
        if (!RegionCode.isValid(d.regionCode())) {
            throw new UserInputException("行政区划代码应为6位、9位或12位数字");
        }
        if (d.leadingCadre() != null && d.leadingCadre().strip().length() > 64) {
            throw new UserInputException("主要负责人不能超过 64 字");
        }
        if (d.parent() != null) {
            if (d.parent().bodyId() != bodyId) {
                throw new UserInputException("上级组织必须属于同一巡察机构");
            }
            if (selfId != null && d.parent().id() == selfId) {
                throw new UserInputException("上级组织不能是它自己");
            }
        }
    }

    private static Details normalize(Details d) {
        String cadre = d.leadingCadre() == null || d.leadingCadre().isBlank() ? null : d.leadingCadre().strip();
        return new Details(d.name().strip(), d.kind(), d.sector(), d.regionCode(), d.parent(), cadre);
    }

    Long id() {
        return id;
    }

    String code() {
        return code;
    }

    long bodyId() {
        return bodyId;
    }

    int version() {
        return version;
    }

    String name() {
        return name;
    }

    OrganizationKind kind() {
        return kind;
    }

    Sector sector() {
        return sector;
    }

    String regionCode() {
        return regionCode;
    }

    Parent parent() {
        return parent;
    }

    String leadingCadre() {
        return leadingCadre;
    }

    OrganizationStatus status() {
        return status;
    }

    String statusReason() {
        return statusReason;
    }
}
