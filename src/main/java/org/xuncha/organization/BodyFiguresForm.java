package org.xuncha.organization;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** The figures an office may edit for its own body. */
class BodyFiguresForm {

    @Min(value = 0, message = "领导小组成员数不能为负数") @Max(value = 10000, message = "领导小组成员数过大")
    private int leadingGroupSize;
    @Size(max = 500, message = "领导小组组成不能超过 500 字")
    private String leadingGroupPosts;
    @Size(max = 100, message = "巡察办名称不能超过 100 字")
    private String officeName;
    @Min(value = 0, message = "常设巡察组数不能为负数") @Max(value = 10000, message = "常设巡察组数过大")
    private int standingTeams;
    @Min(value = 0, message = "编制数不能为负数") @Max(value = 10000, message = "编制数过大")
    private int quota;
    @Min(value = 0, message = "在编人数不能为负数") @Max(value = 10000, message = "在编人数过大")
    private int staffed;
    private int version;

    static BodyFiguresForm of(InspectionBodyRepository.BodyView b) {
        BodyFiguresForm f = new BodyFiguresForm();
        f.leadingGroupSize = b.leadingGroupSize();
        f.leadingGroupPosts = b.leadingGroupPosts();
        f.officeName = b.officeName();
        f.standingTeams = b.standingTeams();
        f.quota = b.quota();
        f.staffed = b.staffed();
        f.version = b.version();
        return f;
    }

    InspectionBody.Figures figures() {
        return new InspectionBody.Figures(leadingGroupSize, leadingGroupPosts, officeName, standingTeams, quota, staffed);
    }

    public int getLeadingGroupSize() { return leadingGroupSize; }
    public void setLeadingGroupSize(int v) { leadingGroupSize = v; }
    public String getLeadingGroupPosts() { return leadingGroupPosts; }
    public void setLeadingGroupPosts(String v) { leadingGroupPosts = v; }
    public String getOfficeName() { return officeName; }
    public void setOfficeName(String v) { officeName = v; }
    public int getStandingTeams() { return standingTeams; }
    public void setStandingTeams(int v) { standingTeams = v; }
    public int getQuota() { return quota; }
    public void setQuota(int v) { quota = v; }
    public int getStaffed() { return staffed; }
    public void setStaffed(int v) { staffed = v; }
    public int getVersion() { return version; }
    public void setVersion(int v) { version = v; }
}
