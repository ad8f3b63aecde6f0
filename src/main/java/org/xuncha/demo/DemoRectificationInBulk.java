package org.xuncha.demo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.common.BodyId;
import org.xuncha.findings.HeadingScheme;
import org.xuncha.platform.upload.CheckedUpload;
import org.xuncha.platform.upload.FileType;
import org.xuncha.platform.upload.UploadCheck;
import org.xuncha.platform.upload.UploadPolicy;
import org.xuncha.rectification.ItemStatus;
import org.xuncha.rectification.PlanStatus;
import org.xuncha.rectification.RedCardScreening;
import org.xuncha.rectification.WorkingDays;

/**
 * The rectification loop (issue 14 §9) of every inspection past feedback (FEEDBACK, RECTIFYING, CLOSED) with an
 * approved report, in batches: per main target organization one 反馈意见 delivered on the inspection's feedback date,
 * its problems one per standing finding of the approved report of that organization and of the units extended from
 * it (in the report's order, under its level-1 headings, worded as FeedbackLetters prefills them), its review trail
 * 一对照二审核三查看 (one in six returned once by the leading group with its reason), the two feedback sessions and the
 * four copies; the 整改方案 with its signature, submissions, the joint review's four opinions per round and the
 * office's decision (returned with reasons, then approved, or still drafting / submitted for recent feedback); its
 * items, ≈ 3 per problem, and each item's history — progress reports, evidence, moves — as {@link RectificationPlan}
 * decides it. The columns are those rectification's services leave (FeedbackLetters, FeedbackReview, Plans,
 * PlanReviews, LedgerItems; V8_32 … V8_40): row versions counted per change, the reason of the last move kept on the
 * item, milestones kept, next check and sign-off cleared by the moves that clear them. Rows are written as in
 * DemoFindings (a parent table's ids read back in insertion order), not through the services: those stamp the
 * clock's instant and the caller's scope on every row, while this history lies in the demo's past.
 *
 * <p>Evidence: each request for 销号 carries one small picture of its own (an 8 × 8 PNG of a few hundred bytes whose
 * pixels follow from the item and the report, so no two items share a content hash by accident), a 制度文件 on a third of them (建章立制, titled
 * after the organization and the problem). The demo city ({@code showcase}) also passes every file through
 * platform's UploadCheck with the ledger's policy, forces a few items of the demo organizations into every state and
 * due-date band, and plants the duplicates the red cards look for (see {@link #plantCopiedText}). Who reports: the
 * organization's TARGET account where it has one, else its body's office recording it on the organization's behalf
 * (the province has no TARGET accounts).
 */
final class DemoRectificationInBulk {

    /** The ledger's upload policy (rectification.ledger.EvidenceUploads.POLICY, package-private there). */
    static final UploadPolicy EVIDENCE_POLICY = UploadPolicy.attachments(10L * 1024 * 1024, 10, FileType.PDF,
            FileType.JPEG, FileType.PNG, FileType.GIF, FileType.DOCX, FileType.XLSX);
    /** The text both planted progress reports share, the second with one word changed (see {@link #plantCopiedText}). */
    static final String COPIED_TEXT = "我单位高度重视巡察反馈问题整改，召开党组会议专题研究，逐条制定整改措施，明确责任领导和完成时限，"
            + "已完成相关款项清退和制度修订，整改台账已建立并动态更新。";
    static final String COPIED_TEXT_EDITED = COPIED_TEXT.replace("党组会议", "党委会议");
    static final String DUPLICATE_FILE_MARKER = "xuncha-demo shared evidence";

    private static final int CHUNK = 400;
    private static final int BATCH = 2000;
    private static final DateTimeFormatter CN = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final String[] MEASURES = {
            "全面排查梳理问题底数，建立问题清单和整改台账，逐项明确责任人和完成时限。",
            "对涉及的违规款项和责任人员依规依纪处理，督促相关人员退还违规所得，举一反三开展自查自纠。",
            "修订完善相关管理制度和工作流程，健全内部监督机制，从制度层面堵塞漏洞。",
            "组织开展专题学习和警示教育，压实分管领导和职能部门责任，加强日常监督检查。",
            "对照问题开展“回头看”，对整改情况进行跟踪问效，确保问题整改到位、不反弹。"};
    private static final String[] LEADERS = {"党组书记", "党委书记", "分管副局长", "纪检组长", "分管副主任", "副书记"};
    private static final String[] DEPARTMENTS = {"办公室", "财务科", "人事科", "计划财务科", "机关党委", "工程管理科",
            "党政办", "综合科"};
    private static final String[] PROGRESS = {
            "{o}于{d}召开领导班子专题会议研究{t}问题的整改工作，制定整改措施{n}条，明确责任领导和完成时限，正在逐项推进。",
            "针对{t}问题，{o}组织相关科室开展全面自查，共梳理问题点位{n}处，截至{d}已完成整改{m}处，其余正在推进。",
            "{o}就{t}问题建立整改台账，实行销号管理，截至{d}已完成阶段性任务{m}项，相关资料已归档备查。",
            "围绕{t}问题，{o}已修订完善管理制度{n}项，{d}前组织干部职工专题学习{m}次，整改成效正在巩固。",
            "{t}问题涉及的款项已于{d}前清退，相关责任人已作出书面检查，{o}已举一反三完成自查{n}项。",
            "按照整改方案，{o}于{d}对{t}问题开展“回头看”，对{n}个环节逐一核查，未发现问题反弹，申请对账销号。"};
    /** Two further sentences of every generated report, one from each list, naming the department. */
    private static final String[][] FURTHER = {{
            "下一步将对照时间节点逐项对账，确保按期完成。", "{dep}已将整改情况纳入月度工作例会通报。",
            "针对发现的薄弱环节，{dep}正在补充完善内控流程。", "相关佐证材料已由{dep}整理归档，随时接受检查。",
            "单位纪检组织全程跟踪督促，发现问题即知即改。", "已向分管领导专题汇报，后续将开展一次专项检查。",
            "群众反映的具体诉求已逐一回复，满意度回访同步开展。", "{dep}负责人对整改进度每周一调度、每月一总结。"}, {
            "涉及的{k}名责任人员已按程序处理。", "本阶段共调阅凭证{k}份、约谈相关人员若干。",
            "{dep}牵头召开推进会{k}次，逐项过堂。", "已对{k}个下属单位开展延伸检查。",
            "整改中新发现的{k}个问题一并纳入台账。", "已印发工作提示{k}期，督促各科室落实。",
            "组织专题培训{k}场，覆盖全体财会和业务人员。", "聘请第三方机构复核{k}个项目的整改结果。"}};
    private static final String[] CHECKS = {"经对账核查，整改措施已落实，佐证材料齐全，同意销号。",
            "整改资料完整，问题已整改到位，同意对账销号。", "经现场查看和资料核对，整改到位，同意销号。"};

    record Counts(long feedback, long problems, long plans, long items, long moves, long progress, long evidence,
                  long millis) {
    }

    private record Actor(long id, String name) {
    }

    private record Inspection(long id, long body, String bodyName, String team, LocalDate stationedOn,
                              LocalDate withdrawnOn, LocalDate feedbackOn, OffsetDateTime approvedAt,
                              String bodyRegion) {
    }

    private record Problem(long findingId, String heading, String title, String description, long organization,
                           String scheme) {
    }

    private record Target(long organization, String name, String sector) {
    }

    private static final class Ref {
        long id;
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final WorkingDays workingDays;
    private final RedCardScreening screening;
    private final ZoneId zone;
    private final Map<LocalDate, LocalDate> planDue = new HashMap<>();

    private Map<String, Map<Long, Actor>> byRole;
    private Map<Long, Actor> targets;
    private Map<Long, Actor> teamLeaders;
    private long[] counts;
    private boolean showcase;
    private long seed;
    private LocalDate today;
    private int forced;
    /** The planted duplicates (city): the organizations chosen so far for the shared file and the copied text. */
    private final List<Long> sharedFileOrgs = new ArrayList<>();
    private final List<Long> copiedTextOrgs = new ArrayList<>();

    DemoRectificationInBulk(JdbcClient jdbc, NamedParameterJdbcTemplate batch, WorkingDays workingDays,
                            RedCardScreening screening, ZoneId zone) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.workingDays = workingDays;
        this.screening = screening;
        this.zone = zone;
    }

    Counts insert(long seed, LocalDate today, boolean showcase) {
        long started = System.nanoTime();
        this.seed = seed;
        this.today = today;
        this.showcase = showcase;
        this.counts = new long[7];
        loadActors();
        List<Inspection> inspections = jdbc.sql("""
                SELECT i.id, i.body_id, b.name, i.team_name, i.stationed_on, i.withdrawn_on, i.feedback_on, r.updated_at,
                       b.region_code
                FROM inspection i JOIN inspection_report r ON r.inspection_id = i.id AND r.status = 'APPROVED'
                JOIN inspection_body b ON b.id = i.body_id
                WHERE i.stage IN ('FEEDBACK', 'RECTIFYING', 'CLOSED') AND i.feedback_on IS NOT NULL
                  AND i.feedback_on <= :today ORDER BY i.id""").param("today", today)
                .query((rs, n) -> new Inspection(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class), rs.getObject(8, OffsetDateTime.class), rs.getString(9)))
                .list();
        for (int from = 0; from < inspections.size(); from += CHUNK) {
            chunk(inspections.subList(from, Math.min(inspections.size(), from + CHUNK)));
        }
        if (showcase) {
            raisePlantedCards();
        }
        return new Counts(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6],
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The red cards of the planted duplicates, raised by the module's own rules ({@link RedCardScreening#screenWritten}
     * on each planted progress row, in the order written) and decided by the office of the card's body as an office
     * would: the picture used by two organizations 认定 (confirmed), the near-identical wording 撤销 (dismissed: both
     * units answered the same county-wide instruction). Rows the history wrote in bulk carry no candidate keys, so only
     * these are screened; every other progress row of the demo is nobody's copy.
     */
    private void raisePlantedCards() {
        List<Long> planted = jdbc.sql("""
                SELECT id FROM rectification_progress WHERE progress_text = :a OR progress_text = :b
                UNION
                SELECT progress_id FROM rectification_evidence WHERE sha256 IN (SELECT sha256 FROM rectification_evidence
                       GROUP BY sha256 HAVING count(DISTINCT item_id) > 1)
                ORDER BY 1""").param("a", COPIED_TEXT).param("b", COPIED_TEXT_EDITED).query(Long.class).list();
        planted.forEach(screening::screenWritten);
        OffsetDateTime at = OffsetDateTime.of(today.minusDays(2).atTime(10, 0), zone.getRules()
                .getOffset(today.atStartOfDay())).withOffsetSameInstant(java.time.ZoneOffset.UTC);
        jdbc.sql("SELECT id, kind, body_id FROM rectification_red_card WHERE status = 'RAISED' ORDER BY id")
                .query((rs, n) -> new long[] {rs.getLong(1), "SAME_EVIDENCE".equals(rs.getString(2)) ? 1 : 0,
                        rs.getLong(3)}).list().forEach(card -> {
                    Actor office = office(card[2]);
                    boolean confirm = card[1] == 1;
                    jdbc.sql("""
                            UPDATE rectification_red_card SET status = :s, decision_reason = :r, decided_by = :by,
                                   decided_by_name = :n, decided_at = :at, row_version = row_version + 1
                            WHERE id = :id""").param("s", confirm ? "CONFIRMED" : "DISMISSED")
                            .param("r", confirm ? "经核查，两个单位的佐证材料为同一张照片，未反映本单位整改实际，认定为虚假整改，责令重新整改并说明情况。"
                                    : "经核实，两个单位系按县委统一部署召开会议、报送进展，表述相近属正常，不属于照抄照搬，予以撤销。")
                            .param("by", office.id()).param("n", office.name()).param("at", at).param("id", card[0])
                            .update();
                });
    }

    private void loadActors() {
        byRole = new HashMap<>();
        targets = new HashMap<>();
        jdbc.sql("""
                SELECT a.id, a.display_name, r.role, a.body_id, a.organization_id FROM user_account a
                JOIN user_role r ON r.user_account = a.id ORDER BY a.id""").query(rs -> {
                    Actor a = new Actor(rs.getLong(1), rs.getString(2));
                    String role = rs.getString(3);
                    long org = rs.getLong(5);
                    if ("TARGET".equals(role) && !rs.wasNull()) {
                        targets.putIfAbsent(org, a);
                    }
                    long body = rs.getLong(4);
                    if (!rs.wasNull()) {
                        byRole.computeIfAbsent(role, k -> new HashMap<>()).putIfAbsent(body, a);
                    }
                });
        teamLeaders = new HashMap<>();
        jdbc.sql("""
                SELECT m.inspection_id, u.id, u.display_name FROM team_member m JOIN user_account u ON u.id = m.user_id
                WHERE m.team_role = 'LEADER' ORDER BY m.inspection_id, u.id""").query(rs -> {
                    teamLeaders.putIfAbsent(rs.getLong(1), new Actor(rs.getLong(2), rs.getString(3)));
                });
    }

    private Actor office(long body) {
        Actor a = byRole.getOrDefault("OFFICE", Map.of()).get(body);
        if (a == null) {
            throw new IllegalStateException("body " + body + " has no office account");
        }
        return a;
    }

    private Actor role(String role, long body) {
        return byRole.getOrDefault(role, Map.of()).getOrDefault(body, office(body));
    }

    /** Who reports for the organization: its TARGET account, else the office on its behalf. */
    private Actor reporter(long organization, long body) {
        Actor t = targets.get(organization);
        return t != null ? t : new Actor(office(body).id(), "巡察办（代被巡察单位录入）");
    }

    // ---------------------------------------------------------------------------------------------- one chunk

    private void chunk(List<Inspection> inspections) {
        List<Long> ids = inspections.stream().map(Inspection::id).toList();
        Map<Long, Map<Long, Target>> mains = new HashMap<>();
        Map<Long, Map<Long, Long>> mainOf = new HashMap<>();
        jdbc.sql("""
                SELECT t.inspection_id, t.organization_id, t.extended_from, o.name, o.sector FROM inspection_target t
                JOIN party_organization o ON o.id = t.organization_id WHERE t.inspection_id IN (:ids)
                ORDER BY t.inspection_id, t.organization_id""").param("ids", ids).query(rs -> {
                    long i = rs.getLong(1);
                    long org = rs.getLong(2);
                    long from = rs.getLong(3);
                    boolean extension = !rs.wasNull();
                    if (!extension) {
                        mains.computeIfAbsent(i, k -> new LinkedHashMap<>()).put(org,
                                new Target(org, rs.getString(4), rs.getString(5)));
                    }
                    mainOf.computeIfAbsent(i, k -> new HashMap<>()).put(org, extension ? from : org);
                });
        Map<Long, List<Problem>> problems = new HashMap<>();
        jdbc.sql("""
                SELECT r.inspection_id, p.finding_id, p.level1_label, f.title, f.description, f.organization_id, f.scheme
                FROM inspection_report_problem p JOIN inspection_report r ON r.id = p.report_id
                JOIN finding f ON f.id = p.finding_id WHERE r.inspection_id IN (:ids) ORDER BY r.inspection_id, p.ordinal""")
                .param("ids", ids).query(rs -> {
                    problems.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Problem(rs.getLong(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7)));
                });

        Rows feedbackRows = new Rows("rectification_feedback", """
                INSERT INTO rectification_feedback (inspection_id, organization_id, body_id, scheme, status, title, opening,
                    closing, delivered_on, plan_due_on, report_due_on, row_version, created_by, created_by_name,
                    created_at, updated_at)
                VALUES (:i, :o, :b, :s, 'DELIVERED', :t, :op, :cl, :on, :pd, :rd, :rv, :by, :byn, :cat, :uat)""");
        Rows problemRows = new Rows("rectification_feedback_item", """
                INSERT INTO rectification_feedback_item (feedback_id, position, finding_id, heading_label, wording)
                VALUES (:f, :p, :fi, :h, :w)""");
        Rows stepRows = new Rows(null, """
                INSERT INTO rectification_feedback_step (feedback_id, step, from_status, to_status, opinion, fed_back,
                    report_findings, actor_id, actor_name, acted_at)
                VALUES (:f, :s, :from, :to, :o, :fb, :rf, :a, :an, :at)""");
        Rows sessionRows = new Rows(null, """
                INSERT INTO rectification_feedback_session (feedback_id, session_kind, held_on, place, attendees, note,
                    recorded_by, recorded_by_name, recorded_at)
                VALUES (:f, :k, :on, :p, :a, NULL, :u, :n, :at)""");
        Rows copyRows = new Rows(null, """
                INSERT INTO rectification_feedback_copy (feedback_id, recipient, addressee, sent_on, recorded_by,
                    recorded_by_name, recorded_at)
                VALUES (:f, :r, :a, :on, :u, :n, :at)""");
        Rows planRows = new Rows("rectification_plan", """
                INSERT INTO rectification_plan (feedback_id, inspection_id, organization_id, body_id, status, due_on,
                    signed_by, signed_by_name, signed_at, submitted_at, approved_on, life_meeting_on, row_version,
                    created_by, created_by_name, created_at, updated_at, signed_post, first_submitted_on, review_round,
                    returned_reason)
                VALUES (:f, :i, :o, :b, :st, :due, :sb, :sbn, :sat, :sub, :ap, :life, :rv, :by, :byn, :cat, :uat, :post,
                    :first, :round, :reason)""");
        Rows signatureRows = new Rows(null, """
                INSERT INTO rectification_plan_signature (plan_id, review_round, signed_by, signed_by_name, signed_post,
                    item_count, plan_version, signed_at)
                VALUES (:p, :r, :by, :byn, :post, :n, :v, :at)""");
        Rows opinionRows = new Rows(null, """
                INSERT INTO rectification_plan_opinion (plan_id, review_round, participant, answered_ok, answered_note,
                    targeted_ok, targeted_note, responsibility_ok, responsibility_note, deadline_ok, deadline_note,
                    opinion, given_by, given_by_name, given_at)
                VALUES (:p, :r, :who, TRUE, :an, :tok, :tn, TRUE, :rn, :dok, :dn, :op, :by, :byn, :at)""");
        Rows decisionRows = new Rows(null, """
                INSERT INTO rectification_plan_decision (plan_id, review_round, decision, reason, decided_on, decided_by,
                    decided_by_name, decided_at)
                VALUES (:p, :r, :d, :reason, :on, :by, :byn, :at)""");
        Rows itemRows = new Rows("rectification_item", """
                INSERT INTO rectification_item (plan_id, feedback_item_id, inspection_id, organization_id, body_id, position,
                    goal, measures, leader_name, department, handler_name, due_on, mechanism, status, is_open,
                    next_check_on, signed_off_on, signed_off_by, signed_off_by_name, sign_off_opinion, row_version,
                    created_at, updated_at, move_reason, milestones, long_term_owner, sign_off_participants)
                VALUES (:p, :fi, :i, :o, :b, :pos, :goal, :m, :ln, :dep, :hn, :due, :mech, :st, :open, :nc, :so, :sob, :sobn,
                    :soo, :rv, :cat, :uat, :mr, :ms, :lto, :sop)""");
        Rows moveRows = new Rows(null, """
                INSERT INTO rectification_item_move (item_id, move_code, from_status, to_status, reason, milestones,
                    next_check_on, long_term_owner, participants, decided_on, row_version, moved_by, moved_by_name,
                    moved_at)
                VALUES (:item, :code, :from, :to, :reason, :ms, :nc, :lto, :part, :on, :v, :u, :n, :at)""");
        Rows progressRows = new Rows("rectification_progress", """
                INSERT INTO rectification_progress (item_id, reported_on, progress_text, money_returned_fen,
                    loss_retrieved_fen, reported_by, reported_by_name, reported_at)
                VALUES (:item, :on, :text, :money, :loss, :u, :n, :at)""");
        Rows evidenceRows = new Rows(null, """
                INSERT INTO rectification_evidence (progress_id, item_id, kind, title, file_name, content_type, size_bytes,
                    sha256, content, uploaded_at)
                VALUES (:p, :item, :kind, :title, :file, :type, :size, :sha, :content, :at)""");

        for (Inspection insp : inspections) {
            Map<Long, Target> targetsOf = mains.getOrDefault(insp.id(), Map.of());
            if (targetsOf.isEmpty()) {
                continue;
            }
            Map<Long, Long> toMain = mainOf.getOrDefault(insp.id(), Map.of());
            long firstMain = targetsOf.keySet().iterator().next();
            Map<Long, List<Problem>> perTarget = new LinkedHashMap<>();
            for (Problem p : problems.getOrDefault(insp.id(), List.of())) {
                long main = toMain.getOrDefault(p.organization(), firstMain);
                perTarget.computeIfAbsent(targetsOf.containsKey(main) ? main : firstMain, k -> new ArrayList<>()).add(p);
            }
            for (var entry : perTarget.entrySet()) {
                feedback(insp, targetsOf.get(entry.getKey()), entry.getValue(), feedbackRows, problemRows, stepRows,
                        sessionRows, copyRows, planRows, signatureRows, opinionRows, decisionRows, itemRows, moveRows,
                        progressRows, evidenceRows);
            }
        }
        feedbackRows.flush();
        problemRows.flush();
        stepRows.flush();
        sessionRows.flush();
        copyRows.flush();
        planRows.flush();
        signatureRows.flush();
        opinionRows.flush();
        decisionRows.flush();
        itemRows.flush();
        moveRows.flush();
        progressRows.flush();
        evidenceRows.flush();
    }

    private OffsetDateTime at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private LocalDate planDueOn(long body, LocalDate delivered) {
        // a fresh database has no office calendar entries: the national schedule alone, the same for every body
        return planDue.computeIfAbsent(delivered, d -> workingDays.plusWorkingDays(BodyId.of(body), d,
                RectificationPlan.PLAN_WORKING_DAYS));
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private void feedback(Inspection insp, Target target, List<Problem> problems, Rows feedbackRows, Rows problemRows,
                          Rows stepRows, Rows sessionRows, Rows copyRows, Rows planRows, Rows signatureRows,
                          Rows opinionRows, Rows decisionRows, Rows itemRows, Rows moveRows, Rows progressRows,
                          Rows evidenceRows) {
        long key = insp.id() * 1_000_003L + target.organization();
        SplittableRandom r = new SplittableRandom(seed ^ key * 0x9E3779B97F4A7C15L);
        LocalDate delivered = insp.feedbackOn();
        Actor office = office(insp.body());
        Actor leader = role("LEADER", insp.body());
        Actor reporter = reporter(target.organization(), insp.body());

        // ---- the 反馈意见 and its trail
        Map<String, Integer> schemes = new HashMap<>();
        problems.forEach(p -> schemes.merge(p.scheme(), 1, Integer::sum));
        String scheme = schemes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(HeadingScheme.defaultFor(target.sector()).name());
        boolean returned = r.nextInt(6) == 0;
        List<String[]> steps = new ArrayList<>();
        steps.add(new String[] {"COMPARE", "DRAFTING", "OFFICE_REVIEW", "已与审定的巡察报告逐条对照，反馈问题与报告一致。", "o"});
        steps.add(new String[] {"OFFICE_REVIEW", "OFFICE_REVIEW", "LEADER_REVIEW", "巡察办审核，问题表述准确，同意报领导小组审核。", "o"});
        if (returned) {
            steps.add(new String[] {"RETURN", "LEADER_REVIEW", "RETURNED", "第二部分个别问题表述过于笼统，请进一步提炼后重新报审。", "l"});
            steps.add(new String[] {"COMPARE", "RETURNED", "OFFICE_REVIEW", "已按领导小组意见修改，重新与巡察报告对照。", "o"});
            steps.add(new String[] {"OFFICE_REVIEW", "OFFICE_REVIEW", "LEADER_REVIEW", "修改稿审核通过，报领导小组审核。", "o"});
        }
        steps.add(new String[] {"LEADER_REVIEW", "LEADER_REVIEW", "CHECK", "经领导小组审核，同意反馈。", "l"});
        steps.add(new String[] {"CHECK", "CHECK", "READY", "已查看事实、措辞，未发现可能暴露信访举报人、谈话对象身份的内容。", "o"});
        OffsetDateTime created = insp.approvedAt().plusMinutes(30);
        OffsetDateTime deliveredAt = at(delivered, delivered.equals(today) ? 8 : 15, 0);
        if (!deliveredAt.isAfter(created)) {
            deliveredAt = created.plusMinutes(60);
        }
        long span = Math.max(Duration.between(created, deliveredAt).toMinutes(), steps.size() + 2L);
        LocalDate planDue = planDueOn(insp.body(), delivered);
        String bodyName = insp.bodyName();
        MapSqlParameterSource feedbackRow = new MapSqlParameterSource().addValue("i", insp.id())
                .addValue("o", target.organization()).addValue("b", insp.body()).addValue("s", scheme)
                .addValue("t", title(insp.team(), target.name())).addValue("op", opening(bodyName, insp, target.name()))
                .addValue("cl", closing(target.name())).addValue("on", delivered).addValue("pd", planDue)
                .addValue("rd", delivered.plusMonths(RectificationPlan.REPORT_MONTHS))
                .addValue("rv", 2 + steps.size()).addValue("by", office.id()).addValue("byn", office.name())
                .addValue("cat", created).addValue("uat", deliveredAt);
        Ref feedback = feedbackRows.add(() -> feedbackRow);
        counts[0]++;
        List<Ref> problemRefs = new ArrayList<>();
        for (int k = 0; k < problems.size(); k++) {
            Problem p = problems.get(k);
            int position = k + 1;
            problemRefs.add(problemRows.add(() -> new MapSqlParameterSource().addValue("f", feedback.id)
                    .addValue("p", position).addValue("fi", p.findingId()).addValue("h", p.heading())
                    .addValue("w", wording(p))));
        }
        counts[1] += problems.size();
        int fed = problems.size();
        for (int s = 0; s < steps.size(); s++) {
            String[] st = steps.get(s);
            Actor a = st[4].equals("l") ? leader : office;
            OffsetDateTime when = created.plusMinutes(span * (s + 1) / (steps.size() + 2));
            stepRows.add(() -> new MapSqlParameterSource().addValue("f", feedback.id).addValue("s", st[0])
                    .addValue("from", st[1]).addValue("to", st[2]).addValue("o", st[3])
                    .addValue("fb", st[0].equals("COMPARE") ? fed : null, Types.INTEGER)
                    .addValue("rf", st[0].equals("COMPARE") ? fed : null, Types.INTEGER)
                    .addValue("a", a.id()).addValue("an", a.name()).addValue("at", when));
        }
        OffsetDateTime dAt = deliveredAt;
        stepRows.add(() -> new MapSqlParameterSource().addValue("f", feedback.id).addValue("s", "DELIVER")
                .addValue("from", "READY").addValue("to", "DELIVERED").addValue("o", "于" + delivered + "反馈")
                .addValue("fb", null, Types.INTEGER).addValue("rf", null, Types.INTEGER)
                .addValue("a", office.id()).addValue("an", office.name()).addValue("at", dAt));
        String place = target.name().replaceFirst("^中共", "") + "会议室";
        String[][] sessions = {{"LEADERSHIP", "巡察工作领导小组成员、纪委监委监督检查室负责同志、组织部干部监督科负责同志、巡察组全体成员、"
                + "被巡察单位领导班子成员"}, {"PRINCIPAL", "巡察工作领导小组副组长、巡察组组长、被巡察单位主要负责人"}};
        for (String[] s : sessions) {
            sessionRows.add(() -> new MapSqlParameterSource().addValue("f", feedback.id).addValue("k", s[0])
                    .addValue("on", delivered).addValue("p", place).addValue("a", s[1]).addValue("u", office.id())
                    .addValue("n", office.name()).addValue("at", dAt));
        }
        String[][] copies = {{"LEADER_IN_CHARGE", "分管领导"}, {"RESPONSIBLE_DEPARTMENT", "主管部门"},
                {"DISCIPLINE", "纪委监委"}, {"ORG_DEPT", "组织部"}};
        for (String[] c : copies) {
            copyRows.add(() -> new MapSqlParameterSource().addValue("f", feedback.id).addValue("r", c[0])
                    .addValue("a", bodyName.replace("巡察工作领导小组", "").replace("巡察机构", "") + c[1])
                    .addValue("on", delivered).addValue("u", office.id()).addValue("n", office.name())
                    .addValue("at", dAt));
        }

        // ---- the 整改方案
        RectificationPlan.PlanPath plan = RectificationPlan.plan(seed, key, delivered, today);
        if (plan.status() == null) {
            return;
        }
        counts[2]++;
        int itemCount = 0;
        List<Integer> perProblem = new ArrayList<>();
        for (int k = 0; k < problems.size(); k++) {
            int n = RectificationPlan.itemsOf(seed, key * 64 + k);
            perProblem.add(n);
            itemCount += n;
        }
        int rounds = plan.rounds();
        boolean approved = plan.status() == PlanStatus.APPROVED;
        boolean wasReturned = plan.returnedOn() != null;
        // row_version: the insert, one touch per item added, sign + submit per round, one edit after a return, each
        // decision, the 专题民主生活会
        int decisions = (wasReturned ? 1 : 0) + (approved ? 1 : 0);
        boolean signedNow = plan.status() == PlanStatus.SUBMITTED || approved;
        int planVersion = 1 + itemCount + 2 * rounds + (wasReturned ? 1 : 0) + decisions
                + (plan.lifeMeetingOn() != null ? 1 : 0);
        String post = target.name().endsWith("党组") ? "党组书记" : target.name().endsWith("党委") ? "党委书记" : "党支部书记";
        OffsetDateTime createdPlan = at(plan.createdOn(), 9, 30);
        OffsetDateTime lastSigned = plan.lastSubmittedOn() == null ? null : at(plan.lastSubmittedOn(), 9, 0);
        OffsetDateTime lastSubmitted = plan.lastSubmittedOn() == null ? null : at(plan.lastSubmittedOn(), 10, 0);
        LocalDate lastDay = approved ? plan.approvedOn() : plan.status() == PlanStatus.RETURNED ? plan.returnedOn()
                : plan.lastSubmittedOn() != null ? plan.lastSubmittedOn() : plan.createdOn();
        if (plan.lifeMeetingOn() != null && plan.lifeMeetingOn().isAfter(lastDay)) {
            lastDay = plan.lifeMeetingOn();
        }
        String reason = "部分整改措施针对性不强，第" + (1 + r.nextInt(Math.max(1, problems.size()))) + "个问题的完成时限设置偏长，"
                + "请细化措施、压缩时限后重新报送。";
        MapSqlParameterSource planRow = new MapSqlParameterSource().addValue("i", insp.id())
                .addValue("o", target.organization()).addValue("b", insp.body()).addValue("st", plan.status().name())
                .addValue("due", planDue).addValue("sb", signedNow ? reporter.id() : null, Types.BIGINT)
                .addValue("sbn", signedNow ? reporter.name() : null).addValue("sat", signedNow ? lastSigned : null)
                .addValue("sub", lastSubmitted).addValue("ap", approved ? plan.approvedOn() : null, Types.DATE)
                .addValue("life", plan.lifeMeetingOn(), Types.DATE).addValue("rv", planVersion)
                .addValue("by", reporter.id()).addValue("byn", reporter.name()).addValue("cat", createdPlan)
                .addValue("uat", at(lastDay, 16, 0)).addValue("post", signedNow ? post : null)
                .addValue("first", plan.firstSubmittedOn(), Types.DATE).addValue("round", rounds)
                .addValue("reason", plan.status() == PlanStatus.RETURNED ? reason : null);
        // the feedback's id is known once its batch is written
        Ref planRef = planRows.add(() -> planRow.addValue("f", feedback.id));
        int[] version = {1 + itemCount};
        for (int round = 1; round <= rounds; round++) {
            LocalDate submittedOn = round == 1 ? plan.firstSubmittedOn() : plan.resubmittedOn();
            int v = version[0] + (round == 2 ? 1 : 0) + 1;
            version[0] = v + 1 + (round == 1 && wasReturned ? 1 : 0);
            int roundNo = round;
            int items = itemCount;
            signatureRows.add(() -> new MapSqlParameterSource().addValue("p", planRef.id).addValue("r", roundNo)
                    .addValue("by", reporter.id()).addValue("byn", reporter.name()).addValue("post", post)
                    .addValue("n", items).addValue("v", v).addValue("at", at(submittedOn, 9, 0)));
            boolean decidedReturn = round == 1 && wasReturned;
            boolean decidedApprove = approved && round == rounds;
            LocalDate decidedOn = decidedReturn ? plan.returnedOn() : decidedApprove ? plan.approvedOn() : null;
            String[] who = {"TEAM", "DISCIPLINE", "ORG_DEPT", "OFFICE"};
            // a plan still under review has the first two opinions of its round
            int given = decidedOn != null ? 4 : (submittedOn.isBefore(today) ? 2 : 0);
            for (int w = 0; w < given; w++) {
                String participant = who[w];
                Actor by = switch (participant) {
                    case "TEAM" -> teamLeaders.getOrDefault(insp.id(), office);
                    case "DISCIPLINE" -> role("DISCIPLINE", insp.body());
                    case "ORG_DEPT" -> role("ORG_DEPT", insp.body());
                    default -> office;
                };
                LocalDate on = decidedOn != null ? decidedOn.minusDays(w < 3 ? 1 : 0) : submittedOn.plusDays(1);
                if (!on.isBefore(today)) {
                    on = today.minusDays(1);
                }
                OffsetDateTime givenAt = at(on, 9 + w, 0);
                boolean ok = !decidedReturn;
                opinionRows.add(() -> new MapSqlParameterSource().addValue("p", planRef.id).addValue("r", roundNo)
                        .addValue("who", participant).addValue("an", "反馈问题已逐一回应")
                        .addValue("tok", ok).addValue("tn", ok ? "整改措施具体可行" : "个别措施针对性不强")
                        .addValue("rn", "责任领导、责任部门和经办人明确")
                        .addValue("dok", ok).addValue("dn", ok ? "完成时限合理" : "个别时限偏长")
                        .addValue("op", ok ? "同意该整改方案" : "建议退回修改").addValue("by", by.id())
                        .addValue("byn", by.name()).addValue("at", givenAt));
            }
            if (decidedOn != null) {
                String d = decidedReturn ? "RETURN" : "APPROVE";
                LocalDate on = decidedOn;
                decisionRows.add(() -> new MapSqlParameterSource().addValue("p", planRef.id).addValue("r", roundNo)
                        .addValue("d", d).addValue("reason", decidedReturn ? reason : null)
                        .addValue("on", on).addValue("by", office.id()).addValue("byn", office.name())
                        .addValue("at", at(on, 15, 0)));
            }
        }

        // ---- the items
        int position = 0;
        for (int k = 0; k < problems.size(); k++) {
            Problem p = problems.get(k);
            Ref problemRef = problemRefs.get(k);
            for (int m = 0; m < perProblem.get(k); m++) {
                position++;
                long itemKey = key * 4096 + position;
                RectificationPlan.Scenario scenario = RectificationPlan.scenarioOf(seed, itemKey);
                LocalDate due = null;
                if (showcase && approved) {
                    ShowcaseChoice c = showcase(insp, target, plan);
                    if (c != null) {
                        scenario = c.scenario();
                        due = c.due();
                    }
                }
                boolean longTerm = scenario == RectificationPlan.Scenario.LONG_TERM
                        || scenario == RectificationPlan.Scenario.LONG_TERM_SIGNED_OFF;
                if (due == null) {
                    due = RectificationPlan.dueOf(seed, itemKey, delivered, longTerm);
                }
                RectificationPlan.ItemPath path = approved
                        ? RectificationPlan.item(seed, itemKey, plan.approvedOn(), due, scenario, today)
                        : new RectificationPlan.ItemPath(due, longTerm, scenario, List.of());
                item(insp, target, p, problemRef, planRef, position, m, path, reporter, office, itemRows, moveRows,
                        progressRows, evidenceRows, createdPlan);
            }
        }
    }

    private record ShowcaseChoice(RectificationPlan.Scenario scenario, LocalDate due) {
    }

    /**
     * The demo city's showcase: the first items of plans approved at least 200 days ago in the city body and in its
     * first county (and every item of the {@code target} account's organization) take, in turn, each scenario and
     * deadline band the ledger shows — not started, in progress overdue / due within 10 / within 20 days, awaiting
     * sign-off, returned then in progress, long-term, reopened, unfixable approved and requested — so every state is
     * there whatever the seed; the other items follow the seeds' proportions.
     */
    private ShowcaseChoice showcase(Inspection insp, Target target, RectificationPlan.PlanPath plan) {
        boolean ownTarget = targets.containsKey(target.organization());
        if (!ownTarget && (forced >= 2 * SHOWCASE.length || plan.approvedOn().plusDays(200).isAfter(today))) {
            return null;
        }
        if (ownTarget && plan.approvedOn().plusDays(200).isAfter(today)) {
            return null;
        }
        int k = forced++ % SHOWCASE.length;
        Object[] s = SHOWCASE[k];
        RectificationPlan.Scenario scenario = (RectificationPlan.Scenario) s[0];
        int offset = (Integer) s[1];
        LocalDate due = offset == Integer.MIN_VALUE ? null : today.plusDays(offset);
        return new ShowcaseChoice(scenario, due);
    }

    /** Scenario and deadline (days from today; MIN_VALUE: the seed's) of the showcase's items, in turn. */
    private static final Object[][] SHOWCASE = {
            {RectificationPlan.Scenario.NOT_STARTED, 15},
            {RectificationPlan.Scenario.STRAGGLER, -12},
            {RectificationPlan.Scenario.STRAGGLER, 6},
            {RectificationPlan.Scenario.STRAGGLER, 17},
            {RectificationPlan.Scenario.SIGN_OFF_REQUESTED, 9},
            {RectificationPlan.Scenario.NORMAL, Integer.MIN_VALUE},
            {RectificationPlan.Scenario.RETURNED, 40},
            {RectificationPlan.Scenario.LONG_TERM, Integer.MIN_VALUE},
            {RectificationPlan.Scenario.REOPENED_OPEN, 25},
            {RectificationPlan.Scenario.RETURNED_ONCE, Integer.MIN_VALUE},
            {RectificationPlan.Scenario.CANNOT_APPROVED, Integer.MIN_VALUE},
            {RectificationPlan.Scenario.CANNOT_REQUESTED, 30},
            {RectificationPlan.Scenario.STRAGGLER, -40},
            {RectificationPlan.Scenario.NORMAL, Integer.MIN_VALUE}};

    @SuppressWarnings("checkstyle:ParameterNumber")
    private void item(Inspection insp, Target target, Problem p, Ref problemRef, Ref planRef, int position, int m,
                      RectificationPlan.ItemPath path, Actor reporter, Actor office, Rows itemRows, Rows moveRows,
                      Rows progressRows, Rows evidenceRows, OffsetDateTime createdPlan) {
        SplittableRandom r = new SplittableRandom(seed ^ (insp.id() * 7919L + position) * 0xC2B2AE3D27D4EB4FL);
        String short_ = target.name().replaceFirst("^中共", "").replaceFirst("(党组|党委|党支部|总支部委员会|支部委员会|委员会)$", "");
        String title = p.title() == null ? "" : p.title();
        // the state the history leaves, column by column as LedgerItems writes it
        ItemStatus status = ItemStatus.NOT_STARTED;
        String moveReason = null;
        String milestones = null;
        LocalDate nextCheck = null;
        String owner = null;
        LocalDate signedOn = null;
        String opinion = null;
        String participants = null;
        OffsetDateTime updated = createdPlan;
        List<Supplier<MapSqlParameterSource>> moves = new ArrayList<>();
        int version = 1;
        Ref itemRef = new Ref();
        int progressSeq = 0;
        for (RectificationPlan.Event e : path.events()) {
            version++;
            int v = version;
            boolean byTarget = e.progress() || e.code().startsWith("REQUEST");
            Actor actor = byTarget ? reporter : office;
            OffsetDateTime when = at(e.on(), byTarget ? 10 : 15, (position * 7) % 60);
            updated = when;
            String reason = switch (e.code()) {
                case "RETURN" -> "佐证材料不够充分，缺少整改前后对比资料和制度印发文件，请补充后重新申请。";
                case "REOPEN" -> "回访检查发现该问题有反弹迹象，相关制度执行不到位，限期二次整改。";
                case "REQUEST_CANNOT" -> "该问题涉及历史遗留的土地权属争议，需上级部门统一政策后方能解决，申请认定为不能整改。";
                case "APPROVE_CANNOT" -> "经核实，该问题受客观条件限制暂不具备整改条件，同意认定为不能整改，纳入长效管理。";
                case "REFUSE_CANNOT" -> "该问题具备整改条件，不同意认定为不能整改，请继续整改。";
                case "SIGN_OFF" -> CHECKS[r.nextInt(CHECKS.length)];
                case "REQUEST_SIGN_OFF" -> null;
                default -> null;
            };
            String ms = null;
            String lto = null;
            if (e.code().equals("LONG_TERM") || e.code().equals("CHECK")) {
                ms = "第一阶段：完成制度修订；第二阶段：完成历史问题清理；第三阶段：建立长效监督机制并常态化运行。";
                lto = short_ + DEPARTMENTS[position % DEPARTMENTS.length];
            }
            String part = e.code().equals("SIGN_OFF") && r.nextInt(5) == 0
                    ? "巡察办、纪委监委派驻纪检监察组、组织部干部监督科联合销号组" : null;
            if (e.progress()) {
                long money = e.moneyFen();
                long loss = e.lossFen();
                int seq = ++progressSeq;
                String text = progressText(r, title, short_, e.on(), DEPARTMENTS[(position + seq) % DEPARTMENTS.length]);
                boolean shareFile = false;
                if (showcase && e.evidence() && insp.bodyRegion().equals(DemoReports.CITY_REGION)) {
                    if (plantCopiedText(target.organization())) {
                        text = copiedTextOrgs.size() == 1 ? COPIED_TEXT : COPIED_TEXT_EDITED;
                    } else if (plantSharedFile(target.organization())) {
                        shareFile = true;
                    }
                }
                String t = text;
                Ref progressRef = progressRows.add(() -> new MapSqlParameterSource().addValue("item", itemRef.id)
                        .addValue("on", e.on()).addValue("text", t).addValue("money", money).addValue("loss", loss)
                        .addValue("u", actor.id()).addValue("n", actor.name()).addValue("at", when));
                counts[5]++;
                if (e.evidence()) {
                    boolean shared = shareFile;
                    evidence(evidenceRows, progressRef, itemRef, "ARCHIVE", "整改档案（" + title + "）",
                            shared ? "整改现场照片.png" : "整改佐证-" + position + "-" + seq + ".png", when,
                            () -> shared ? picture(DUPLICATE_FILE_MARKER)
                                    : picture("item " + itemRef.id + " report " + seq + " " + insp.id()));
                    if (e.rule()) {
                        String rule = "《" + short_ + "关于规范" + ruleTopic(title) + "的管理办法》";
                        evidence(evidenceRows, progressRef, itemRef, "RULES", rule, "制度文件扫描件-" + position + ".png",
                                when, () -> picture("rule item " + itemRef.id + " " + insp.id()));
                    }
                }
                if (e.from() == e.to()) {
                    continue;
                }
            }
            // the item's state after the move (LedgerItems.move / report)
            switch (e.code()) {
                case "PROGRESS" -> {
                }
                case "SIGN_OFF" -> {
                    moveReason = null;
                    nextCheck = null;
                    signedOn = e.on();
                    opinion = reason;
                    participants = part;
                }
                case "REOPEN" -> {
                    moveReason = reason;
                    nextCheck = null;
                    signedOn = null;
                    opinion = null;
                    participants = null;
                }
                case "LONG_TERM", "CHECK" -> {
                    moveReason = null;
                    milestones = ms;
                    nextCheck = e.nextCheckOn();
                    owner = lto;
                    signedOn = null;
                    opinion = null;
                    participants = null;
                }
                case "RETURN", "REFUSE_CANNOT", "REQUEST_CANNOT", "APPROVE_CANNOT" -> {
                    moveReason = reason;
                    nextCheck = null;
                    signedOn = null;
                    opinion = null;
                    participants = null;
                }
                default -> {
                    moveReason = null;
                    nextCheck = null;
                    signedOn = null;
                    opinion = null;
                    participants = null;
                }
            }
            status = e.to();
            String code = e.code();
            String mr = e.progress() ? null : reason;
            LocalDate nc = e.nextCheckOn();
            String msF = ms;
            String ltoF = lto;
            String partF = part;
            moves.add(() -> new MapSqlParameterSource().addValue("item", itemRef.id).addValue("code", code)
                    .addValue("from", e.from().name()).addValue("to", e.to().name()).addValue("reason", mr)
                    .addValue("ms", msF).addValue("nc", nc, Types.DATE).addValue("lto", ltoF).addValue("part", partF)
                    .addValue("on", e.on()).addValue("v", v).addValue("u", actor.id()).addValue("n", actor.name())
                    .addValue("at", when));
        }
        counts[3]++;
        counts[4] += moves.size();
        String leaderName = LEADERS[(position + m) % LEADERS.length];
        String department = DEPARTMENTS[(int) ((insp.id() + position) % DEPARTMENTS.length)];
        MapSqlParameterSource itemRow = new MapSqlParameterSource().addValue("i", insp.id())
                .addValue("o", target.organization()).addValue("b", insp.body()).addValue("pos", position)
                .addValue("goal", "彻底解决“" + title + "”问题，做到问题见底、整改到位、不再反弹。")
                .addValue("m", MEASURES[m % MEASURES.length]).addValue("ln", leaderName).addValue("dep", department)
                .addValue("hn", department + "负责人").addValue("due", path.dueOn())
                .addValue("mech", path.longTermMeasure() ? "建立健全长效机制，纳入年度党建考核" : null)
                .addValue("st", status.name()).addValue("open", status.open()).addValue("nc", nextCheck, Types.DATE)
                .addValue("so", signedOn, Types.DATE).addValue("sob", signedOn == null ? null : office.id(), Types.BIGINT)
                .addValue("sobn", signedOn == null ? null : office.name()).addValue("soo", opinion)
                .addValue("rv", version).addValue("cat", createdPlan).addValue("uat", updated)
                .addValue("mr", moveReason).addValue("ms", milestones).addValue("lto", owner)
                .addValue("sop", participants);
        itemRows.add(itemRef, () -> itemRow.addValue("p", planRef.id).addValue("fi", problemRef.id));
        moves.forEach(moveRows::add);
    }

    /**
     * The planted duplicates for the red-card detector (issue 14 §6), the demo city's body only, on the first progress
     * reports with evidence in the order written: the first two organizations' reports carry {@link #COPIED_TEXT} and
     * {@link #COPIED_TEXT_EDITED} (one word changed: a near-duplicate progress text across organizations); the next two
     * organizations' evidence is the same picture ({@link #DUPLICATE_FILE_MARKER}: one content hash for items of
     * different organizations). DemoDataTests checks both. No other file shares a hash; other progress texts come from
     * a few templates but each names its organization, problem and date, so none is another's copy.
     */
    private boolean plantCopiedText(long organization) {
        if (copiedTextOrgs.size() >= 2 || copiedTextOrgs.contains(organization)) {
            return false;
        }
        copiedTextOrgs.add(organization);
        return true;
    }

    private boolean plantSharedFile(long organization) {
        if (sharedFileOrgs.size() >= 2 || sharedFileOrgs.contains(organization)
                || copiedTextOrgs.contains(organization)) {
            return false;
        }
        sharedFileOrgs.add(organization);
        return true;
    }

    private void evidence(Rows evidenceRows, Ref progress, Ref item, String kind, String title, String file,
                          OffsetDateTime at, Supplier<byte[]> content) {
        counts[6]++;
        evidenceRows.add(() -> {
            byte[] bytes = content.get();
            String type = FileType.PNG.mime();
            String name = file;
            if (showcase) {
                CheckedUpload checked = UploadCheck.check(EVIDENCE_POLICY, file, bytes);
                bytes = checked.content();
                type = checked.contentType();
                name = checked.fileName();
            }
            return new MapSqlParameterSource().addValue("p", progress.id).addValue("item", item.id)
                    .addValue("kind", kind).addValue("title", title.length() > 200 ? title.substring(0, 200) : title)
                    .addValue("file", name).addValue("type", type).addValue("size", (long) bytes.length)
                    .addValue("sha", sha256(bytes)).addValue("content", bytes).addValue("at", at);
        });
    }

    /**
     * A small picture (8 × 8 PNG, a scanned page's thumbnail) whose pixels follow from {@code marker}, so two files
     * share a content hash only when they share the marker. Written with ImageIO (the platform's upload check owns
     * reading file types; this only writes one).
     */
    static byte[] picture(String marker) {
        byte[] h;
        try {
            h = MessageDigest.getInstance("SHA-256").digest(marker.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long s = 0;
        for (int k = 0; k < 8; k++) {
            s = s << 8 | (h[k] & 0xff);
        }
        SplittableRandom r = new SplittableRandom(s);
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                image.setRGB(x, y, r.nextInt(1 << 24));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(400);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ruleTopic(String title) {
        String t = title.replaceAll("[“”\"]", "");
        return t.length() > 12 ? t.substring(0, 12) : t;
    }

    /**
     * A progress text from a few templates, with the organization, problem, date, department and counts filled in and
     * two further sentences drawn from their lists, so that generated reports of different organizations on the same
     * problem mostly stay below the red cards' 3-gram similarity threshold (0.6); only the planted copy is meant to
     * pass it.
     */
    private static String progressText(SplittableRandom r, String title, String org, LocalDate on, String department) {
        return (PROGRESS[r.nextInt(PROGRESS.length)] + FURTHER[0][r.nextInt(FURTHER[0].length)]
                + FURTHER[1][r.nextInt(FURTHER[1].length)]).replace("{t}", "“" + title + "”").replace("{o}", org)
                .replace("{n}", String.valueOf(2 + r.nextInt(9))).replace("{m}", String.valueOf(1 + r.nextInt(6)))
                .replace("{k}", String.valueOf(2 + r.nextInt(12))).replace("{dep}", department)
                .replace("{d}", on.format(CN));
    }

    /** FeedbackLetters.wording: the finding's title and the report's description. */
    private static String wording(Problem p) {
        String d = p.description() == null ? "" : p.description().strip();
        String t = p.title() == null ? "" : p.title().strip();
        String w = d.isEmpty() ? t : d.startsWith(t) ? d : t + "。" + d;
        return w.length() > 8000 ? w.substring(0, 8000) : w;
    }

    // FeedbackText's defaults (package-private there), as FeedbackLetters.draft prefills them
    private static String title(String team, String organization) {
        String t = team + "关于巡察" + organization + "党组织的反馈意见";
        return t.length() > 200 ? t.substring(0, 200) : t;
    }

    private static String opening(String bodyName, Inspection i, String organization) {
        String span = i.stationedOn() == null ? "" : "于" + i.stationedOn().format(CN)
                + (i.withdrawnOn() == null ? "起" : "至" + i.withdrawnOn().format(CN));
        return "根据" + bodyName.replace("巡察机构", "") + "巡察工作统一部署，" + i.team() + span + "对" + organization
                + "党组织进行了巡察。巡察组坚持以习近平新时代中国特色社会主义思想为指导，聚焦职能责任，"
                + "通过个别谈话、受理信访、调阅资料、走访调研等方式，了解掌握有关情况。巡察报告已经审定，"
                + "现将巡察发现的主要问题反馈如下：";
    }

    private static String closing(String organization) {
        return organization + "党组织要切实履行整改主体责任，主要负责人履行第一责任人职责，对反馈的问题逐条研究，"
                + "建立问题清单、任务清单、责任清单，明确整改目标、整改措施、责任领导、责任部门和完成时限。"
                + "请于反馈之日起" + RectificationPlan.PLAN_WORKING_DAYS + "个工作日内报送整改方案，"
                + RectificationPlan.REPORT_MONTHS + "个月内报送整改情况报告和主要负责人组织落实情况报告。";
    }

    // ---------------------------------------------------------------------------------------------- batches

    /**
     * Rows of one table waiting for their batch, as DemoFindings writes them: a parent table's new ids are read back
     * in insertion order after its batch (nobody else writes to a database the generator fills), a child row is
     * built when flushed so it can name its parents' ids.
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
            return add(new Ref(), row);
        }

        Ref add(Ref ref, Supplier<MapSqlParameterSource> row) {
            refs.add(ref);
            rows.add(row);
            return ref;
        }

        void flush() {
            if (rows.isEmpty()) {
                return;
            }
            long before = table == null ? 0
                    : jdbc.sql("SELECT COALESCE(max(id), 0) FROM " + table).query(Long.class).single();
            List<SqlParameterSource> params = new ArrayList<>(rows.size());
            for (Supplier<MapSqlParameterSource> row : rows) {
                params.add(row.get());
            }
            for (int from = 0; from < params.size(); from += BATCH) {
                batch.batchUpdate(sql, params.subList(from, Math.min(params.size(), from + BATCH))
                        .toArray(SqlParameterSource[]::new));
            }
            if (table != null) {
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
}
