package org.xuncha.identity.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A new account: the editable fields plus the username (fixed afterwards) and an initial password. */
class NewAccountForm extends AccountForm {

    @NotBlank(message = "请填写用户名")
    @Pattern(regexp = "^$|[a-z0-9][a-z0-9._-]{2,63}", message = "用户名为3至64位小写字母、数字、点、下划线或短横线，以字母或数字开头")
    private String username;

    @NotBlank(message = "请填写初始密码")
    private String initialPassword;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getInitialPassword() {
        return initialPassword;
    }

    public void setInitialPassword(String initialPassword) {
        this.initialPassword = initialPassword;
    }
}
