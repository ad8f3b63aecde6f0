package org.xuncha.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.platform.crypto.KeyedHash;

/**
 * Petitions (issue 5) of the demo world: every stationed inspection carries sixteen, one per channel (码上巡, 来信,
 * 来电, 来访) at each status (received, triaged, in handling, closed), the handling ones spread over the three
 * dispositions (one transferred to the discipline office still without its outcome, one past its deadline), the
 * closed ones over the four closure classes. Every third is named, its name and phone sealed like the application
 * seals them; receipts come from SecureRandom (not from the run's public seed, which anyone could replay) and only
 * their HMAC is stored, so nobody knows a demo receipt — a reporter's status page is shown by submitting a report. Written in plain SQL after the planning rows, from the run's seed.
 */
final class DemoPetitions {

    static final String NAME_FIELD = "petition.reporter_name";
    static final String PHONE_FIELD = "petition.reporter_phone";
    private static final String[] CHANNELS = {"WEB", "LETTER", "CALL", "VISIT"};
    private static final String[] STATUSES = {"RECEIVED", "TRIAGED", "HANDLING", "CLOSED"};
    private static final String[] CLOSURES = {"REASONABLE_RESOLVED", "UNREASONABLE_EDUCATED", "HARDSHIP_HELPED",
            "ILLEGAL_HANDLED"};
    private static final String[][] REPORTS = {
            {"INTEGRITY", "单位负责人在工程项目招标中打招呼，中标企业是其亲属参股的公司。"},
            {"MASSES", "村里发放危房改造补助时，村干部向群众索要好处费，每户五百元。"},
            {"ORGANIZATIONAL", "去年提拔的两名中层干部民主推荐得票很低，群众有议论。"},
            {"WORK", "到窗口办理不动产登记，工作人员多次推诿，让群众来回跑。"},
            {"FORMALISM", "各类填表报数名目繁多，基层干部疲于应付，实际工作没人抓。"},
            {"LIFE", "某领导干部长期在私人会所吃喝，周末常用公车接送。"},
            {"LIVELIHOOD", "镇中心小学门口道路坑洼多年未修，雨天学生无法通行，建议尽快修缮。"},
            {"POLITICAL", "上级部署的耕地保护整改要求没有落实，违建大棚至今未拆除。"},
            {"LITIGATION", "我与邻居的宅基地纠纷法院已判决，但一直没有执行到位。"},
            {"OTHER", "反映集体资产出租合同长期未公开，租金去向不明。"}};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴"};
    private static final String[] GIVEN = {"建国", "秀英", "志强", "桂兰", "海燕", "德明", "春梅", "国庆", "玉兰", "永福"};

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final KeyedHash hashes;
    /** The business zone: a petition "received at 10:15" is 10:15 on the offices' clock. */
    private final ZoneId zone;

    DemoPetitions(JdbcClient jdbc, FieldCipher cipher, KeyedHash hashes, ZoneId zone) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.hashes = hashes;
        this.zone = zone;
    }

    record Stationed(long id, LocalDate stationedOn, Long target) {
    }

    /** Writes the petitions; returns how many. */
    int insert(long seed, LocalDate today) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5045544954494f4eL);
        List<Stationed> inspections = jdbc.sql("""
                SELECT i.id, i.stationed_on,
                       (SELECT min(t.organization_id) FROM inspection_target t WHERE t.inspection_id = i.id) AS target
                FROM inspection i WHERE i.stage = 'STATIONED' AND i.stationed_on IS NOT NULL ORDER BY i.id
                """).query((rs, n) -> new Stationed(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3) == null ? null : rs.getLong(3))).list();
        int written = 0;
        int ordinal = 0;
        for (Stationed s : inspections) {
            ordinal++;
            long span = Math.max(1, ChronoUnit.DAYS.between(s.stationedOn(), today));
            for (int k = 0; k < 16; k++) {
                String channel = CHANNELS[k % 4];
                String status = STATUSES[k / 4];
                String[] report = REPORTS[random.nextInt(REPORTS.length)];
                boolean named = k % 3 == 0;
                LocalDate received = s.stationedOn().plusDays(random.nextLong(span));
                // dispositions rotate with the channel, the status and the inspection's place in the list: the two
                // handled petitions of a channel differ, so from three stationed inspections on every channel meets
                // every disposition, whatever the ids (the date of the world decides how many are stationed); and
                // each inspection has one petition passed to another department
                int rotation = (k % 4 + k / 4 + ordinal) % 4;
                boolean handled = status.equals("HANDLING") || status.equals("CLOSED");
                boolean outOfScope = "LITIGATION".equals(report[0]) || (handled && rotation == 3)
                        || (status.equals("TRIAGED") && k % 2 == 1);
                String disposition = null;
                String department = null;
                String outcome = null;
                String reply = null;
                String closure = null;
                LocalDate due = null;
                if (status.equals("HANDLING") || status.equals("CLOSED")) {
                    disposition = outOfScope ? "OTHER_DEPARTMENT" : switch (rotation) {
                        case 1, 2 -> "DISCIPLINE";
                        default -> "SELF";
                    };
                    if (disposition.equals("OTHER_DEPARTMENT")) {
                        department = "LITIGATION".equals(report[0]) ? "县人民法院" : "县信访局";
                    }
                    // one self-handled petition per inspection is past its deadline
                    due = k == 8 ? today.minusDays(3) : received.plusDays(30);
                    if (disposition.equals("DISCIPLINE") && (status.equals("CLOSED") || rotation == 2)) {
                        outcome = "经初步核实，已对相关责任人进行谈话提醒并责令整改。";
                    }
                }
                if (!handled) {
                    // the triage deadline the application gives every petition on receipt (Petitions.TRIAGE_DAYS)
                    due = received.plusDays(7);
                }
                if (status.equals("CLOSED")) {
                    closure = CLOSURES[k % 4];
                    reply = switch (closure) {
                        case "REASONABLE_RESOLVED" -> "您反映的问题已核实，相关单位已整改到位，感谢您的监督。";
                        case "UNREASONABLE_EDUCATED" -> "经核实，所反映情况与事实不符，已向您说明有关政策。";
                        case "HARDSHIP_HELPED" -> "已协调有关部门帮助解决实际困难。";
                        default -> "所反映问题已移交有关机关依法依规处理。";
                    };
                } else if (status.equals("HANDLING") && k % 2 == 0) {
                    reply = "您反映的问题巡察组已受理，正在办理中。";
                }
                String receiptHash = hashes.receipt(receipt());
                OffsetDateTime at = received.atTime(9 + random.nextInt(9), random.nextInt(60)).atZone(zone)
                        .toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
                jdbc.sql("""
                        INSERT INTO petition (inspection_id, channel, organization_id, category, content, anonymous,
                                              reporter_name_sealed, reporter_phone_sealed, receipt_hash, status, in_scope,
                                              disposition, receiving_department, due_on, outcome, outcome_at, reply,
                                              closure, received_on, received_at, disposed_at, replied_at, closed_at)
                        VALUES (:i, :channel, :org, :category, :content, :anonymous, :name, :phone, :receipt, :status,
                                :inScope, :disposition, :department, :due, :outcome, :outcomeAt, :reply, :closure,
                                :on, :at, :disposedAt, :repliedAt, :closedAt)
                        """).param("i", s.id()).param("channel", channel)
                        .param("org", k % 5 == 4 ? null : s.target()).param("category", report[0])
                        .param("content", report[1]).param("anonymous", !named)
                        .param("name", named ? cipher.seal(NAME_FIELD, SURNAMES[random.nextInt(10)] + GIVEN[random.nextInt(10)]) : null)
                        .param("phone", named ? cipher.seal(PHONE_FIELD, "13" + (100_000_000 + random.nextInt(899_999_999))) : null)
                        .param("receipt", receiptHash).param("status", status)
                        .param("inScope", status.equals("RECEIVED") ? null : !outOfScope)
                        .param("disposition", disposition).param("department", department).param("due", due)
                        .param("outcome", outcome).param("outcomeAt", outcome == null ? null : at.plusDays(5))
                        .param("reply", reply).param("closure", closure).param("on", received).param("at", at)
                        .param("disposedAt", disposition == null ? null : at.plusDays(1))
                        .param("repliedAt", reply == null ? null : at.plusDays(6))
                        .param("closedAt", closure == null ? null : at.plusDays(7)).update();
                long id = jdbc.sql("SELECT id FROM petition WHERE receipt_hash = :r").param("r", receiptHash)
                        .query(Long.class).single();
                // the first (and only) version of the reply and the outcome, as the application records them
                if (reply != null) {
                    revision(id, "REPLY", reply, at.plusDays(6));
                }
                if (outcome != null) {
                    revision(id, "OUTCOME", outcome, at.plusDays(5));
                }
                String previous = null;
                for (int step = 0; step <= k / 4; step++) {
                    jdbc.sql("""
                            INSERT INTO petition_status_change (petition_id, from_status, to_status, actor, note, occurred_at)
                            VALUES (:p, :from, :to, :actor, NULL, :at)
                            """).param("p", id).param("from", previous).param("to", STATUSES[step])
                            .param("actor", step == 0 && channel.equals("WEB") ? null : "巡察组")
                            .param("at", at.plusDays(step)).update();
                    previous = STATUSES[step];
                }
                written++;
            }
        }
        return written;
    }

    private void revision(long petition, String kind, String text, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO petition_text_revision (petition_id, kind, revision_no, revision_text, actor_id, occurred_at)
                VALUES (:p, :kind, 1, :text, NULL, :at)
                """).param("p", petition).param("kind", kind).param("text", text).param("at", at).update();
    }

    private static final java.security.SecureRandom RECEIPTS = new java.security.SecureRandom();

    private static String receipt() {
        StringBuilder code = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            code.append((char) ('0' + RECEIPTS.nextInt(10)));
        }
        return code.toString();
    }
}
