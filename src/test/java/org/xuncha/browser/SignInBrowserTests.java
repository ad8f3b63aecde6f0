package org.xuncha.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** Sign-in, sign-out, lockout and the login redirect as a person sees them in Chromium. */
class SignInBrowserTests extends BrowserTestSupport {

    /** Two menu entries for different roles, so the test sees the navigation filtered by role (first in the menu). */
    @TestConfiguration
    static class Menu {
        @Bean
        NavigationItem officeOnlyEntry() {
            return new NavigationItem("浏览器测试", "巡察办菜单", "/", -1000, Set.of(Role.OFFICE));
        }

        @Bean
        NavigationItem auditorOnlyEntry() {
            return new NavigationItem("浏览器测试", "审计员菜单", "/browser-test/auditor", -999, Set.of(Role.AUDITOR));
        }
    }

    @BeforeAll
    void accounts() {
        account("signin-office", "王巡察", Role.OFFICE);
        account("signin-locked", "李锁定", Role.OFFICE);
    }

    @Test
    void officeSeesAChineseErrorForAWrongPasswordThenSignsInAndOut() {
        open("/login");
        assertThat(page).hasTitle("登录 - 巡察工作综合管理平台");
        screenshot("login");

        signIn("signin-office", "not-the-password");
        assertThat(page).hasURL(url("/login?error=bad"));
        assertThat(page.locator(".alert-danger")).hasText("用户名或密码错误。");
        screenshot("wrong-password");

        signIn("signin-office");
        assertThat(page.locator("#current-user")).hasText("王巡察");
        assertThat(page.locator("header")).containsText("示例市委巡察机构");
        assertThat(page.locator("header")).containsText("巡察办");
        assertThat(page.locator("nav.xc-sidebar")).containsText("浏览器测试");
        // The entry of the page shown is highlighted (static/js/app.js).
        assertThat(page.locator("nav.xc-sidebar a.active")).hasText("巡察办菜单");
        assertThat(page.locator("nav.xc-sidebar")).not().containsText("审计员菜单");
        screenshot("home-office");

        signOut();
        assertThat(page.locator(".alert-success")).hasText("已安全退出。");
        screenshot("signed-out");

        // The session is gone: the home page asks for the login again.
        open("/");
        assertThat(page).hasURL(url("/login"));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
        for (int i = 1; i <= 5; i++) {
            signIn("signin-locked", "wrong-password-" + i);
            assertThat(page.locator(".alert-danger")).hasText("用户名或密码错误。");
        }
        // Locked: the right password is refused with the very answer of a wrong one, so nobody learns of the lock.
        signIn("signin-locked", org.xuncha.testing.TestFixtures.PASSWORD);
        assertThat(page).hasURL(url("/login?error=bad"));
        assertThat(page.locator(".alert-danger")).hasText("用户名或密码错误。");
        assertThat(page.locator("#current-user")).hasCount(0);
        screenshot("locked");
    }

    @Test
    void anUnauthenticatedVisitGoesToTheLoginPage() {
        open("/organizations");
        assertThat(page).hasURL(url("/login"));
        assertThat(page.locator("#username")).isVisible();
        assertThat(page.locator(".alert")).hasCount(0);
        open("/");
        assertThat(page).hasURL(url("/login"));
    }
}
