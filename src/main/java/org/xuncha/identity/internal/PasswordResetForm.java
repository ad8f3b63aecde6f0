package org.xuncha.identity.internal;

import jakarta.validation.constraints.NotBlank;

/** A password the system administrator sets; the account must change it at its next sign-in. */
class PasswordResetForm {

    @NotBlank(message = "请填写新的初始密码")
    private String newPassword;

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }
}
