package org.xuncha.platform.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application context without a web server and hands the arguments to the named command. */
public final class CommandLauncher {

    private static final Pattern COMMAND = Pattern.compile("[a-z][a-z0-9-]*");

    private CommandLauncher() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMAND.matcher(args[0]).matches();
    }

    public static int launch(SpringApplication app, String[] args) {
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        String name = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try (ConfigurableApplicationContext context = app.run(rest.stream().filter(a -> a.startsWith("--spring.")).toArray(String[]::new))) {
            List<XunchaCommand> commands = context.getBeansOfType(XunchaCommand.class).values().stream()
                    .sorted(Comparator.comparing(XunchaCommand::name)).toList();
            for (XunchaCommand command : commands) {
                if (command.name().equals(name)) {
                    return command.run(rest.stream().filter(a -> !a.startsWith("--spring.")).toList());
                }
            }
            err.println("未知命令：" + name + "。可用命令：");
            commands.forEach(c -> err.println("  " + c.name() + "\t" + c.summary()));
            return 2;
        }
    }
}
