package org.xuncha.identity.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the system administrator edits on an account. The service checks body and organization exist. */
class AccountForm {

    @NotBlank(message = "请填写姓名")
    @Size(max = 64, message = "姓名不能超过64个字")
    private String displayName;

    private Long bodyId;

    @Size(max = 32, message = "党组织代码不能超过32个字符")
    private String organizationCode;

    @Size(max = 64, message = "部门名称不能超过64个字")
    private String department;

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Long getBodyId() {
        return bodyId;
    }

    public void setBodyId(Long bodyId) {
        this.bodyId = bodyId;
    }

    public String getOrganizationCode() {
        return organizationCode;
    }

    public void setOrganizationCode(String organizationCode) {
        this.organizationCode = organizationCode;
    }

    public String getDepartment() {
        return department;
    }

    public void setDepartment(String department) {
        this.department = department;
    }
}
