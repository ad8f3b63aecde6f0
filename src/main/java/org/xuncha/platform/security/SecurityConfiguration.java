package org.xuncha.platform.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Form login with database-backed sessions (several instances share them), CSRF on every form,
 * strict headers (docs/security.md "Sessions"). Endpoint roles are declared on the controllers with
 * {@code @PreAuthorize}; the authorization matrix test checks every endpoint against every role.
 */
@Configuration
@EnableMethodSecurity
@EnableJdbcHttpSession(maxInactiveIntervalInSeconds = 1800)
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** Not in command mode ({@code java -jar xuncha.jar <command>} runs without a web server). */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain web(HttpSecurity http, AccessDeniedHandler deniedHandler) throws Exception {
        http
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/login", "/error", "/error/**", "/webjars/**", "/css/**", "/js/**", "/img/**",
                        "/favicon.ico", "/r/**", "/api/public/**", "/actuator/health").permitAll()
                .anyRequest().authenticated())
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).failureHandler(new LoginFailureHandler()).permitAll())
            .httpBasic(basic -> basic.realmName("xuncha-api"))
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
            .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
            // The public side (/r/…, /api/public/…) has no sign-in and keeps no session: there is nothing for a
            // forged cross-site request to ride on, and a reporter who takes longer than a session's life to write
            // must not lose the text to an expired token. Its forms carry a one-time submission token instead.
            // Nothing else is exempt, whatever the request's headers (SECURITY.md "Sessions"): the platform issues
            // no tokens of its own, and a browser sends remembered HTTP Basic credentials cross-site just as it
            // sends a cookie. Integrations take the CSRF token from GET /api/me (header X-CSRF-TOKEN), keep the
            // session cookie that came with it, and send both with every change.
            .csrf(csrf -> csrf.ignoringRequestMatchers(
                    request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/public/"),
                    request -> request.getRequestURI().startsWith(request.getContextPath() + "/r/")))
            .exceptionHandling(e -> e.accessDeniedHandler(deniedHandler)
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                        request -> !request.getRequestURI().startsWith(request.getContextPath() + "/api/")))
            .headers(h -> h
                .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .frameOptions(f -> f.deny()));
        return http.build();
    }

    /**
     * Checks the password before the account's state: a locked or disabled account then costs the same hashing time
     * as a wrong password and fails the same way (an unknown account is hashed against a dummy, Spring's default),
     * so neither the answer nor its timing tells which accounts exist or are locked. The state is still checked
     * before anyone is let in.
     */
    @Bean
    DaoAuthenticationProvider authenticationProvider(UserDetailsService accounts, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(encoder);
        provider.setPreAuthenticationChecks(user -> { });
        UserDetailsChecker state = new AccountStatusUserDetailsChecker();
        provider.setPostAuthenticationChecks(state);
        return provider;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    CookieSerializer cookieSerializer(@Value("${server.servlet.session.cookie.secure:true}") boolean secure) {
        DefaultCookieSerializer cookies = new DefaultCookieSerializer();
        cookies.setCookieName("XUNCHA_SESSION");
        cookies.setUseHttpOnlyCookie(true);
        cookies.setUseSecureCookie(secure);
        cookies.setSameSite("Strict");
        return cookies;
    }
}
