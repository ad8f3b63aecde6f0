package org.xuncha.demo;

import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.findings.DisciplineTag;
import org.xuncha.findings.HeadingScheme;
import org.xuncha.inspection.InspectionStage;
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.platform.crypto.KeyedHash;

/**
 * The stationed team's record (issue 12) of the demo world: for every inspection past preparation, work logs
 * of every kind (talks with their interviewee and notes sealed under the context the findings module opens them
 * with, {@code work_log.interviewee#id} and {@code work_log.notes#id}), working papers at every approval state with
 * their versions and approval steps (numbered like findings' PaperNumbering, the counter row left at the last
 * number so the next paper follows), findings from the approved papers over all three heading schemes, and leads
 * from approved papers with their persons sealed and blind-indexed like findings' Leads does, some urgent (so in
 * the leading group's 待办) and, for a CROSS inspection, reported to both leading groups and acknowledged by both.
 * One approved paper of the inspection that ran the demo's data comparison (DemoComparison) cites it as evidence;
 * the reports follow from all of it (DemoReports). Written in plain SQL after the petitions, from the run's seed. Work logs come in Yuyang's proportions of a round
 * (1,574 interviews, 639 questionnaires, 150 visits for about 30 inspections), scaled per inspection.
 */
final class DemoFindings {

    // the contexts of the findings module (worklog.TeamWorkLogs, lead.Leads): rows sealed otherwise would not open
    static final String INTERVIEWEE = "work_log.interviewee";
    static final String NOTES = "work_log.notes";
    static final String LEAD_NAME = "lead.person.name";
    static final String LEAD_ID_NUMBER = "lead.person.id_number";
    static final String LEAD_POST = "lead.person.post";
    static final String LEAD_INDEX = "lead.person";

    private static final String[] CATEGORIES = {"LEADERSHIP", "MIDDLE_CADRE", "GENERAL_CADRE", "RETIRED_CADRE",
            "PUBLIC"};
    private static final String[] POSTS = {"党委书记", "党委副书记", "纪委书记", "办公室主任", "财务科科长", "项目办负责人",
            "一般干部", "退休干部", "村党支部书记", "村民"};
    private static final String[] TALK_NOTES = {
            "谈话对象反映，单位班子议事规则执行不严，“三重一大”事项有时会前沟通不充分，个别事项事后补签。",
            "谈到干部选拔任用，认为近两年中层干部轮岗交流偏少，个别岗位同一人任职超过十年。",
            "反映食堂和公务接待费用未单独核算，接待清单与实际就餐人数对不上。",
            "认为单位落实意识形态工作责任制总体较好，但理论学习中心组学习有照本宣科现象。",
            "反映某工程项目变更签证多次，增加费用未经集体研究，建议巡察组调阅项目档案。",
            "谈话对象对整改上轮巡察反馈问题情况表示，部分问题销号后又反弹，台账与实际不符。",
            "反映村集体鱼塘发包未经村民代表大会表决，承包价格明显偏低。",
            "退休老干部反映，单位对老干部政治待遇落实较好，但慰问经费使用不公开。"};
    private static final String[][] VISITS = {
            {"走访项目工地", "实地查看道路改造工程进度与质量"}, {"走访村民小组", "入户了解惠民补贴发放情况"},
            {"走访服务窗口", "察看便民服务大厅办事流程"}, {"走访困难群众", "了解低保、临时救助落实情况"},
            {"走访企业", "听取营商环境意见建议"}};
    private static final String[] RECORDS = {"党委会会议记录", "财务凭证及账簿", "干部人事档案", "工程项目招投标资料",
            "公务接待审批单", "“三资”管理台账", "上轮巡察整改台账"};
    private static final String[] MEETINGS = {"党委（党组）会议", "民主生活会", "理论学习中心组学习会", "村“两委”联席会议"};

    /** Problems a paper is written about: title, facts, discipline, topic tag index, amount in yuan (0: none). */
    private record Problem(String title, String facts, DisciplineTag discipline, int tag, long yuan) {
    }

    private static final Problem[] PROBLEMS = {
            new Problem("违规发放津贴补贴", "经查阅 2024 年至 2025 年财务凭证，该单位以“加班补助”“考核奖励”名义向在职人员发放津贴补贴，共计 {amt} 元，未经上级主管部门批准。", DisciplineTag.INTEGRITY, 5, 86_400),
            new Problem("工程项目未按规定公开招标", "某道路改造工程合同金额 {amt} 元，超过公开招标限额，却以拆分标段方式直接发包给同一施工企业。", DisciplineTag.INTEGRITY, 6, 1_280_000),
            new Problem("“三重一大”事项未经集体决策", "调阅党委会会议记录发现，大额资金使用、重要项目安排等事项由主要负责人个人决定后补办手续，涉及资金 {amt} 元。", DisciplineTag.ORGANIZATIONAL, 1, 450_000),
            new Problem("公务接待超标准", "抽查公务接待审批单 60 份，其中 14 份无公函、超标准、陪餐人数超规定，超支 {amt} 元。", DisciplineTag.INTEGRITY, 4, 23_600),
            new Problem("惠民惠农资金发放不精准", "核对补贴发放名册，发现向已死亡人员、财政供养人员发放补贴，涉及 {amt} 元。", DisciplineTag.MASSES, 5, 37_800),
            new Problem("村集体资产发包价格偏低", "村集体鱼塘、山林发包未经民主程序，承包价格低于周边同类资产，造成集体收入损失约 {amt} 元。", DisciplineTag.MASSES, 1, 120_000),
            new Problem("干部选拔任用程序不规范", "查阅干部人事档案发现，2 名中层干部提拔时民主推荐环节缺少会议记录，任前公示时间不足 5 个工作日。", DisciplineTag.ORGANIZATIONAL, 7, 0),
            new Problem("上轮巡察反馈问题整改不到位", "上轮巡察反馈的 12 个问题中有 3 个已报销号但实际未整改，整改台账与实际情况不符。", DisciplineTag.POLITICAL, 4, 0),
            new Problem("落实上级决策部署打折扣", "耕地保护专项整治要求的违建大棚拆除任务至今未完成，多次报送“已完成”。", DisciplineTag.POLITICAL, 2, 0),
            new Problem("形式主义问题突出", "各类填表报数、督查检查名目繁多，基层反映“痕迹”多于实绩，同一材料重复报送 5 次以上。", DisciplineTag.WORK, 4, 0),
            new Problem("违规借用管理服务对象车辆", "单位负责人长期借用辖区企业车辆，用于上下班及私人事务。", DisciplineTag.LIFE, 3, 0),
            new Problem("扶贫项目资金闲置", "产业扶贫项目资金 {amt} 元拨付后闲置一年以上，项目未按期建成。", DisciplineTag.WORK, 0, 300_000)};
    private static final String[] RETURN_REASONS = {"事实部分证据不足，请补充相关财务凭证复印件。", "定性依据引用条款不准确，请核对后修改。",
            "责任划分不清，请分别写明主体责任和第一责任人责任。"};
    private static final String[] WITHDRAW_REASONS = {"经进一步核实，所涉款项已按规定报批，问题不成立，予以撤回。",
            "与第 {n} 号底稿反映的是同一问题，合并后撤回本稿。"};

    /** Inspections written per flush: bounds the rows held in memory at the province scale. */
    private static final int CHUNK = 300;
    private static final int BATCH = 2000;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final FieldCipher cipher;
    private final KeyedHash hashes;
    private final ZoneId zone;

    DemoFindings(JdbcClient jdbc, NamedParameterJdbcTemplate batch, FieldCipher cipher, KeyedHash hashes,
                 ZoneId zone) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.cipher = cipher;
        this.hashes = hashes;
        this.zone = zone;
    }

    private record Inspection(long id, long bodyId, String bodyName, String teamName, boolean cross,
                              LocalDate stationedOn, LocalDate withdrawnOn, InspectionStage stage, LocalDate feedbackOn,
                              String bodyRegion) {
    }

    private record Member(long inspectorId, String name, String role, Long userId, String username) {
        /** The name the services record as the actor of a step: the account's username, else the inspector. */
        String actorName() {
            return username != null ? username : name;
        }

        /** The id the findings module records as writer or actor: the member's account, else the inspector's id. */
        long actorId() {
            return userId != null ? userId : inspectorId;
        }
    }

    private record Target(long id, String sector, String regionCode, Long bodyId) {
    }

    private record Heading(long id, long level1Id) {
    }

    /** What was written. */
    record Counts(int workLogs, int papers, int findings, int leads, int reports, long reportMillis) {
    }

    /** The id of a row not yet written; known once its table is flushed. */
    private static final class Ref {
        long id;
    }

    /**
     * Rows of one table waiting to be sent in JDBC batches. A parent table's rows each have a {@link Ref}: after the
     * batch the new ids are read back in insertion order (the generator writes into a database nobody else writes
     * to, and identity values follow the order of the batch). Child rows are built when flushed, so they can name
     * their parents' ids — and sealed fields whose context names the row's id are sealed then.
     */
    private final class Rows {
        final String table;
        final String sql;
        final List<Ref> refs = new ArrayList<>();
        final List<Supplier<MapSqlParameterSource>> rows = new ArrayList<>();

        Rows(String table, String sql) {
            this.table = table;
            this.sql = sql;
        }

        Ref add(Supplier<MapSqlParameterSource> row) {
            Ref ref = new Ref();
            refs.add(ref);
            rows.add(row);
            return ref;
        }

        void child(Supplier<MapSqlParameterSource> row) {
            rows.add(row);
        }

        void flush(boolean parent) {
            if (rows.isEmpty()) {
                return;
            }
            long before = parent ? jdbc.sql("SELECT COALESCE(max(id), 0) FROM " + table).query(Long.class).single() : 0;
            List<SqlParameterSource> params = new ArrayList<>(rows.size());
            for (Supplier<MapSqlParameterSource> row : rows) {
                params.add(row.get());
            }
            for (int from = 0; from < params.size(); from += BATCH) {
                batch.batchUpdate(sql, params.subList(from, Math.min(params.size(), from + BATCH))
                        .toArray(SqlParameterSource[]::new));
            }
            if (parent) {
                List<Long> ids = jdbc.sql("SELECT id FROM " + table + " WHERE id > :b ORDER BY id").param("b", before)
                        .query(Long.class).list();
                if (ids.size() != refs.size()) {
                    throw new IllegalStateException(table + ": wrote " + refs.size() + " rows, read back " + ids.size());
                }
                for (int i = 0; i < ids.size(); i++) {
                    refs.get(i).id = ids.get(i);
                }
            }
            refs.clear();
            rows.clear();
        }
    }

    private Rows logRows;
    private Rows sealRows;
    private Rows presenceRows;
    private Rows paperRows;
    private Rows basisRows;
    private Rows evidenceRows;
    private Rows versionRows;
    private Rows stepRows;
    private Rows counterRows;
    private Rows findingRows;
    private Rows topicRows;
    private Rows leadRows;
    private Rows personRows;
    private Rows reportRows;
    private Rows citationRows;

    private void tables() {
        logRows = new Rows("work_log", """
                INSERT INTO work_log (inspection_id, kind, held_on, place, subject, talk_category, persons_count,
                                      issued_count, returned_count, period, pages, read_by, status, withdraw_reason,
                                      version, created_by, created_at, updated_at)
                VALUES (:i, :kind, :on, :place, :subject, :cat, :persons, :issued, :returned, :period, :pages,
                        :readBy, :status, :reason, :version, :actor, :at, :at)
                """);
        sealRows = new Rows("work_log",
                "UPDATE work_log SET interviewee_sealed = :who, notes_sealed = :notes WHERE id = :id");
        presenceRows = new Rows("work_log_inspector",
                "INSERT INTO work_log_inspector (work_log_id, inspector_id, inspector_name) VALUES (:l, :p, :n)");
        paperRows = new Rows("working_paper", """
                INSERT INTO working_paper (inspection_id, seq, paper_no, title, facts, basis_text, source, source_ref,
                    subject_resp, first_resp, main_leader_resp, supervision_resp, illegal_fen, loss_fen, finder_id,
                    finder_name, found_on, writer_id, writer_name, written_at, status, content_version, row_version,
                    meeting_opinion, approved_by, approved_at, closing_reason, created_at, updated_at)
                VALUES (:i, :seq, :no, :title, :facts, NULL, :source, :ref, :subject, :first, NULL, :supervision,
                    :illegal, :loss, :finder, :finderName, :foundOn, :writer, :writerName, :at, :status, :cv, :rv,
                    :meeting, :approvedBy, :approvedAt, :closing, :at, :updated)
                """);
        basisRows = new Rows("working_paper_basis",
                "INSERT INTO working_paper_basis (paper_id, position, regulation_id, article) VALUES (:p, 1, :r, NULL)");
        evidenceRows = new Rows("working_paper_evidence", """
                INSERT INTO working_paper_evidence (paper_id, evidence_no, description, listed)
                VALUES (:p, :n, :d, TRUE)
                """);
        versionRows = new Rows("working_paper_version", """
                INSERT INTO working_paper_version (paper_id, version_no, title, facts, basis, source, source_ref,
                    evidence, responsibility, illegal_fen, loss_fen, actor_id, actor, occurred_at)
                VALUES (:p, :no, :title, :facts, :basis, :source, NULL, :evidence, :resp, :illegal, :loss, :aid,
                    :actor, :at)
                """);
        stepRows = new Rows("working_paper_step", """
                INSERT INTO working_paper_step (paper_id, version_no, from_status, to_status, opinion, actor_id,
                    actor, occurred_at)
                VALUES (:p, :v, :from, :to, :opinion, :aid, :actor, :at)
                """);
        counterRows = new Rows("working_paper_counter",
                "INSERT INTO working_paper_counter (inspection_id, last_no) VALUES (:i, :n)");
        findingRows = new Rows("finding", """
                INSERT INTO finding (inspection_id, paper_id, title, description, organization_id, scheme, heading_id,
                                     level1_id, discipline, severity, key_problem, illegal_fen, loss_fen, status,
                                     rectified, rectified_on, rectified_note, rectified_by, rectified_by_name,
                                     rectified_at, row_version, created_by, created_by_name, created_at, updated_at)
                VALUES (:i, :p, :title, :description, :o, :scheme, :h, :l1, :discipline, :severity, :key, :illegal,
                        :loss, 'RECORDED', :rectified, :ron, :rnote, :rby, :rbyName, :rat, :rv, :u, :name, :at, :updated)
                """);
        topicRows = new Rows("finding_topic", "INSERT INTO finding_topic (finding_id, tag_id) VALUES (:f, :t)");
        leadRows = new Rows("problem_lead", """
                INSERT INTO problem_lead (inspection_id, title, description, source, source_paper_id, source_ref,
                                          violation, urgent, status, row_version, created_by, created_by_name,
                                          created_at, reported_by_name, reported_at, updated_at)
                VALUES (:i, :title, :description, 'WORKING_PAPER', :paper, NULL, :violation, :urgent, :status, :rv,
                        :u, :un, :at, :by, :rat, :updated)
                """);
        personRows = new Rows("problem_lead_person", """
                INSERT INTO problem_lead_person (lead_id, position, name_sealed, id_number_sealed, post_sealed,
                                                 person_rank, person_index)
                VALUES (:l, :pos, :name, :idn, :post, :rank, :idx)
                """);
        citationRows = new Rows("working_paper_evidence", """
                INSERT INTO working_paper_evidence (paper_id, evidence_no, description, listed, comparison_id)
                VALUES (:p, 3, :d, TRUE, :c)
                """);
        reportRows = new Rows("problem_lead_report", """
                INSERT INTO problem_lead_report (lead_id, body_id, addressee, reported_at, acknowledged_by,
                                                 acknowledged_name, acknowledged_at)
                VALUES (:l, :b, :a, :at, :by, :name, :ackAt)
                """);
    }

    private void flush() {
        logRows.flush(true);
        sealRows.flush(false);
        presenceRows.flush(false);
        paperRows.flush(true);
        basisRows.flush(false);
        evidenceRows.flush(false);
        citationRows.flush(false);
        versionRows.flush(false);
        stepRows.flush(false);
        counterRows.flush(false);
        findingRows.flush(true);
        topicRows.flush(false);
        leadRows.flush(true);
        personRows.flush(false);
        reportRows.flush(false);
    }

    private static MapSqlParameterSource row() {
        return new MapSqlParameterSource();
    }

    /** Counts of what was queued (equal to what was written once flushed). */
    private int logs;
    private int papers;
    private int findings;
    private int leads;
    private Map<Long, Long> leaderOfBody;
    /** The data comparison run on one inspection (DemoComparison), cited by its first approved paper; or null. */
    private DemoComparison.Run comparison;
    private Map<Long, String> regulationTitles;

    Counts insert(Scale scale, long seed, LocalDate today, java.util.Optional<DemoComparison.Run> comparison) {
        this.comparison = comparison.orElse(null);
        SplittableRandom random = new SplittableRandom(seed ^ 0x46494e44494e4753L);
        tables();
        logs = 0;
        papers = 0;
        findings = 0;
        leads = 0;
        // city and province alike: every inspection past preparation — the stationed ones part-way, the others with
        // their whole record — so that every report from REPORTING on is drafted from the inspection's own findings
        // and counts (a CROSS inspection that reached REPORTING is among them, with its 双汇报 lead)
        List<Inspection> inspections = jdbc.sql("""
                SELECT i.id, i.body_id, b.name, i.team_name, i.form_cross, i.stationed_on, i.withdrawn_on, i.stage,
                       i.feedback_on, b.region_code
                FROM inspection i JOIN inspection_body b ON b.id = i.body_id
                WHERE i.stationed_on IS NOT NULL AND i.stage <> 'PREPARING' ORDER BY i.id""")
                .query((rs, n) -> new Inspection(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                        InspectionStage.valueOf(rs.getString(8)), rs.getObject(9, LocalDate.class),
                        rs.getString(10))).list();
        Map<HeadingScheme, List<Heading>> headings = new HashMap<>();
        // the built-in level-2 items, or the level-1 items of a scheme that has none (三个方面)
        jdbc.sql("""
                SELECT id, scheme, COALESCE(parent_id, id) FROM finding_heading_item h
                WHERE body_id IS NULL AND (level = 2 OR (level = 1 AND NOT EXISTS (SELECT 1 FROM finding_heading_item c
                    WHERE c.parent_id = h.id AND c.body_id IS NULL))) ORDER BY id
                """).query(rs -> {
                    headings.computeIfAbsent(HeadingScheme.valueOf(rs.getString(2)), s -> new ArrayList<>())
                            .add(new Heading(rs.getLong(1), rs.getLong(3)));
                });
        List<Long> tags = jdbc.sql("SELECT id FROM finding_topic_tag WHERE body_id IS NULL ORDER BY id")
                .query(Long.class).list();
        regulationTitles = new HashMap<>();
        jdbc.sql("SELECT id, title FROM finding_regulation WHERE body_id IS NULL ORDER BY id")
                .query(rs -> {
                    regulationTitles.put(rs.getLong(1), rs.getString(2));
                });
        List<Long> regulations = new ArrayList<>(new java.util.TreeSet<>(regulationTitles.keySet()));
        leaderOfBody = new HashMap<>();
        jdbc.sql("""
                SELECT a.body_id, min(a.id) FROM user_account a JOIN user_role r ON r.user_account = a.id
                WHERE r.role = 'LEADER' AND a.body_id IS NOT NULL GROUP BY a.body_id
                """).query(rs -> {
                    leaderOfBody.put(rs.getLong(1), rs.getLong(2));
                });
        Map<Long, List<Member>> teams = new HashMap<>();
        jdbc.sql("""
                SELECT m.inspection_id, m.inspector_id, p.name, m.team_role, m.user_id, u.username FROM team_member m
                JOIN inspector p ON p.id = m.inspector_id JOIN inspection i ON i.id = m.inspection_id
                LEFT JOIN user_account u ON u.id = m.user_id
                WHERE m.left_at IS NULL AND i.stage <> 'PREPARING' ORDER BY m.inspection_id, m.id
                """).query(rs -> {
                    teams.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Member(rs.getLong(2),
                            rs.getString(3), rs.getString(4), rs.getObject(5) == null ? null : rs.getLong(5),
                            rs.getString(6)));
                });
        Map<Long, List<Target>> targetsOf = new HashMap<>();
        jdbc.sql("""
                SELECT t.inspection_id, o.id, o.sector, o.region_code, o.body_id FROM inspection_target t
                JOIN party_organization o ON o.id = t.organization_id JOIN inspection i ON i.id = t.inspection_id
                WHERE i.stage <> 'PREPARING'
                ORDER BY t.inspection_id, CASE WHEN t.extended_from IS NULL THEN 0 ELSE 1 END, o.id
                """).query(rs -> {
                    targetsOf.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Target(rs.getLong(2),
                            rs.getString(3), rs.getString(4), rs.getLong(5)));
                });
        int queued = 0;
        List<DemoReports.Inspection> written = new ArrayList<>();
        for (Inspection inspection : inspections) {
            List<Member> team = teams.getOrDefault(inspection.id(), List.of());
            List<Target> targets = targetsOf.getOrDefault(inspection.id(), List.of());
            if (team.isEmpty() || targets.isEmpty()) {
                continue;
            }
            LocalDate from = inspection.stationedOn();
            LocalDate until = inspection.withdrawnOn() != null && inspection.withdrawnOn().isBefore(today)
                    ? inspection.withdrawnOn() : today;
            long span = Math.max(1, ChronoUnit.DAYS.between(from, until));
            workLogs(random, inspection, team, from, span);
            papers(random, inspection, team, targets, from, span, headings, tags, regulations);
            Member head = role(team, "LEADER");
            written.add(new DemoReports.Inspection(inspection.id(), inspection.bodyId(), inspection.bodyRegion(),
                    inspection.teamName(), inspection.stage(), inspection.stationedOn(), inspection.withdrawnOn(),
                    inspection.feedbackOn(), head.userId(), head.actorId(), head.name(), head.actorName()));
            if (++queued % CHUNK == 0) {
                flush();
            }
        }
        flush();
        long reportsStarted = System.nanoTime();
        DemoReports.Written reportsWritten = new DemoReports(jdbc, batch, zone).insert(written, today);
        return new Counts(logs, papers, findings, leads, reportsWritten.reports(),
                (System.nanoTime() - reportsStarted) / 1_000_000);
    }

    // ---- work logs ------------------------------------------------------------------------------------------

    private void workLogs(SplittableRandom random, Inspection inspection, List<Member> team, LocalDate from,
                          long span) {
        // Yuyang's round: 1,574 interviews, 639 questionnaires, 150 visits over about 30 inspections; a stationed
        // inspection is part-way through, so between a third and all of it
        double share = Math.min(1.0, 0.35 + span / 45.0);
        int talks = (int) Math.round((40 + random.nextInt(25)) * share);
        int visits = Math.max(1, (int) Math.round((4 + random.nextInt(3)) * share));
        int questionnaires = Math.max(1, (int) Math.round((2 + random.nextInt(2)) * share));
        for (int k = 0; k < talks; k++) {
            String category = CATEGORIES[k % CATEGORIES.length];
            String post = POSTS[random.nextInt(POSTS.length)];
            // as TeamWorkLogs seals it: the name, a line break, the post
            String who = NamePools.person(random, random.nextBoolean()) + "\n" + post;
            String notes = TALK_NOTES[random.nextInt(TALK_NOTES.length)];
            Ref id = log(inspection.id(), "TALK", day(random, from, span), "巡察组谈话室", "个别谈话", category,
                    null, null, null, null, null, null, team.get(k % team.size()), false, random);
            sealRows.child(() -> row().addValue("who", cipher.seal(INTERVIEWEE + "#" + id.id, who))
                    .addValue("notes", cipher.seal(NOTES + "#" + id.id, notes)).addValue("id", id.id));
            presence(id, team, k, 2);
        }
        for (int k = 0; k < visits; k++) {
            String[] v = VISITS[(k + random.nextInt(VISITS.length)) % VISITS.length];
            Ref id = log(inspection.id(), "VISIT", day(random, from, span), v[0].substring(2), v[1], null,
                    3 + random.nextInt(12), null, null, null, null, null, team.get(k % team.size()), false, random);
            presence(id, team, k, 2);
        }
        for (int k = 0; k < questionnaires; k++) {
            // Yuyang's 639 questionnaires of a round: about twenty an inspection
            int issued = 6 + random.nextInt(10);
            Ref id = log(inspection.id(), "QUESTIONNAIRE", day(random, from, span), "被巡察单位",
                    k % 2 == 0 ? "干部职工问卷调查" : "选人用人工作“一报告两评议”民主测评", null, null, issued,
                    issued - random.nextInt(1 + issued / 5), null, null, null, team.get(k % team.size()), false,
                    random);
            presence(id, team, k, 1);
        }
        int records = 3 + random.nextInt(4);
        for (int k = 0; k < records; k++) {
            int year = from.getYear();
            Member reader = team.get((k + 1) % team.size());
            Ref id = log(inspection.id(), "RECORDS", day(random, from, span), "档案室",
                    RECORDS[(k * 3 + random.nextInt(3)) % RECORDS.length], null, null, null, null,
                    (year - 2) + "年1月至" + year + "年" + from.getMonthValue() + "月", 80 + random.nextInt(600),
                    reader.name(), reader, false, random);
            presence(id, team, k, 1);
        }
        Ref id = log(inspection.id(), "PERSONAL_MATTERS", day(random, from, span), "组织部门", "领导干部个人有关事项抽查核实",
                null, 3 + random.nextInt(5), null, null, null, null, null, team.get(0), false, random);
        presence(id, team, 0, 2);
        for (int k = 0; k < 2; k++) {
            id = log(inspection.id(), "MEETING", day(random, from, span), "会议室",
                    "列席" + MEETINGS[random.nextInt(MEETINGS.length)], null, 8 + random.nextInt(10), null, null, null,
                    null, null, team.get(k % team.size()), false, random);
            presence(id, team, k, 1);
        }
        for (int k = 0; k < 2; k++) {
            id = log(inspection.id(), "GRASSROOTS", day(random, from, span), "村（社区）", "下沉了解基层情况，召开群众座谈会",
                    null, 10 + random.nextInt(20), null, null, null, null, null, team.get((k + 2) % team.size()),
                    k == 1, random);
            presence(id, team, k, 2);
        }
    }

    private Ref log(long inspection, String kind, LocalDate on, String place, String subject, String category,
                    Integer persons, Integer issued, Integer returned, String period, Integer pages, String readBy,
                    Member by, boolean withdrawn, SplittableRandom random) {
        OffsetDateTime at = at(on, random);
        logs++;
        MapSqlParameterSource r = row().addValue("i", inspection).addValue("kind", kind).addValue("on", on)
                .addValue("place", place).addValue("subject", subject).addValue("cat", category, Types.VARCHAR)
                .addValue("persons", persons, Types.INTEGER).addValue("issued", issued, Types.INTEGER)
                .addValue("returned", returned, Types.INTEGER).addValue("period", period, Types.VARCHAR)
                .addValue("pages", pages, Types.INTEGER).addValue("readBy", readBy, Types.VARCHAR)
                .addValue("status", withdrawn ? "WITHDRAWN" : "ACTIVE")
                .addValue("reason", withdrawn ? "与前一条下沉了解记录重复，予以撤回。" : null, Types.VARCHAR)
                .addValue("version", withdrawn ? 2 : 1).addValue("actor", by.userId(), Types.BIGINT)
                .addValue("at", at);
        return logRows.add(() -> r);
    }

    private void presence(Ref log, List<Member> team, int k, int count) {
        for (int j = 0; j < Math.min(count, team.size()); j++) {
            Member m = team.get((k + j) % team.size());
            presenceRows.child(() -> row().addValue("l", log.id).addValue("p", m.inspectorId())
                    .addValue("n", m.name()));
        }
    }

    // ---- working papers, findings, leads -----------------------------------------------------------------------

    /** The status of the k-th paper: every state, most of them approved. */
    // eleven approved papers, so eleven findings an inspection: Yuyang's 341 problems of a round of ~30
    private static final String[] PAPER_PLAN = {"APPROVED", "APPROVED", "DRAFT", "SUBMITTED", "APPROVED",
            "APPROVED", "DEPUTY_APPROVED", "RETURNED", "APPROVED", "WITHDRAWN", "APPROVED", "APPROVED", "SUBMITTED",
            "DISCARDED", "APPROVED", "APPROVED_V2", "APPROVED", "DEPUTY_APPROVED", "APPROVED", "APPROVED"};

    private record Step(int version, String from, String to, String opinion, Member actor, OffsetDateTime at) {
    }

    private record Approved(Ref paper, Problem problem, OffsetDateTime approvedAt) {
    }

    private void papers(SplittableRandom random, Inspection inspection, List<Member> team, List<Target> targets,
                        LocalDate from, long span, Map<HeadingScheme, List<Heading>> headings, List<Long> tags,
                        List<Long> regulations) {
        Member leader = role(team, "LEADER");
        Member deputy = role(team, "DEPUTY");
        String shortName = shortName(inspection.bodyName());
        int seq = 0;
        List<Approved> approved = new ArrayList<>();
        int offset = random.nextInt(PROBLEMS.length);
        for (String plan : PAPER_PLAN) {
            seq++;
            // the paper citing the team's data comparison (its first, approved) is about the dead on the 低保 roll
            boolean cites = seq == 1 && comparison != null && comparison.inspectionId() == inspection.id();
            Problem problem = cites ? PROBLEMS[4] : PROBLEMS[(offset + seq) % PROBLEMS.length];
            Member writer = team.get((seq + 2) % team.size());
            LocalDate found = day(random, from, Math.max(1, span - 2));
            OffsetDateTime written = at(found, random);
            long fen = problem.yuan() * 100;
            long loss = problem.discipline() == DisciplineTag.MASSES ? fen : 0L;
            String facts = amount(problem.facts(), problem.yuan());
            String number = "[" + found.getYear() + "]" + shortName + "巡" + teamPart(inspection.teamName()) + "-"
                    + String.format(Locale.ROOT, "%02d", seq) + "号";
            String source = cites ? "DATA_COMPARISON" : new String[] {"TALK", "RECORDS", "VISIT", "PETITION", "OTHER"}[seq % 5];
            String status = switch (plan) {
                case "RETURNED" -> "DRAFT";
                case "APPROVED_V2" -> "SUBMITTED";
                default -> plan;
            };
            int version = plan.equals("APPROVED_V2") ? 2 : 1;
            boolean everApproved = plan.startsWith("APPROVED") || plan.equals("WITHDRAWN");
            OffsetDateTime approvedAt = everApproved ? written.plusDays(3) : null;
            String meeting = everApproved ? "经" + found.plusDays(3).getMonthValue() + "月"
                    + found.plusDays(3).getDayOfMonth() + "日组务会研究，事实清楚、证据充分，同意认定。" : null;
            String closing = plan.equals("WITHDRAWN") ? WITHDRAW_REASONS[seq % 2].replace("{n}",
                    String.format(Locale.ROOT, "%02d", Math.max(1, seq - 1)))
                    : plan.equals("DISCARDED") ? "问题线索不实，作废。" : null;
            String facts2 = facts + "经补充核实，相关责任人已承认上述事实。";
            List<Step> steps = new ArrayList<>();
            steps.add(new Step(1, null, "DRAFT", null, writer, written));
            OffsetDateTime t = written;
            switch (plan) {
                case "SUBMITTED" -> steps.add(new Step(1, "DRAFT", "SUBMITTED", null, writer, t = t.plusHours(20)));
                case "DEPUTY_APPROVED" -> {
                    steps.add(new Step(1, "DRAFT", "SUBMITTED", null, writer, t = t.plusHours(20)));
                    steps.add(new Step(1, "SUBMITTED", "DEPUTY_APPROVED", "事实清楚，同意报组长审批。", deputy,
                            t = t.plusHours(20)));
                }
                case "RETURNED" -> {
                    steps.add(new Step(1, "DRAFT", "SUBMITTED", null, writer, t = t.plusHours(20)));
                    steps.add(new Step(1, "SUBMITTED", "DRAFT", RETURN_REASONS[seq % RETURN_REASONS.length], deputy,
                            t = t.plusHours(20)));
                }
                case "DISCARDED" -> steps.add(new Step(1, "DRAFT", "DISCARDED", closing, writer, t = t.plusHours(20)));
                case "APPROVED", "WITHDRAWN", "APPROVED_V2" -> {
                    steps.add(new Step(1, "DRAFT", "SUBMITTED", null, writer, t = t.plusHours(20)));
                    steps.add(new Step(1, "SUBMITTED", "DEPUTY_APPROVED", "同意报组长审批。", deputy, t = t.plusHours(20)));
                    steps.add(new Step(1, "DEPUTY_APPROVED", "APPROVED", meeting, leader, t = approvedAt));
                    if (plan.equals("WITHDRAWN")) {
                        steps.add(new Step(1, "APPROVED", "WITHDRAWN", closing, leader, t = t.plusDays(1)));
                    } else if (plan.equals("APPROVED_V2")) {
                        steps.add(new Step(2, "APPROVED", "SUBMITTED", "审定后修改为第2版，重新报审", writer,
                                t = t.plusDays(1)));
                    }
                }
                default -> {
                }
            }
            OffsetDateTime updated = t;
            // row_version: the paper's creation is 0 and every later step or edit bumps it once
            int rowVersion = steps.size() - 1;
            String subject = "被巡察单位党组织负有主体责任";
            String first = "党组织书记负有第一责任人责任";
            int paperSeq = seq;
            MapSqlParameterSource paperRow = row().addValue("i", inspection.id()).addValue("seq", paperSeq)
                    .addValue("no", number).addValue("title", problem.title())
                    .addValue("facts", version == 2 ? facts2 : facts).addValue("source", source)
                    .addValue("ref", source.equals("PETITION") ? "码上巡举报" : null, Types.VARCHAR)
                    .addValue("subject", subject).addValue("first", first)
                    .addValue("supervision", "纪检监察组织负有监督责任").addValue("illegal", fen).addValue("loss", loss)
                    .addValue("finder", writer.actorId()).addValue("finderName", writer.name())
                    .addValue("foundOn", found).addValue("writer", writer.actorId())
                    .addValue("writerName", writer.name()).addValue("at", written).addValue("status", status)
                    .addValue("cv", version).addValue("rv", rowVersion).addValue("meeting", meeting, Types.VARCHAR)
                    .addValue("approvedBy", everApproved ? leader.name() : null, Types.VARCHAR)
                    .addValue("approvedAt", approvedAt, Types.TIMESTAMP_WITH_TIMEZONE)
                    .addValue("closing", closing, Types.VARCHAR).addValue("updated", updated);
            Ref paper = paperRows.add(() -> paperRow);
            papers++;
            long regulation = regulations.get(seq % regulations.size());
            String basis = regulationTitles.get(regulation);
            basisRows.child(() -> row().addValue("p", paper.id).addValue("r", regulation));
            String firstEvidence = source.equals("RECORDS") ? "调阅资料复印件" : "谈话笔录";
            evidenceRows.child(() -> row().addValue("p", paper.id).addValue("n", 1).addValue("d", firstEvidence));
            evidenceRows.child(() -> row().addValue("p", paper.id).addValue("n", 2).addValue("d", "相关财务凭证"));
            String listed = "证据1：" + firstEvidence + "\n证据2：相关财务凭证";
            if (cites) {
                // evidence 3 cites the comparison (V8_23) with the description WorkingPapers gives such an item
                String cited = comparison.evidence();
                long comparisonId = comparison.comparisonId();
                citationRows.child(() -> row().addValue("p", paper.id).addValue("d", cited).addValue("c", comparisonId));
                listed += "\n证据3：" + cited;
            }
            String evidence = listed;
            String responsibility = "主体责任：" + subject + "\n第一责任人责任：" + first + "\n监督责任：纪检监察组织负有监督责任";
            for (int v = 1; v <= version; v++) {
                int no = v;
                Step made = v == 1 ? steps.get(0) : steps.get(steps.size() - 1);
                versionRows.child(() -> row().addValue("p", paper.id).addValue("no", no)
                        .addValue("title", problem.title()).addValue("facts", no == 2 ? facts2 : facts)
                        .addValue("basis", basis).addValue("source", source).addValue("evidence", evidence)
                        .addValue("resp", responsibility).addValue("illegal", fen).addValue("loss", loss)
                        .addValue("aid", made.actor().actorId()).addValue("actor", made.actor().name())
                        .addValue("at", made.at()));
            }
            for (Step st : steps) {
                stepRows.child(() -> row().addValue("p", paper.id).addValue("v", st.version())
                        .addValue("from", st.from(), Types.VARCHAR).addValue("to", st.to())
                        .addValue("opinion", st.opinion(), Types.VARCHAR).addValue("aid", st.actor().actorId())
                        .addValue("actor", st.actor().name()).addValue("at", st.at()));
            }
            if (plan.equals("APPROVED")) {
                approved.add(new Approved(paper, problem, approvedAt));
            }
        }
        int last = seq;
        counterRows.child(() -> row().addValue("i", inspection.id()).addValue("n", last));

        // findings: one per approved paper, heading schemes in turn (the sector's default, 三个方面 of the old
        // reports, and the other current scheme an office may choose)
        for (int k = 0; k < approved.size(); k++) {
            Target target = targets.get(k % targets.size());
            HeadingScheme preferred = HeadingScheme.defaultFor(target.sector());
            HeadingScheme scheme = switch (k % 3) {
                case 0 -> preferred;
                case 1 -> HeadingScheme.THREE_ASPECTS;
                default -> preferred == HeadingScheme.FOUR_FOCUSES ? HeadingScheme.FOUR_IMPLEMENTATIONS
                        : HeadingScheme.FOUR_FOCUSES;
            };
            List<Heading> items = headings.get(scheme);
            Heading heading = items.get(random.nextInt(items.size()));
            Approved a = approved.get(k);
            Problem problem = a.problem();
            long fen = problem.yuan() * 100;
            OffsetDateTime at = a.approvedAt().plusDays(1);
            boolean rectified = k % 3 == 1;
            int n = k;
            MapSqlParameterSource values = row().addValue("i", inspection.id()).addValue("title", problem.title())
                    .addValue("description", amount(problem.facts(), problem.yuan())).addValue("o", target.id())
                    .addValue("scheme", scheme.name()).addValue("h", heading.id()).addValue("l1", heading.level1Id())
                    .addValue("discipline", n % 4 == 3 ? null : problem.discipline().name(), Types.VARCHAR)
                    .addValue("severity", n == 0 ? "GRAVE" : n % 2 == 0 ? "SERIOUS" : "ORDINARY")
                    .addValue("key", n % 2 == 0).addValue("illegal", fen)
                    .addValue("loss", problem.discipline() == DisciplineTag.MASSES ? fen : 0L)
                    .addValue("rectified", rectified)
                    .addValue("ron", rectified ? at.plusDays(4).atZoneSameInstant(zone).toLocalDate() : null, Types.DATE)
                    .addValue("rnote", rectified ? "被巡察单位已立行立改：违规款项已全部清退，并修订完善相关制度。" : null,
                            Types.VARCHAR)
                    .addValue("rby", rectified ? leader.userId() : null, Types.BIGINT)
                    .addValue("rbyName", rectified ? leader.name() : null, Types.VARCHAR)
                    .addValue("rat", rectified ? at.plusDays(4) : null, Types.TIMESTAMP_WITH_TIMEZONE)
                    .addValue("rv", rectified ? 2 : 1).addValue("u", leader.actorId()).addValue("name", leader.name())
                    .addValue("at", at).addValue("updated", rectified ? at.plusDays(4) : at);
            Ref finding = findingRows.add(() -> values.addValue("p", a.paper().id));
            long tag = tags.get(problem.tag() % tags.size());
            topicRows.child(() -> row().addValue("f", finding.id).addValue("t", tag));
            findings++;
        }

        // leads from approved papers (Yuyang's 151 of a round: five an inspection): the first urgent and reported,
        // the second and fourth reported, the third and fifth drafts
        for (int k = 0; k < Math.min(5, approved.size()); k++) {
            Approved a = approved.get(k);
            Problem problem = a.problem();
            Target target = targets.get(0);
            OffsetDateTime at = a.approvedAt().plusDays(2);
            boolean reported = k != 2 && k != 4;
            boolean urgent = k == 0;
            String violation = k == 1 && problem.yuan() > 100_000 ? "ILLEGAL" : problem.discipline().name();
            MapSqlParameterSource values = row().addValue("i", inspection.id())
                    .addValue("title", "关于" + problem.title() + "的问题线索")
                    .addValue("description", "巡察发现：" + amount(problem.facts(), problem.yuan()) + "相关人员涉嫌违反"
                            + problem.discipline().label() + "，建议移交纪检监察机关处置。")
                    .addValue("violation", violation).addValue("urgent", urgent)
                    .addValue("status", reported ? "REPORTED" : "DRAFT").addValue("rv", reported ? 2 : 1)
                    .addValue("u", leader.actorId()).addValue("un", leader.name()).addValue("at", at)
                    .addValue("by", reported ? leader.name() : null, Types.VARCHAR)
                    .addValue("rat", reported ? at.plusHours(2) : null, Types.TIMESTAMP_WITH_TIMEZONE)
                    .addValue("updated", reported ? at.plusHours(2) : at);
            Ref lead = leadRows.add(() -> values.addValue("paper", a.paper().id));
            int persons = 1 + random.nextInt(2);
            for (int p = 1; p <= persons; p++) {
                boolean male = random.nextBoolean();
                String name = NamePools.person(random, male);
                String region = target.regionCode() != null && target.regionCode().length() >= 6
                        && target.regionCode().substring(0, 6).chars().allMatch(Character::isDigit)
                        ? target.regionCode().substring(0, 6) : "369900";
                String idNumber = IdentityNumbers.of(region, LocalDate.of(1965 + random.nextInt(30),
                        1 + random.nextInt(12), 1 + random.nextInt(28)), random.nextInt(500) * 2 + (male ? 1 : 0));
                String post = p == 1 ? "党组织书记" : POSTS[3 + random.nextInt(3)];
                String rank = "VILLAGE".equals(target.sector()) ? "VILLAGE" : p == 1 ? "SECTION" : "GENERAL";
                int position = p;
                // sealed as findings' Leads seals them (contexts without the row's id), so sealed here already
                MapSqlParameterSource person = row().addValue("pos", position)
                        .addValue("name", cipher.seal(LEAD_NAME, name))
                        .addValue("idn", cipher.seal(LEAD_ID_NUMBER, idNumber))
                        .addValue("post", cipher.seal(LEAD_POST, post)).addValue("rank", rank)
                        .addValue("idx", hashes.blindIndex(LEAD_INDEX, name.toLowerCase(Locale.ROOT) + "|" + idNumber));
                personRows.child(() -> person.addValue("l", lead.id));
            }
            if (reported) {
                // an urgent lead of a stationed team waits in the leading group's 待办 (not acknowledged); the
                // other reported one has been read — for a CROSS inspection by both leading groups (双汇报)
                // (once the team has left, every reported lead has been read)
                boolean acknowledged = !urgent || !List.of(InspectionStage.STATIONED, InspectionStage.REPORTING).contains(inspection.stage());
                report(lead, inspection.bodyId(), "BODY", at.plusHours(2), acknowledged);
                if (inspection.cross()) {
                    for (Target tg : targets) {
                        if (tg.bodyId() != null && tg.bodyId() != inspection.bodyId()) {
                            report(lead, tg.bodyId(), "INSPECTED_COUNTY", at.plusHours(2), acknowledged);
                            break;
                        }
                    }
                }
            }
            leads++;
        }
    }

    private void report(Ref lead, long body, String addressee, OffsetDateTime at, boolean acknowledged) {
        Long reader = acknowledged ? leaderOfBody.get(body) : null;
        MapSqlParameterSource values = row().addValue("b", body).addValue("a", addressee).addValue("at", at)
                .addValue("by", reader, Types.BIGINT).addValue("name", acknowledged ? "领导小组" : null, Types.VARCHAR)
                .addValue("ackAt", acknowledged ? at.plusDays(1) : null, Types.TIMESTAMP_WITH_TIMEZONE);
        reportRows.child(() -> values.addValue("l", lead.id));
    }

    private static String amount(String text, long yuan) {
        return text.replace("{amt}", String.format(Locale.ROOT, "%,d", yuan));
    }

    private static Member role(List<Member> team, String role) {
        return team.stream().filter(m -> m.role().equals(role)).findFirst().orElse(team.get(0));
    }

    private LocalDate day(SplittableRandom random, LocalDate from, long span) {
        return from.plusDays(random.nextLong(span));
    }

    private OffsetDateTime at(LocalDate on, SplittableRandom random) {
        return on.atTime(9 + random.nextInt(8), random.nextInt(60)).atZone(zone).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** As findings' PaperNumbering: 中共清江市委… → 清. */
    static String shortName(String bodyName) {
        String name = bodyName == null ? "" : bodyName.strip();
        if (name.startsWith("中共")) {
            name = name.substring(2);
        }
        return name.isEmpty() ? "" : name.substring(0, name.offsetByCodePoints(0, 1));
    }

    private static final java.util.regex.Pattern TEAM =
            java.util.regex.Pattern.compile("第([一二三四五六七八九十百零〇两0-9]+)(交叉)?巡察组");

    /** As findings' PaperNumbering: 清江市委第三巡察组 → 三组; 第一交叉巡察组 → 交叉一组. */
    static String teamPart(String teamName) {
        java.util.regex.Matcher m = TEAM.matcher(teamName == null ? "" : teamName);
        if (m.find()) {
            return (m.group(2) == null ? "" : "交叉") + m.group(1) + "组";
        }
        return teamName == null ? "" : teamName.strip();
    }
}
