package org.xuncha.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Loads the demo city when the server starts on an empty embedded (H2) database, so that a first run on a
 * laptop shows something to sign in to. The server edition on PostgreSQL never gets accounts this way: there
 * only {@code generate}, run on purpose, creates them. Not active for commands.
 *
 * <p>The load runs as a lifecycle phase <em>before</em> the web server's: Spring Boot opens the HTTP port only
 * when its own start/stop lifecycle starts, so the login page cannot answer while the demo accounts do not exist
 * yet (a first-time user would otherwise sign in with a printed account and be told the password is wrong). The
 * city takes about 2–3 s to write, which the server's start simply waits for. The "ready" line, with the port
 * the server really listens on, is printed once the server is up.
 */
@Component
@Profile("!command")
class DemoOnFirstStart implements SmartLifecycle, ApplicationRunner {

    /** Below Boot's web server start/stop lifecycle (its graceful-shutdown phase minus 1024). */
    static final int PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 2048;

    private static final Logger log = LoggerFactory.getLogger(DemoOnFirstStart.class);

    private final DemoDataLoader loader;
    private final Environment environment;
    private final boolean enabled;
    private volatile boolean running;
    private volatile boolean loaded;

    DemoOnFirstStart(DemoDataLoader loader, Environment environment,
                     @Value("${xuncha.demo.load-on-empty:false}") boolean enabled) {
        this.loader = loader;
        this.environment = environment;
        this.enabled = enabled;
    }

    @Override
    public void start() {
        running = true;
        if (loaded || !enabled || !loader.embeddedEdition() || !loader.databaseIsEmpty()) {
            return;
        }
        DemoDataLoader.Result result = loader.generate(Scale.CITY, DemoDataLoader.DEMO_SEED);
        result.summaryLines().forEach(log::info);
        loaded = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!loaded) {
            return;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.info("演示环境已就绪：http://localhost:{}/ （账号见上，密码 {}）", port, DemoDataLoader.DEMO_PASSWORD);
    }
}
