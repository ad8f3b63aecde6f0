package org.xuncha.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Deactivation or reactivation: the version the person saw and the reason they give. */
class StatusChangeForm {

    private int version;
    @NotBlank(message = "请填写原因")
    @Size(max = 200, message = "原因不能超过 200 字")
    private String reason;

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
