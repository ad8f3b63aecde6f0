package org.xuncha.demo;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.xuncha.platform.cli.XunchaCommand;

/**
 * {@code java -jar xuncha.jar generate [--scale=city|province] [--seed=N] [--today=yyyy-MM-dd]}: writes a
 * fictional city (or province) with demo accounts and its planning (terms, rounds, inspections as of
 * {@code --today}, by default the business clock's date, {@code xuncha.zone}) into the configured, empty database.
 * Exit 0 when written, 1 when refused or failed (nothing written), 2 for bad arguments.
 */
@Component
class GenerateCommand implements XunchaCommand {

    private final DemoDataLoader loader;
    private final PrintStream out;
    private final PrintStream err;

    @Autowired
    GenerateCommand(DemoDataLoader loader) {
        this(loader, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8));
    }

    GenerateCommand(DemoDataLoader loader, PrintStream out, PrintStream err) {
        this.loader = loader;
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String summary() {
        return "生成演示数据：generate [--scale=city|province] [--seed=N] [--today=yyyy-MM-dd]（仅写入空数据库）";
    }

    @Override
    public int run(List<String> args) {
        Scale scale = Scale.CITY;
        long seed = DemoDataLoader.DEMO_SEED;
        LocalDate today = loader.today();
        for (String arg : args) {
            if (arg.startsWith("--scale=")) {
                Optional<Scale> parsed = Scale.parse(arg.substring("--scale=".length()));
                if (parsed.isEmpty()) {
                    err.println("规模只能是 city 或 province：" + arg);
                    return 2;
                }
                scale = parsed.get();
            } else if (arg.startsWith("--seed=")) {
                try {
                    seed = Long.parseLong(arg.substring("--seed=".length()));
                } catch (NumberFormatException e) {
                    err.println("种子应为整数：" + arg);
                    return 2;
                }
            } else if (arg.startsWith("--today=")) {
                try {
                    today = LocalDate.parse(arg.substring("--today=".length()));
                } catch (DateTimeParseException e) {
                    err.println("日期应为 yyyy-MM-dd：" + arg);
                    return 2;
                }
            } else {
                err.println("无法识别的参数：" + arg);
                err.println("用法：" + summary());
                return 2;
            }
        }
        try {
            loader.generate(scale, seed, today).summaryLines().forEach(out::println);
            loader.analyze();
            return 0;
        } catch (DemoDataLoader.DatabaseNotEmpty e) {
            err.println(e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("生成失败，已全部回滚，未写入任何数据：" + rootMessage(e));
            return 1;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
