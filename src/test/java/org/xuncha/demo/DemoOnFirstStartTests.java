package org.xuncha.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.XunchaApplication;
import org.xuncha.testing.TestDatabaseEnvironment;

/**
 * The first start of the embedded edition on an empty database: the web server must not take a request before
 * the demo accounts exist, or the first person to try the printed accounts is told the password is wrong. The
 * check looks at the database at the moment the server has opened its port (Boot's
 * {@link ServletWebServerInitializedEvent}); loading the demo after that point, as an {@code ApplicationRunner}
 * does, fails it.
 */
class DemoOnFirstStartTests {

    @Test
    void theLoginPageAnswersOnlyOnceTheDemoAccountsExist() throws Exception {
        AtomicLong accountsWhenServing = new AtomicLong(-1);
        AtomicLong port = new AtomicLong();
        ApplicationListener<ServletWebServerInitializedEvent> serving = event -> {
            port.set(event.getWebServer().getPort());
            accountsWhenServing.set(event.getApplicationContext().getBean(JdbcClient.class)
                    .sql("SELECT count(*) FROM user_account WHERE username IN ('office', 'team-leader', 'sys-admin')")
                    .query(Long.class).single());
        };
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(XunchaApplication.class)
                .web(WebApplicationType.SERVLET).listeners(serving)
                .run("--xuncha.demo.load-on-empty=true", "--server.port=0")) {
            assertThat(port.get()).as("the web server started").isPositive();
            if (TestDatabaseEnvironment.postgres()) {
                assertThat(accountsWhenServing.get()).as("the server edition creates no demo accounts").isZero();
            } else {
                assertThat(accountsWhenServing.get())
                        .as("demo accounts in the database when the web server opened its port").isEqualTo(3);
            }
            HttpResponse<String> login = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.get() + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("巡察工作综合管理平台", "name=\"username\"");
        }
    }
}
