package org.xuncha.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.RegionLevel;
import org.xuncha.demo.DemoWorld.AccountRow;
import org.xuncha.demo.DemoWorld.InspectorRow;
import org.xuncha.demo.DemoWorld.OrganizationRow;
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.platform.crypto.KeyedHash;

/**
 * Writes a generated {@link DemoWorld} into an empty database, all of it in one transaction: a failure half-way
 * leaves nothing behind. Refuses a database that already holds an inspection body, so running twice never
 * duplicates anything.
 */
@Service
class DemoDataLoader {

    /** The one password of every demo account (README). */
    static final String DEMO_PASSWORD = "Xuncha@2026";
    /** The seed of the demo city loaded on first start. */
    static final long DEMO_SEED = 2026L;
    /** Sealing context and blind-index context of inspector identity numbers (people module's column). */
    static final String ID_NUMBER_CONTEXT = "inspector.id_number";

    private final DemoDataRepository repository;
    private final FieldCipher cipher;
    private final KeyedHash hashes;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Clock clock;

    private final DemoPetitions petitions;
    private final DemoFindings findings;
    private final DemoComparison comparison;
    private final DemoReferrals referrals;
    private final DemoReferralsInBulk provinceReferrals;
    private final DemoRectificationInBulk rectification;
    private final org.xuncha.rectification.LedgerWarnings warnings;

    DemoDataLoader(DemoDataRepository repository, FieldCipher cipher, KeyedHash hashes, PasswordEncoder passwords,
                   AuditTrail audit, org.springframework.jdbc.core.simple.JdbcClient jdbc,
                   org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate batch, Clock clock,
                   org.xuncha.findings.comparison.Comparisons comparisons,
                   org.xuncha.referral.letter.TransferLetters letters,
                   org.xuncha.rectification.WorkingDays workingDays,
                   org.xuncha.rectification.RedCardScreening screening,
                   org.xuncha.rectification.LedgerWarnings warnings) {
        this.referrals = new DemoReferrals(jdbc, letters, clock.getZone());
        this.provinceReferrals = new DemoReferralsInBulk(jdbc, batch, letters, clock.getZone());
        this.rectification = new DemoRectificationInBulk(jdbc, batch, workingDays, screening, clock.getZone());
        this.warnings = warnings;
        this.comparison = new DemoComparison(jdbc, comparisons, clock.getZone());
        this.petitions = new DemoPetitions(jdbc, cipher, hashes, clock.getZone());
        this.findings = new DemoFindings(jdbc, batch, cipher, hashes, clock.getZone());
        this.repository = repository;
        this.cipher = cipher;
        this.hashes = hashes;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** Planner statistics after a bulk load; outside the load's transaction so it sees the committed rows. */
    void analyze() {
        repository.analyze();
    }

    boolean databaseIsEmpty() {
        return repository.countBodies() == 0;
    }

    boolean embeddedEdition() {
        return repository.embeddedH2();
    }

    /** The business date (the clock's): the date the planning rows (stages, due dates) of a run are computed for. */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional
    Result generate(Scale scale, long seed) {
        return generate(scale, seed, today());
    }

    /** Same seed and same {@code today}: the same rows (DemoDataTests compares digests). */
    @Transactional
    Result generate(Scale scale, long seed, LocalDate today) {
        return generate(scale, seed, today, scale == Scale.PROVINCE);
    }

    /**
     * As {@link #generate(Scale, long, LocalDate)}, with the referral step chosen: {@code bulkReferrals} writes the
     * province's 移交 and outcomes in the seeds' proportions (DemoReferralsInBulk), else the demo city's showcase of
     * every step (DemoReferrals). Tests run the bulk step on the city's world, which is small enough to check whole.
     */
    @Transactional
    Result generate(Scale scale, long seed, LocalDate today, boolean bulkReferrals) {
        long started = System.nanoTime();
        long existing = repository.countBodies();
        if (existing > 0) {
            throw new DatabaseNotEmpty("数据库中已有 " + existing + " 个巡察机构，generate 只向空数据库写入演示数据，未写入任何内容。");
        }
        DemoWorld world = DemoWorld.generate(scale, seed, today);
        long built = System.nanoTime();
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);

        repository.insertRegions(world.regions());
        Map<String, Long> bodies = repository.insertBodies(world.bodies());
        Map<String, Long> organizations = new HashMap<>();
        List<OrganizationRow> pending = world.organizations();
        while (!pending.isEmpty()) {
            List<OrganizationRow> ready = new ArrayList<>();
            List<OrganizationRow> later = new ArrayList<>();
            for (OrganizationRow o : pending) {
                (o.parentCode() == null || organizations.containsKey(o.parentCode()) ? ready : later).add(o);
            }
            if (ready.isEmpty()) {
                throw new IllegalStateException("organization tree has a cycle");
            }
            repository.insertOrganizations(ready, bodies, organizations, now);
            pending = later;
        }

        List<String[]> sealed = new ArrayList<>(world.inspectors().size());
        for (InspectorRow p : world.inspectors()) {
            sealed.add(new String[] {cipher.seal(ID_NUMBER_CONTEXT, p.idNumber()),
                    hashes.blindIndex(ID_NUMBER_CONTEXT, p.idNumber())});
        }
        Map<String, Long> inspectors = repository.insertInspectors(world.inspectors(), sealed, bodies, now);
        repository.insertInspectorDetails(world.inspectors(), inspectors, organizations);

        // Accounts that already exist (an administrator set up by hand) are kept as they are.
        List<String> taken = repository.existingUsernames(world.accounts().stream().map(AccountRow::username).toList());
        // One hash for all: the demo password is public, so distinct salts would protect nothing here, and
        // the province scale has over a hundred accounts (bcrypt costs ~0.1 s each).
        String hash = passwords.encode(DEMO_PASSWORD);
        List<AccountRow> created = new ArrayList<>();
        for (AccountRow account : world.accounts()) {
            if (!taken.contains(account.username())) {
                repository.insertAccount(account, hash, bodies.get(account.bodyRegionCode()),
                        account.organizationCode() == null ? null : organizations.get(account.organizationCode()), now);
                created.add(account);
            }
        }
        DemoWorld.Planning planning = world.planning();
        long planningStarted = System.nanoTime();
        repository.insertPlanning(planning, bodies, organizations, inspectors, repository.accountIds());
        petitions.insert(seed, today);
        long planningMillis = (System.nanoTime() - planningStarted) / 1_000_000;
        long recordStarted = System.nanoTime();
        // the comparison first: the working paper that cites it is written with the team's record
        var compared = comparison.run(seed, today);
        long comparisonMillis = (System.nanoTime() - recordStarted) / 1_000_000;
        long findingsStarted = System.nanoTime();
        DemoFindings.Counts record = findings.insert(scale, seed, today, compared);
        long findingsMillis = (System.nanoTime() - findingsStarted) / 1_000_000;
        // after the leads are reported and the petitions disposed: what the office transferred and what became of it
        // the city: every step shown, row by row; the province: the seeds' proportions, in bulk
        long referralStarted = System.nanoTime();
        Referred referred;
        if (!bulkReferrals) {
            DemoReferrals.Counts c = referrals.insert(today, repository.accountIds());
            referred = new Referred(c.letters(), c.items(), c.outcomes(), -1, (System.nanoTime() - referralStarted) / 1_000_000);
        } else {
            DemoReferralsInBulk.Counts c = provinceReferrals.insert(seed, today);
            referred = new Referred(c.letters(), c.items(), c.outcomes(), c.issueMillis(), c.writeMillis());
        }
        long referralMillis = (System.nanoTime() - referralStarted) / 1_000_000;
        // after the reports: the feedback of every inspection past it, its plan and ledger; the city with its
        // showcase of every state and the planted duplicates, the province in the seeds' proportions only
        DemoRectificationInBulk.Counts rectified = rectification.insert(seed, today, !bulkReferrals);
        // the warning start dates of the open items, on each body's working-day calendar (a command does not start
        // the application, whose start-up would otherwise compute them)
        warnings.catchUp();
        long recordMillis = (System.nanoTime() - recordStarted) / 1_000_000;
        Result result = new Result(scale, seed, world.count(RegionLevel.CITY), world.count(RegionLevel.COUNTY),
                world.count(RegionLevel.TOWNSHIP), world.count(RegionLevel.VILLAGE), world.bodies().size(),
                world.organizations().size(), world.inspectors().size(), created, taken, today,
                planning.terms().size(), planning.rounds().size(), planning.inspections().size(),
                planning.inspections().stream().mapToLong(i -> i.members().size()).sum(), planning.requests().size(),
                record, referred, rectified, (built - started) / 1_000_000, planningMillis, recordMillis,
                new Phases(comparisonMillis, findingsMillis - record.reportMillis(), record.reportMillis(),
                        referralMillis, rectified.millis()),
                (System.nanoTime() - started) / 1_000_000);
        audit.success("DEMO_DATA_GENERATED", "DemoData", seed, result.auditDetail());
        return result;
    }

    /** What one generation created; no names or identity numbers, so it can be printed, logged and audited. */
    record Result(Scale scale, long seed, long cities, long counties, long townships, long villages, long bodies,
                  long organizations, long inspectors, List<AccountRow> accounts, List<String> keptAccounts,
                  LocalDate today, long terms, long rounds, long inspections, long teamMembers, long requests,
                  DemoFindings.Counts record, Referred referred, DemoRectificationInBulk.Counts rectified,
                  long buildMillis,
                  long planningWriteMillis, long recordWriteMillis, Phases phases, long millis) {

        String auditDetail() {
            return "scale=" + scale + " seed=" + seed + " cities=" + cities + " counties=" + counties + " townships="
                    + townships + " villages=" + villages + " bodies=" + bodies + " organizations=" + organizations
                    + " inspectors=" + inspectors + " accounts=" + accounts.size() + " today=" + today + " terms="
                    + terms + " rounds=" + rounds + " inspections=" + inspections + " teamMembers=" + teamMembers
                    + " requests=" + requests + " workLogs=" + record.workLogs() + " papers=" + record.papers()
                    + " findings=" + record.findings() + " leads=" + record.leads() + " reports=" + record.reports()
                    + " feedback=" + rectified.feedback() + " rectificationItems=" + rectified.items();
        }

        List<String> summaryLines() {
            List<String> lines = new ArrayList<>();
            lines.add("已生成演示数据（" + scale.label() + "，种子 " + seed + "，用时 " + millis + " 毫秒，其中内存中生成 "
                    + buildMillis + " 毫秒、写入届期规划 " + planningWriteMillis + " 毫秒）：");
            lines.add("  行政区划：" + (scale == Scale.PROVINCE ? "1 个省，" : "") + cities + " 个市，" + counties + " 个县区，" + townships + " 个乡镇街道，" + villages
                    + " 个村社区");
            lines.add("  巡察机构：" + bodies + " 个");
            lines.add("  党组织：" + organizations + " 个");
            lines.add("  巡察干部：" + inspectors + " 人");
            lines.add("  届期规划（截至 " + today + "）：" + terms + " 个届期，" + rounds + " 个轮次，" + inspections
                    + " 次巡察（巡察组成员 " + teamMembers + " 人次），巡前通报 " + requests + " 件");
            lines.add("  进驻以来的巡察记录（写入 " + recordWriteMillis + " 毫秒）：工作日志 " + record.workLogs()
                    + " 条，工作底稿 " + record.papers() + " 份，问题 " + record.findings() + " 个，问题线索 "
                    + record.leads() + " 条，巡察报告 " + record.reports() + " 份（其中写入巡察报告 " + record.reportMillis()
                    + " 毫秒）");
            lines.add("  移交及办理情况：移交函 " + referred.letters() + " 份，移交事项 " + referred.items()
                    + " 件，办理记录 " + referred.outcomes() + " 条（" + (referred.issueMillis() < 0 ? ""
                    : "签发移交函 " + referred.issueMillis() + " 毫秒，") + "写入 " + referred.writeMillis() + " 毫秒）");
            lines.add("  反馈与整改：反馈意见 " + rectified.feedback() + " 份（反馈问题 " + rectified.problems()
                    + " 个），整改方案 " + rectified.plans() + " 份，整改事项 " + rectified.items() + " 项，办理记录 "
                    + rectified.moves() + " 条，整改进展 " + rectified.progress() + " 条，佐证材料 " + rectified.evidence()
                    + " 份（写入 " + rectified.millis() + " 毫秒）");
            lines.add("  记录写入用时：数据比对 " + phases.comparisonMillis() + " 毫秒，工作日志与底稿、问题、线索 "
                    + phases.findingsMillis() + " 毫秒，巡察报告 " + phases.reportsMillis() + " 毫秒，移交（含签发移交函） "
                    + phases.referralMillis() + " 毫秒，反馈与整改 " + phases.rectificationMillis() + " 毫秒");
            lines.add("演示账号（密码均为 " + DEMO_PASSWORD + "）：");
            for (AccountRow a : accounts) {
                lines.add(String.format("  %-24s %s", a.username(), a.displayName()));
            }
            if (!keptAccounts.isEmpty()) {
                lines.add("以下账号已存在，保持原样：" + String.join("、", keptAccounts));
            }
            return lines;
        }
    }

    /** What the referral step wrote; issueMillis: the time spent issuing and signing letters (-1: not measured). */
    record Referred(long letters, long items, long outcomes, long issueMillis, long writeMillis) {
    }

    /**
     * Where the record's write time went, so a slower generation shows which part grew (the findings phase excludes
     * the reports, which have their own figure).
     */
    record Phases(long comparisonMillis, long findingsMillis, long reportsMillis, long referralMillis,
                  long rectificationMillis) {
    }

    /** The database already holds data; nothing was written. */
    static final class DatabaseNotEmpty extends RuntimeException {
        DatabaseNotEmpty(String message) {
            super(message);
        }
    }
}
