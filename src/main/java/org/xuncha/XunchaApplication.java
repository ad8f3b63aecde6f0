package org.xuncha;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.xuncha.platform.cli.CommandLauncher;

/**
 * Runs the server, or with a first argument that names a command
 * ({@code generate}, {@code audit-verify} …) runs that command without a web server and exits with its code.
 */
@SpringBootApplication
@EnableScheduling
public class XunchaApplication {

    public static void main(String[] args) {
        if (CommandLauncher.isCommand(args)) {
            SpringApplication app = new SpringApplication(XunchaApplication.class);
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setAdditionalProfiles("command");
            System.exit(CommandLauncher.launch(app, args));
        }
        SpringApplication.run(XunchaApplication.class, args);
    }
}
