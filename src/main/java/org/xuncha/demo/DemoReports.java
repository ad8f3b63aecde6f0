package org.xuncha.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.inspection.InspectionStage;

/**
 * The 巡察报告 of the demo world (issue 12 §6, §8), written in bulk after the team's record: one report for every
 * inspection that reached REPORTING and for every other stationed one (起草中), drafted as findings'
 * InspectionReporting drafts it — the counts block as WorkLogs, PetitionCounting, FindingFigures and LeadCounting
 * count it (active logs, the inspection's petitions and the closed ones, standing findings and their 立行立改,
 * reported leads and their distinct persons), one 主要问题 per standing finding in the report's order with the
 * description from the finding, 定性分析 from the paper's basis text and 责任指向 from its 责任主体 — and then taken
 * along ReportStatus's chain, each step with its opinion (a return with its reason) and every saved text as a
 * version, append-only. Where 组务会 was passed, inspection's 报送 record (inspection_report_submission) is there
 * too, dated that day, as InspectionStages.submitReport records it.
 *
 * <p>Statuses: past REPORTING (FEEDBACK on) always APPROVED, every fifth after a return and a second version; at
 * REPORTING submitted and waiting at 巡察办审核, 领导小组审议, 党委审定 or already approved in turn, except the fourth
 * of the run, returned by the office with its reason; a stationed team drafts every other one. The demo city's
 * body (the latest inspection past REPORTING) also has one 专题报告, drafted, signed and forwarded.
 */
final class DemoReports {

    /** The demo city's body (WorldBuilder), whose office and leader accounts are the README's. */
    static final String CITY_REGION = "369900";
    private static final int CHUNK = 300;
    private static final int BATCH = 2000;

    static final String RETURN_REASON = "主要问题部分对个别问题的定性依据不够充分，请补充相关事实依据后重新报送。";
    private static final String SUGGESTIONS = """
            一、切实扛起全面从严治党政治责任，认真履行主体责任和第一责任人责任，把巡察整改作为重要政治任务抓紧抓实。
            二、严格落实中央八项规定及其实施细则精神，健全完善财务管理、工程项目和“三重一大”决策制度，堵塞管理漏洞。
            三、加强干部队伍建设，规范选人用人工作，持续深化以案促改、以案促治。""";
    private static final String SUGGESTIONS_V2 = SUGGESTIONS
            + "\n四、对巡察发现的问题线索，按规定移交纪检监察机关和组织部门处置。";

    /** An inspection whose team's record was written, with what the report needs of it. */
    record Inspection(long id, long bodyId, String bodyRegion, String teamName, InspectionStage stage,
                      LocalDate stationedOn,
                      LocalDate withdrawnOn, LocalDate feedbackOn, Long leaderUserId, long leaderActorId,
                      String leaderName, String leaderActor) {
    }

    record Written(int reports) {
    }

    private record Step(String from, String to, int version, String opinion, Long actorId, String actor) {
    }

    private record Account(long id, String username) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final ZoneId zone;

    DemoReports(JdbcClient jdbc, NamedParameterJdbcTemplate batch, ZoneId zone) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.zone = zone;
    }

    Written insert(List<Inspection> inspections, LocalDate today) {
        Map<Long, Account> office = accounts("OFFICE");
        Map<Long, Account> leader = accounts("LEADER");
        List<Inspection> drafted = new ArrayList<>();
        Map<Long, String> status = new HashMap<>();
        int stationed = 0;
        int reporting = 0;
        for (Inspection i : inspections) {
            String s = switch (i.stage()) {
                case PREPARING -> null;
                case STATIONED -> stationed++ % 2 == 0 ? "DRAFTING" : null;
                case REPORTING -> reporting++ == 3 ? "RETURNED"
                        : new String[] {"OFFICE_REVIEW", "LEADING_GROUP", "COMMITTEE", "APPROVED"}[(reporting - 1) % 4];
                default -> "APPROVED";
            };
            if (s != null) {
                drafted.add(i);
                status.put(i.id(), s);
            }
        }
        int written = 0;
        for (int from = 0; from < drafted.size(); from += CHUNK) {
            List<Inspection> chunk = drafted.subList(from, Math.min(drafted.size(), from + CHUNK));
            written += chunk(chunk, status, office, leader, today);
        }
        special(inspections, leader, today);
        return new Written(written);
    }

    private Map<Long, Account> accounts(String role) {
        Map<Long, Account> first = new HashMap<>();
        jdbc.sql("""
                SELECT a.body_id, a.id, a.username FROM user_account a JOIN user_role r ON r.user_account = a.id
                WHERE r.role = :role AND a.body_id IS NOT NULL ORDER BY a.id
                """).param("role", role).query(rs -> {
                    first.putIfAbsent(rs.getLong(1), new Account(rs.getLong(2), rs.getString(3)));
                });
        return first;
    }

    /** The counts block of each inspection, as the counts APIs count it. */
    private Map<Long, long[]> counts(List<Long> ids) {
        Map<Long, long[]> counts = new HashMap<>();
        ids.forEach(id -> counts.put(id, new long[10]));
        jdbc.sql("""
                SELECT inspection_id, COALESCE(SUM(CASE WHEN kind = 'TALK' THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN kind = 'QUESTIONNAIRE' THEN COALESCE(issued_count, 0) ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN kind = 'VISIT' THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN kind = 'RECORDS' THEN 1 ELSE 0 END), 0)
                FROM work_log WHERE status = 'ACTIVE' AND inspection_id IN (:ids) GROUP BY inspection_id
                """).param("ids", ids).query(rs -> {
                    long[] c = counts.get(rs.getLong(1));
                    for (int k = 0; k < 4; k++) {
                        c[k] = rs.getLong(k + 2);
                    }
                });
        jdbc.sql("""
                SELECT inspection_id, count(*), COALESCE(SUM(CASE WHEN status = 'CLOSED' THEN 1 ELSE 0 END), 0)
                FROM petition WHERE inspection_id IN (:ids) GROUP BY inspection_id
                """).param("ids", ids).query(rs -> {
                    long[] c = counts.get(rs.getLong(1));
                    c[4] = rs.getLong(2);
                    c[5] = rs.getLong(3);
                });
        jdbc.sql("""
                SELECT inspection_id, count(*), COALESCE(SUM(CASE WHEN rectified THEN 1 ELSE 0 END), 0)
                FROM finding WHERE status = 'RECORDED' AND inspection_id IN (:ids) GROUP BY inspection_id
                """).param("ids", ids).query(rs -> {
                    long[] c = counts.get(rs.getLong(1));
                    c[6] = rs.getLong(2);
                    c[9] = rs.getLong(3);
                });
        jdbc.sql("""
                SELECT inspection_id, count(*) FROM problem_lead WHERE status = 'REPORTED' AND inspection_id IN (:ids)
                GROUP BY inspection_id
                """).param("ids", ids).query(rs -> {
                    counts.get(rs.getLong(1))[7] = rs.getLong(2);
                });
        jdbc.sql("""
                SELECT l.inspection_id, count(DISTINCT p.person_index) FROM problem_lead_person p
                JOIN problem_lead l ON l.id = p.lead_id WHERE l.status = 'REPORTED' AND l.inspection_id IN (:ids)
                GROUP BY l.inspection_id
                """).param("ids", ids).query(rs -> {
                    counts.get(rs.getLong(1))[8] = rs.getLong(2);
                });
        return counts;
    }

    /** A 主要问题 row as InspectionReporting.draft prefills it. */
    private record Problem(long findingId, long level1Id, String level1Label, String description, String analysis,
                           String responsibility) {
    }

    private Map<Long, List<Problem>> problems(List<Long> ids) {
        Map<Long, List<Problem>> problems = new HashMap<>();
        // the order of ReportRepository.findings: by scheme, heading and finding
        jdbc.sql("""
                SELECT f.inspection_id, f.id, h.id, h.label, f.description, p.basis_text, p.subject_resp, p.first_resp,
                       p.main_leader_resp, p.supervision_resp
                  FROM finding f JOIN finding_heading_item h ON h.id = f.level1_id
                  JOIN working_paper p ON p.id = f.paper_id
                 WHERE f.inspection_id IN (:ids) AND f.status = 'RECORDED'
                 ORDER BY f.inspection_id, h.scheme, h.ordinal, h.id, f.id
                """).param("ids", ids).query(rs -> {
                    List<String> parts = new ArrayList<>();
                    add(parts, "主体责任", rs.getString(7));
                    add(parts, "第一责任人", rs.getString(9));
                    add(parts, "“一岗双责”", rs.getString(8));
                    add(parts, "监督责任", rs.getString(10));
                    problems.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Problem(rs.getLong(2),
                            rs.getLong(3), rs.getString(4), rs.getString(5),
                            rs.getString(6) == null ? "" : rs.getString(6), String.join("；", parts)));
                });
        return problems;
    }

    private static void add(List<String> parts, String label, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(label + "：" + value.strip());
        }
    }

    /** As InspectionReporting.problemsText. */
    static String problemsText(List<Problem> problems) {
        StringBuilder b = new StringBuilder();
        String heading = null;
        int ordinal = 0;
        for (Problem p : problems) {
            if (!p.level1Label().equals(heading)) {
                heading = p.level1Label();
                b.append(heading).append('\n');
            }
            b.append(++ordinal).append(". ").append(p.description()).append('\n');
            if (!p.analysis().isBlank()) {
                b.append("定性分析：").append(p.analysis()).append('\n');
            }
            if (!p.responsibility().isBlank()) {
                b.append("责任指向：").append(p.responsibility()).append('\n');
            }
        }
        return b.toString();
    }

    private int chunk(List<Inspection> chunk, Map<Long, String> status, Map<Long, Account> office,
                      Map<Long, Account> leader, LocalDate today) {
        List<Long> ids = chunk.stream().map(Inspection::id).toList();
        Map<Long, long[]> counts = counts(ids);
        Map<Long, List<Problem>> problems = problems(ids);
        List<MapSqlParameterSource> reports = new ArrayList<>();
        List<Inspection> order = new ArrayList<>();
        record Pending(List<Problem> problems, List<MapSqlParameterSource> versions, List<MapSqlParameterSource> steps) {
        }
        List<Pending> pending = new ArrayList<>();
        List<MapSqlParameterSource> submissions = new ArrayList<>();
        int k = 0;
        for (Inspection i : chunk) {
            String target = status.get(i.id());
            long[] c = counts.get(i.id());
            List<Problem> ps = problems.getOrDefault(i.id(), List.of());
            boolean secondVersion = target.equals("APPROVED") && k++ % 5 == 0;
            // the chain: 组务会 by the team leader, 巡察办审核 and 党委审定 by the office, 领导小组审议 by the leader
            Account o = office.get(i.bodyId());
            Account l = leader.get(i.bodyId());
            Long oid = o == null ? null : o.id();
            String oname = o == null ? "巡察办" : o.username();
            Long lid = l == null ? null : l.id();
            String lname = l == null ? "领导小组" : l.username();
            List<Step> steps = new ArrayList<>();
            String meeting = "经组务会审议，同意报送巡察办审核。";
            if (!target.equals("DRAFTING")) {
                steps.add(new Step("DRAFTING", "OFFICE_REVIEW", 1, meeting, i.leaderUserId(), i.leaderActor()));
            }
            if (target.equals("RETURNED") || secondVersion) {
                steps.add(new Step("OFFICE_REVIEW", "RETURNED", 1, RETURN_REASON, oid, oname));
            }
            if (secondVersion) {
                steps.add(new Step("RETURNED", "OFFICE_REVIEW", 2, "已按巡察办审核意见补充修改，经组务会审议，同意重新报送。",
                        i.leaderUserId(), i.leaderActor()));
            }
            int version = secondVersion ? 2 : 1;
            if (List.of("LEADING_GROUP", "COMMITTEE", "APPROVED").contains(target)) {
                steps.add(new Step("OFFICE_REVIEW", "LEADING_GROUP", version,
                        "报告反映问题客观准确，意见建议针对性强，同意提请领导小组审议。", oid, oname));
            }
            if (List.of("COMMITTEE", "APPROVED").contains(target)) {
                steps.add(new Step("LEADING_GROUP", "COMMITTEE", version, "经巡察工作领导小组会议审议，同意提请党委审定。",
                        lid, lname));
            }
            if (target.equals("APPROVED")) {
                steps.add(new Step("COMMITTEE", "APPROVED", version, "经党委常委会会议审定，同意巡察报告。", oid, oname));
            }
            // times: drafted before the withdrawal (or yesterday, still stationed), the steps spread between the
            // withdrawal and the feedback (or today)
            LocalDate draftedOn = i.withdrawnOn() != null ? i.withdrawnOn().minusDays(3) : today.minusDays(1);
            if (draftedOn.isBefore(i.stationedOn())) {
                draftedOn = i.stationedOn();
            }
            OffsetDateTime drafted = at(draftedOn, 10);
            OffsetDateTime start = i.withdrawnOn() == null ? drafted : at(i.withdrawnOn(), 9);
            if (start.isBefore(drafted)) {
                start = drafted.plusHours(1);
            }
            OffsetDateTime stop = at(i.feedbackOn() != null ? i.feedbackOn() : today, 9);
            long minutes = Math.max(Duration.between(start, stop).toMinutes(), 60L * (steps.size() + 1));
            List<OffsetDateTime> times = new ArrayList<>();
            for (int s = 0; s < steps.size(); s++) {
                times.add(start.plusMinutes(minutes * (s + 1) / (steps.size() + 1)));
            }
            String overall = overall(i, c);
            String text = problemsText(ps);
            List<MapSqlParameterSource> versions = new ArrayList<>();
            versions.add(new MapSqlParameterSource().addValue("cv", 1).addValue("o", overall).addValue("p", text)
                    .addValue("s", SUGGESTIONS).addValue("by", i.leaderName()).addValue("at", drafted));
            if (secondVersion) {
                versions.add(new MapSqlParameterSource().addValue("cv", 2).addValue("o", overall).addValue("p", text)
                        .addValue("s", SUGGESTIONS_V2).addValue("by", i.leaderName())
                        .addValue("at", times.get(1).plusMinutes(5)));
            }
            List<MapSqlParameterSource> stepRows = new ArrayList<>();
            for (int s = 0; s < steps.size(); s++) {
                Step st = steps.get(s);
                stepRows.add(new MapSqlParameterSource().addValue("f", st.from()).addValue("t", st.to())
                        .addValue("cv", st.version()).addValue("o", st.opinion())
                        .addValue("a", st.actorId(), java.sql.Types.BIGINT).addValue("an", st.actor())
                        .addValue("at", times.get(s)));
            }
            OffsetDateTime updated = times.isEmpty() ? drafted : times.get(times.size() - 1);
            // row_version: 0 at the insert, +1 for the counts copied in the same draft, +1 per step and per edit
            int rowVersion = 1 + steps.size() + (version - 1);
            reports.add(new MapSqlParameterSource().addValue("i", i.id()).addValue("st", target)
                    .addValue("o", overall).addValue("s", secondVersion ? SUGGESTIONS_V2 : SUGGESTIONS)
                    .addValue("t", c[0]).addValue("q", c[1]).addValue("v", c[2]).addValue("rr", c[3])
                    .addValue("pr", c[4]).addValue("ph", c[5]).addValue("p", c[6]).addValue("l", c[7])
                    .addValue("lp", c[8]).addValue("rf", c[9]).addValue("cat", drafted).addValue("cv", version)
                    .addValue("rv", rowVersion).addValue("u", i.leaderActorId())
                    .addValue("un", i.leaderName()).addValue("at", drafted).addValue("upd", updated));
            order.add(i);
            pending.add(new Pending(ps, versions, stepRows));
            if (!steps.isEmpty()) {
                // 报送巡察报告 as InspectionStages.submitReport records it when 组务会 is first passed
                submissions.add(new MapSqlParameterSource().addValue("i", i.id())
                        .addValue("on", times.get(0).atZoneSameInstant(zone).toLocalDate())
                        .addValue("note", "巡察报告经组务会审议通过").addValue("a", i.leaderActor())
                        .addValue("aid", i.leaderUserId(), java.sql.Types.BIGINT).addValue("at", times.get(0)));
            }
        }
        long before = jdbc.sql("SELECT COALESCE(max(id), 0) FROM inspection_report").query(Long.class).single();
        send("""
                INSERT INTO inspection_report (inspection_id, status, overall_text, suggestions_text, talks,
                    questionnaires, visits, records_read, petitions_received, petitions_handled, problems, leads,
                    lead_persons, rectified, counted_at, content_version, row_version, created_by, created_by_name,
                    created_at, updated_at)
                VALUES (:i, :st, :o, :s, :t, :q, :v, :rr, :pr, :ph, :p, :l, :lp, :rf, :cat, :cv, :rv, :u, :un, :at, :upd)
                """, reports);
        Map<Long, Long> reportOf = new HashMap<>();
        jdbc.sql("SELECT inspection_id, id FROM inspection_report WHERE id > :b").param("b", before)
                .query(rs -> {
                    reportOf.put(rs.getLong(1), rs.getLong(2));
                });
        List<MapSqlParameterSource> problemRows = new ArrayList<>();
        List<MapSqlParameterSource> versionRows = new ArrayList<>();
        List<MapSqlParameterSource> stepRows = new ArrayList<>();
        for (int n = 0; n < order.size(); n++) {
            long report = reportOf.get(order.get(n).id());
            Pending p = pending.get(n);
            int ordinal = 0;
            for (Problem pr : p.problems()) {
                problemRows.add(new MapSqlParameterSource().addValue("r", report).addValue("f", pr.findingId())
                        .addValue("l", pr.level1Id()).addValue("ll", pr.level1Label()).addValue("o", ++ordinal)
                        .addValue("d", pr.description()).addValue("a", pr.analysis())
                        .addValue("resp", pr.responsibility()));
            }
            p.versions().forEach(v -> versionRows.add(v.addValue("r", report)));
            p.steps().forEach(s -> stepRows.add(s.addValue("r", report)));
        }
        send("""
                INSERT INTO inspection_report_problem (report_id, finding_id, level1_id, level1_label, ordinal,
                    description, analysis, responsibility)
                VALUES (:r, :f, :l, :ll, :o, :d, :a, :resp)
                """, problemRows);
        send("""
                INSERT INTO inspection_report_version (report_id, content_version, overall_text, problems_text,
                    suggestions_text, saved_by_name, saved_at)
                VALUES (:r, :cv, :o, :p, :s, :by, :at)
                """, versionRows);
        send("""
                INSERT INTO inspection_report_step (report_id, from_status, to_status, content_version, opinion,
                    actor_id, actor_name, acted_at)
                VALUES (:r, :f, :t, :cv, :o, :a, :an, :at)
                """, stepRows);
        send("""
                INSERT INTO inspection_report_submission (inspection_id, submitted_on, note, actor, actor_id, occurred_at)
                VALUES (:i, :on, :note, :a, :aid, :at)
                """, submissions);
        return reports.size();
    }

    private static String overall(Inspection i, long[] c) {
        String period = i.withdrawnOn() == null ? i.stationedOn() + "进驻以来"
                : i.stationedOn() + "至" + i.withdrawnOn();
        return i.teamName() + "于" + period + "对被巡察党组织开展了巡察。巡察期间，共开展个别谈话 " + c[0] + " 人次，发放问卷 "
                + c[1] + " 份，走访 " + c[2] + " 次，调阅资料 " + c[3] + " 次，受理信访举报 " + c[4] + " 件、办结 " + c[5]
                + " 件。总体看，被巡察党组织能够贯彻落实党中央决策部署和上级党委工作要求，但也存在一些问题：共发现问题 " + c[6]
                + " 个，其中立行立改 " + c[9] + " 个；发现问题线索 " + c[7] + " 件、涉及 " + c[8] + " 人，另行专题报告。";
    }

    /** 专题报告: one, on the latest inspection past REPORTING of the demo city's body (else of any body). */
    private void special(List<Inspection> inspections, Map<Long, Account> leader, LocalDate today) {
        Inspection chosen = null;
        Inspection anyBody = null;
        for (Inspection i : inspections) {
            if (i.feedbackOn() != null) {
                anyBody = i;
                if (i.bodyRegion().equals(CITY_REGION)) {
                    chosen = i;
                }
            }
        }
        chosen = chosen != null ? chosen : anyBody;
        if (chosen == null) {
            return;
        }
        Account l = leader.get(chosen.bodyId());
        OffsetDateTime drafted = at(chosen.withdrawnOn() != null ? chosen.withdrawnOn() : chosen.feedbackOn(), 15);
        jdbc.sql("""
                INSERT INTO special_report (inspection_id, title, body_text, departments, status, signed_by_name,
                    signed_at, forwarded_at, row_version, created_by_name, created_at)
                VALUES (:i, :t, :b, :d, 'FORWARDED', :s, :sat, :fat, 2, :by, :at)
                """).param("i", chosen.id()).param("t", "关于部分单位惠民惠农资金发放不精准问题的专题报告")
                .param("b", "巡察中发现，部分单位惠民惠农资金发放名册未与殡葬火化、财政供养人员信息比对，存在向已死亡人员、"
                        + "财政供养人员发放补贴的问题。建议民政、财政部门建立数据比对机制，定期核查发放对象，及时追回违规资金。")
                .param("d", "市民政局、市财政局").param("s", l == null ? "领导小组" : l.username())
                .param("sat", drafted.plusDays(1)).param("fat", drafted.plusDays(2)).param("by", chosen.leaderActor())
                .param("at", drafted).update();
    }

    private void send(String sql, List<MapSqlParameterSource> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            batch.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH))
                    .toArray(SqlParameterSource[]::new));
        }
    }

    private OffsetDateTime at(LocalDate on, int hour) {
        return on.atTime(hour, 0).atZone(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }
}
