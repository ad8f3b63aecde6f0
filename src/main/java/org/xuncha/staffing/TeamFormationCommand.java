package org.xuncha.staffing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.xuncha.platform.cli.XunchaCommand;
import org.xuncha.staffing.solver.FormationJson;
import org.xuncha.staffing.solver.InvalidInstanceException;
import org.xuncha.staffing.solver.TeamFormationSolver;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar xuncha.jar team-formation --in instance.json --out plan.json [--seconds N]}: reads an instance
 * ({@code docs/formats/team-formation.md}), solves it for at most N seconds (default 60; sooner when a plan with
 * score 0/0 is found) and writes the plan. Exit 0 when a plan was written, also an infeasible one; 1 when the
 * instance is unreadable or invalid or the plan cannot be written; 2 for bad arguments. Uses no database.
 */
@Component
class TeamFormationCommand implements XunchaCommand {

    static final int DEFAULT_SECONDS = 60;

    private final JsonMapper json;
    private final PrintStream out;
    private final PrintStream err;

    @Autowired
    TeamFormationCommand(JsonMapper json) {
        this(json, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8));
    }

    TeamFormationCommand(JsonMapper json, PrintStream out, PrintStream err) {
        this.json = json;
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "team-formation";
    }

    @Override
    public String summary() {
        return "巡察组组建：team-formation --in instance.json --out plan.json [--seconds N]（默认 60 秒）";
    }

    @Override
    public int run(List<String> args) {
        String in = null;
        String outFile = null;
        int seconds = DEFAULT_SECONDS;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                value = null;
            }
            switch (option) {
                case "--in" -> in = value;
                case "--out" -> outFile = value;
                case "--seconds" -> {
                    try {
                        seconds = Integer.parseInt(value == null ? "" : value);
                    } catch (NumberFormatException e) {
                        seconds = -1;
                    }
                    if (seconds <= 0) {
                        err.println("--seconds 应为正整数：" + value);
                        return 2;
                    }
                }
                default -> {
                    err.println("无法识别的参数：" + arg);
                    err.println("用法：" + summary());
                    return 2;
                }
            }
        }
        if (in == null || outFile == null) {
            err.println("缺少 --in 或 --out");
            err.println("用法：" + summary());
            return 2;
        }
        FormationJson.Instance instance;
        try {
            instance = json.readValue(Files.readString(Path.of(in), StandardCharsets.UTF_8), FormationJson.Instance.class);
        } catch (IOException e) {
            err.println("无法读取实例文件：" + in);
            return 1;
        } catch (JacksonException e) {
            err.println("实例文件不是合乎约定的 JSON：" + in + "（第 " + line(e) + " 行附近）");
            return 1;
        }
        FormationJson.Plan plan;
        try {
            plan = TeamFormationSolver.solve(instance, Duration.ofSeconds(seconds));
        } catch (InvalidInstanceException e) {
            err.println("实例无效：" + e.getMessage());
            return 1;
        }
        try {
            Files.writeString(Path.of(outFile), json.writerWithDefaultPrettyPrinter().writeValueAsString(plan),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("无法写出方案文件：" + outFile);
            return 1;
        }
        out.println("已写出方案 " + outFile + "：硬约束 " + plan.score().hard() + "，软约束 " + plan.score().soft()
                + "，未满足 " + plan.unmet().size() + " 项，用时 " + plan.solveMillis() + " 毫秒"
                + (plan.score().hard() > 0 ? "（方案不完全可行，原因见 unmet）" : ""));
        return 0;
    }

    private static String line(JacksonException e) {
        return e.getLocation() == null ? "?" : String.valueOf(e.getLocation().getLineNr());
    }
}
