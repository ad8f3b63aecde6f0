package org.xuncha.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.json.JsonMapper;

/** The {@code team-formation} command: arguments, exit codes, Chinese messages, the plan file it writes. */
@Tag("pure")
class TeamFormationCommandTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final TeamFormationCommand command = new TeamFormationCommand(JsonMapper.builder().build(),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesAPlanThatTheCheckerAccepts() throws Exception {
        String instance = TeamFormationSolverTests.JSON.writeValueAsString(
                InstanceGenerator.generate(3, 6, 0.2, false, false, 11).instance());
        Path in = dir.resolve("instance.json");
        Path plan = dir.resolve("plan.json");
        Files.writeString(in, instance, StandardCharsets.UTF_8);
        int exit = command.run(List.of("--in", in.toString(), "--out", plan.toString(), "--seconds", "5"));
        assertThat(exit).as(err()).isZero();
        String planJson = Files.readString(plan, StandardCharsets.UTF_8);
        PlanChecker.Result check = PlanChecker.check(instance, planJson);
        assertThat(check.scoreMatches()).isTrue();
        assertThat(check.hard()).isZero();
        assertThat(planJson).contains("\"instance\"", "\"assignments\"", "\"score\"", "\"unmet\"", "\"solveMillis\"");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("已写出方案");
    }

    @Test
    void infeasibleInstanceStillWritesAPlanAndExitsZero() throws Exception {
        Path in = dir.resolve("instance.json");
        Path plan = dir.resolve("plan.json");
        Files.writeString(in, """
                {"name": "无人可用", "rules": {"avoid": ["WORKPLACE"], "rotation": "NONE", "localLiaison": false},
                 "inspectors": [{"id": "P1", "workplace": "350103", "canLead": true, "available": true}],
                 "teams": [{"id": "T01", "targetRegion": "350103", "targets": ["ORG-1"], "roles": {"LEADER": 1}}]}
                """, StandardCharsets.UTF_8);
        assertThat(command.run(List.of("--in=" + in, "--out=" + plan, "--seconds=1"))).isZero();
        String planJson = Files.readString(plan, StandardCharsets.UTF_8);
        assertThat(planJson).contains("\"hard\" : 1", "UNFILLED", "「四回避」使本席位无人可选");
        assertThat(PlanChecker.check(Files.readString(in), planJson).scoreMatches()).isTrue();
    }

    @Test
    void missingFileIsRefusedInChinese() {
        int exit = command.run(List.of("--in", dir.resolve("nope.json").toString(), "--out", dir.resolve("p.json").toString()));
        assertThat(exit).isNotZero();
        assertThat(err()).contains("无法读取实例文件");
        assertThat(dir.resolve("p.json")).doesNotExist();
    }

    @Test
    void brokenJsonIsRefusedInChinese() throws Exception {
        Path in = dir.resolve("instance.json");
        Files.writeString(in, "{\"name\": \"x\", \"teams\": [", StandardCharsets.UTF_8);
        assertThat(command.run(List.of("--in", in.toString(), "--out", dir.resolve("p.json").toString()))).isNotZero();
        assertThat(err()).contains("不是合乎约定的 JSON").doesNotContain("Exception");
    }

    @Test
    void invalidInstanceIsRefusedInChinese() throws Exception {
        Path in = dir.resolve("instance.json");
        Files.writeString(in, """
                {"name": "x", "inspectors": [], "teams": [{"id": "T01", "targetRegion": "350103", "roles": {"CHIEF": 1}}]}
                """, StandardCharsets.UTF_8);
        assertThat(command.run(List.of("--in", in.toString(), "--out", dir.resolve("p.json").toString()))).isNotZero();
        assertThat(err()).contains("实例无效", "角色无法识别：CHIEF");
    }

    @Test
    void badArgumentsAreRefusedInChinese() {
        assertThat(command.run(List.of("--in", "a.json"))).isEqualTo(2);
        assertThat(err()).contains("缺少 --in 或 --out", "用法");
        assertThat(command.run(List.of("--in", "a.json", "--out", "b.json", "--seconds", "x"))).isEqualTo(2);
        assertThat(err()).contains("--seconds 应为正整数");
    }
}
