package org.xuncha.supervision.reminder;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.xuncha.platform.cli.XunchaCommand;

/**
 * {@code java -jar xuncha.jar supervision-reminders [--on=YYYY-MM-DD]}: one run of the daily reminder job for today's
 * business date (or the one given), for a deployment whose scheduler is off or a catch-up after a downtime — commands
 * start no scheduler and fire no ApplicationReadyEvent. Safe beside a running server: each to-do is created once.
 * Exit 0, 2 for bad arguments.
 */
@Component
class ReminderCommand implements XunchaCommand {

    private final DailyReminders job;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;

    @Autowired
    ReminderCommand(DailyReminders job, Clock clock) {
        this(job, clock, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8));
    }

    ReminderCommand(DailyReminders job, Clock clock, PrintStream out, PrintStream err) {
        this.job = job;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "supervision-reminders";
    }

    @Override
    public String summary() {
        return "生成当日督查提醒（待办和外发队列），可重复运行：--on=YYYY-MM-DD 指定业务日期";
    }

    @Override
    public int run(List<String> args) {
        LocalDate on = LocalDate.now(clock);
        for (String a : args) {
            if (a.startsWith("--on=")) {
                try {
                    on = LocalDate.parse(a.substring(5));
                } catch (DateTimeParseException e) {
                    err.println("日期格式应为 YYYY-MM-DD：" + a.substring(5));
                    return 2;
                }
            } else {
                err.println("未知参数：" + a);
                return 2;
            }
        }
        DailyReminders.Run run = job.runOn(on);
        out.println("督查提醒 " + run.on() + "：新建 " + run.created() + " 条，外发队列 " + run.outboxRows()
                + " 条，已存在 " + run.existing() + " 条");
        return 0;
    }
}
