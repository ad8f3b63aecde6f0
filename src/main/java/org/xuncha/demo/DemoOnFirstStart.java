package org.xuncha.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Loads the demo city when the server starts on an empty embedded (H2) database, so that a first run on a
 * laptop shows something to sign in to. The server edition on PostgreSQL never gets accounts this way: there
 * only {@code generate}, run on purpose, creates them. Not active for commands.
 */
@Component
@Profile("!command")
class DemoOnFirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOnFirstStart.class);

    private final DemoDataLoader loader;
    private final Environment environment;
    private final boolean enabled;

    DemoOnFirstStart(DemoDataLoader loader, Environment environment,
                     @Value("${xuncha.demo.load-on-empty:false}") boolean enabled) {
        this.loader = loader;
        this.environment = environment;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || !loader.embeddedEdition() || !loader.databaseIsEmpty()) {
            return;
        }
        DemoDataLoader.Result result = loader.generate(Scale.CITY, DemoDataLoader.DEMO_SEED);
        result.summaryLines().forEach(log::info);
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.info("演示环境已就绪：http://localhost:{}/ （账号见上，密码 {}）", port, DemoDataLoader.DEMO_PASSWORD);
    }
}
