package org.xuncha.identity.internal;

import jakarta.validation.constraints.NotBlank;

/** The signed-in account's own password change. */
class PasswordChangeForm {

    @NotBlank(message = "请填写当前密码")
    private String currentPassword;

    @NotBlank(message = "请填写新密码")
    private String newPassword;

    @NotBlank(message = "请再次填写新密码")
    private String confirmation;

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
