package org.xuncha.demo;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.Role;
import org.xuncha.common.UserId;
import org.xuncha.findings.comparison.ComparisonFile;
import org.xuncha.findings.comparison.ComparisonOrder;
import org.xuncha.findings.comparison.Comparisons;
import org.xuncha.findings.comparison.KeyKind;
import org.xuncha.platform.excel.XlsxColumn;
import org.xuncha.platform.excel.XlsxWriter;

/**
 * The demo city's 数据比对 (issue 12 §5, §8): on the inspection of the {@code team-leader} demo account (stationed),
 * a 低保 payment list against a cremation list — Zhangzhou's dead on the 低保 roll. Both lists are built from the
 * seed as .xlsx in memory and go through {@link Comparisons#compare} exactly as an upload from the team would: the
 * upload check, the streaming read, GB 11643 checks, sealed chunks, the counts and its audit record. Only two
 * things the service takes from a signed-in request are set afterwards, since the generator has none: the name of
 * the team member who ran it ({@code created_by}) and the time, dated inside the stationing like the rest of the
 * team's record. One of the team's approved working papers cites it as evidence (DemoFindings).
 */
final class DemoComparison {

    /** Persons on the 低保 payment list, on the cremation list, and on both (paid after their death). */
    static final int BENEFIT_ROWS = 36;
    static final int CREMATION_ROWS = 14;
    static final int DECEASED_ON_ROLL = 5;

    static final String TITLE = "低保发放名单与殡葬火化名单比对";
    static final String LEFT = "低保发放名单";
    static final String RIGHT = "殡葬火化名单";
    static final String ID_COLUMN = "身份证号";

    private static final String[] VILLAGES = {"东岭村", "西河村", "南湾社区", "北坪村", "石桥村", "新塘村"};

    /** A person of one of the lists. */
    record Person(String name, String idNumber, String village, LocalDate date) {
    }

    /** The two lists of a seed: left the 低保 payments, right the cremations; the first persons of right are on left. */
    record Lists(List<Person> benefit, List<Person> cremation) {

        /** Identity numbers on both lists, computed from the lists themselves. */
        Set<String> onBoth() {
            Set<String> left = new HashSet<>();
            benefit.forEach(p -> left.add(p.idNumber()));
            Set<String> both = new HashSet<>();
            cremation.forEach(p -> {
                if (left.contains(p.idNumber())) {
                    both.add(p.idNumber());
                }
            });
            return both;
        }
    }

    /** What the run stored, for the working paper that cites it. */
    record Run(long inspectionId, long comparisonId, String evidence, OffsetDateTime at) {
    }

    private final JdbcClient jdbc;
    private final Comparisons comparisons;
    private final ZoneId zone;

    DemoComparison(JdbcClient jdbc, Comparisons comparisons, ZoneId zone) {
        this.jdbc = jdbc;
        this.comparisons = comparisons;
        this.zone = zone;
    }

    /** The lists of a seed, identity numbers registered under {@code address} (six digits), all distinct. */
    static Lists lists(long seed, String address, LocalDate today) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x434f4d5041524bL);
        Set<String> taken = new HashSet<>();
        List<Person> benefit = new ArrayList<>();
        while (benefit.size() < BENEFIT_ROWS) {
            boolean male = random.nextBoolean();
            String id = IdentityNumbers.of(address, LocalDate.of(1935 + random.nextInt(50), 1 + random.nextInt(12),
                    1 + random.nextInt(28)), random.nextInt(500) * 2 + (male ? 1 : 0));
            if (taken.add(id)) {
                benefit.add(new Person(NamePools.person(random, male), id, VILLAGES[random.nextInt(VILLAGES.length)],
                        null));
            }
        }
        List<Person> cremation = new ArrayList<>();
        // the first DECEASED_ON_ROLL cremations are persons still on the payment list, spread over it
        for (int k = 0; k < DECEASED_ON_ROLL; k++) {
            Person p = benefit.get(3 + k * (BENEFIT_ROWS / DECEASED_ON_ROLL));
            cremation.add(new Person(p.name(), p.idNumber(), p.village(), today.minusDays(90 + 40L * k)));
        }
        while (cremation.size() < CREMATION_ROWS) {
            boolean male = random.nextBoolean();
            String id = IdentityNumbers.of(address, LocalDate.of(1930 + random.nextInt(50), 1 + random.nextInt(12),
                    1 + random.nextInt(28)), random.nextInt(500) * 2 + (male ? 1 : 0));
            if (taken.add(id)) {
                cremation.add(new Person(NamePools.person(random, male), id, VILLAGES[random.nextInt(VILLAGES.length)],
                        today.minusDays(30 + random.nextInt(300))));
            }
        }
        return new Lists(benefit, cremation);
    }

    static byte[] benefitXlsx(Lists lists) {
        try (XlsxWriter xlsx = new XlsxWriter()) {
            XlsxWriter.Sheet sheet = xlsx.sheet("低保发放", List.of(XlsxColumn.text("序号", 6),
                    XlsxColumn.text("姓名", 10), XlsxColumn.text(ID_COLUMN, 22), XlsxColumn.text("所在村（社区）", 14),
                    XlsxColumn.text("保障人数", 8), XlsxColumn.text("月发放金额（元）", 14)));
            int n = 0;
            for (Person p : lists.benefit()) {
                n++;
                sheet.row(n, p.name(), p.idNumber(), p.village(), 1 + n % 3, 680 * (1 + n % 3));
            }
            return bytes(xlsx);
        }
    }

    static byte[] cremationXlsx(Lists lists) {
        try (XlsxWriter xlsx = new XlsxWriter()) {
            XlsxWriter.Sheet sheet = xlsx.sheet("火化记录", List.of(XlsxColumn.text("序号", 6),
                    XlsxColumn.text("姓名", 10), XlsxColumn.text(ID_COLUMN, 22), XlsxColumn.text("户籍地", 14),
                    XlsxColumn.text("火化日期", 12)));
            int n = 0;
            for (Person p : lists.cremation()) {
                sheet.row(++n, p.name(), p.idNumber(), p.village(), p.date().toString());
            }
            return bytes(xlsx);
        }
    }

    private static byte[] bytes(XlsxWriter xlsx) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        xlsx.writeTo(out);
        return out.toByteArray();
    }

    /**
     * Runs the comparison on the team-leader account's inspection if it is stationed or reporting (the service's
     * own rule); empty otherwise (a world without that account, or a day when its team is elsewhere).
     */
    Optional<Run> run(long seed, LocalDate today) {
        record Team(long userId, long inspectionId, long bodyId, String name, LocalDate stationedOn) {
        }
        Optional<Team> team = jdbc.sql("""
                SELECT u.id, i.id, i.body_id, p.name, i.stationed_on FROM user_account u
                JOIN team_member m ON m.user_id = u.id AND m.left_at IS NULL
                JOIN inspection i ON i.id = m.inspection_id JOIN inspector p ON p.id = m.inspector_id
                WHERE u.username = 'team-leader' AND i.stage IN ('STATIONED', 'REPORTING') ORDER BY i.id
                """).query((rs, n) -> new Team(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                rs.getObject(5, LocalDate.class))).list().stream().findFirst();
        if (team.isEmpty()) {
            return Optional.empty();
        }
        Team t = team.get();
        String address = jdbc.sql("SELECT region_code FROM inspection_body WHERE id = :b").param("b", t.bodyId())
                .query(String.class).single();
        Lists lists = lists(seed, address.substring(0, 6), today);
        // the team leader's scope as identity would build it for a TEAM_LEADER on this inspection
        BodyId body = BodyId.of(t.bodyId());
        DataScope scope = new DataScope(UserId.of(t.userId()), Set.of(Role.TEAM_LEADER), body, Set.of(body), Set.of(),
                null, Set.of(InspectionId.of(t.inspectionId())), null);
        long id = comparisons.compare(scope, t.inspectionId(), new ComparisonOrder(TITLE, LEFT, RIGHT,
                        KeyKind.ID_NUMBER, List.of(ID_COLUMN), List.of(ID_COLUMN), false),
                new ComparisonFile("低保发放名单.xlsx", benefitXlsx(lists)),
                new ComparisonFile("殡葬火化名单.xlsx", cremationXlsx(lists)));
        OffsetDateTime at = t.stationedOn().atTime(8, 30).atZone(zone).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
        jdbc.sql("UPDATE findings_comparison SET created_by = :by, created_at = :at WHERE id = :id")
                .param("by", t.name()).param("at", at).param("id", id).update();
        int[] c = jdbc.sql("SELECT matched, only_left, only_right FROM findings_comparison WHERE id = :id")
                .param("id", id).query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)}).single();
        // the description WorkingPapers writes for an evidence item citing a comparison without a typed text
        String evidence = String.format(Locale.ROOT, "数据比对：%s（%s × %s，匹配 %d 条，仅%s %d 条，仅%s %d 条）", TITLE,
                LEFT, RIGHT, c[0], LEFT, c[1], RIGHT, c[2]);
        return Optional.of(new Run(t.inspectionId(), id, evidence, at));
    }
}
