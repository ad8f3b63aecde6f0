package org.xuncha.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The create/edit form; bound from the request, never the entity itself. */
class OrganizationForm {

    @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,31}", message = "组织编码只能由字母、数字、- 和 _ 组成，最长 32 位")
    private String code;
    @NotBlank(message = "请填写组织名称")
    @Size(max = 200, message = "组织名称不能超过 200 字")
    private String name;
    @NotNull(message = "请选择组织类别")
    private OrganizationKind kind;
    @NotNull(message = "请选择所属领域")
    private Sector sector;
    @NotBlank(message = "请填写行政区划代码")
    @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}", message = "行政区划代码应为6位、9位或12位数字")
    private String regionCode;
    @Size(max = 32, message = "上级组织编码不能超过 32 位")
    private String parentCode;
    @Size(max = 64, message = "主要负责人不能超过 64 字")
    private String leadingCadre;
    private int version;

    static OrganizationForm of(OrganizationView v) {
        OrganizationForm f = new OrganizationForm();
        f.code = v.code();
        f.name = v.name();
        f.kind = v.kind();
        f.sector = v.sector();
        f.regionCode = v.regionCode();
        f.parentCode = v.parentCode();
        f.leadingCadre = v.leadingCadre();
        f.version = v.version();
        return f;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null ? null : code.strip();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public OrganizationKind getKind() {
        return kind;
    }

    public void setKind(OrganizationKind kind) {
        this.kind = kind;
    }

    public Sector getSector() {
        return sector;
    }

    public void setSector(Sector sector) {
        this.sector = sector;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode == null ? null : regionCode.strip();
    }

    public String getParentCode() {
        return parentCode;
    }

    public void setParentCode(String parentCode) {
        this.parentCode = parentCode == null || parentCode.isBlank() ? null : parentCode.strip();
    }

    public String getLeadingCadre() {
        return leadingCadre;
    }

    public void setLeadingCadre(String leadingCadre) {
        this.leadingCadre = leadingCadre;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
