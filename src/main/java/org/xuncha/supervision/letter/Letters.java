package org.xuncha.supervision.letter;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.OrganizationId;
import org.xuncha.identity.AccountDirectory;
import org.xuncha.platform.upload.CheckedUpload;
import org.xuncha.platform.upload.UploadCheck;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.LedgerItemOfOrganization;
import org.xuncha.rectification.LedgerItemsOfOrganization;
import org.xuncha.rectification.ReportDueOfOrganization;
import org.xuncha.rectification.WorkingDays;
import org.xuncha.supervision.LetterKind;
import org.xuncha.supervision.LetterStatus;
import org.xuncha.supervision.LetterStatus.Move;

/**
 * 督办函 / 提示函 / 预警函 (issue 15 §1): the office of the body drafts a letter for an organization of its own body from
 * that organization's ledger as it stands today ({@link LedgerItemsOfOrganization}, the ledger's read rule) — the
 * 督办函 its overdue and sent-back items, the 提示函 its items due within {@link #DUE_SOON_DAYS} days and the reports
 * it still owes, the 预警函 its items in yellow or red warning — or a chosen subset of those; numbers it
 * ({简称}巡督〔{年}〕{序号}号, per body and year, without gaps under concurrency); delivers it to the organization
 * (the answer then due in the letter's working days on the body's calendar, {@link WorkingDays}); the TARGET of the
 * organization signs for it and answers (text, and an attachment through platform.upload); the office settles or
 * returns the answer with a reason ({@link LetterStatus}).
 *
 * <p>Who: reading by {@link SupervisionScope} (the TARGET only its own organization's delivered letters); only the
 * office of the body writes, only the TARGET signs and answers. A readable letter the caller may not act on is
 * refused (403), an unreadable one is not found (404); bad input is a Chinese message with nothing changed. Every
 * change at the row version read and audited with ids, kinds and numbers only (SUPERVISION_LETTER_*).
 */
@Service
class Letters {

    static final String OBJECT = "SupervisionLetter";
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    static final int DUE_SOON_DAYS = 10;
    static final int DEFAULT_ANSWER_DAYS = 10;
    static final int TEXT_MAX = 20_000;

    private final LetterRepository letters;
    private final LedgerItemsOfOrganization ledger;
    private final WorkingDays workingDays;
    private final AccountDirectory accounts;
    private final AuditTrail audit;
    private final Clock clock;

    Letters(LetterRepository letters, LedgerItemsOfOrganization ledger, WorkingDays workingDays,
            AccountDirectory accounts, AuditTrail audit, Clock clock) {
        this.letters = letters;
        this.ledger = ledger;
        this.workingDays = workingDays;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a letter page shows and what the caller may do now (the service checks again). */
    record LetterPage(LetterRepository.Letter letter, List<LetterRepository.LetterItem> items, boolean overdue,
                      boolean edit, boolean deliver, boolean sign, boolean answer, boolean decide) {
    }

    /** A drafted letter's candidates: the organization's items that the kind would list, for the office to choose. */
    record Candidate(LedgerItemOfOrganization item, String condition) {
    }

    @Transactional(readOnly = true)
    ResultPage<LetterRepository.Letter> list(DataScope scope, LetterRepository.Filter filter, int page, int size) {
        return letters.page(scope, filter, today(), page, size);
    }

    @Transactional(readOnly = true)
    LetterPage page(DataScope scope, long id) {
        LetterRepository.Letter l = found(scope, id);
        boolean office = letters.officeWrites(scope, id);
        boolean own = letters.targetOwns(scope, id);
        LetterStatus s = l.status();
        return new LetterPage(l, letters.items(id), l.overdueOn(today()), office && s == LetterStatus.DRAFT,
                office && s.allows(Move.DELIVER), own && s.allows(Move.SIGN), own && s.allows(Move.ANSWER),
                office && s.allows(Move.SETTLE));
    }

    /** The items of the organization a letter of the kind would list today (empty outside the caller's scope). */
    @Transactional(readOnly = true)
    List<Candidate> candidates(DataScope scope, long organizationId, LetterKind kind) {
        List<Candidate> out = new ArrayList<>();
        if (kind == null) {
            return out;
        }
        LocalDate today = today();
        for (LedgerItemOfOrganization i : ledger.itemsOf(scope, OrganizationId.of(organizationId))) {
            String c = condition(kind, i, today);
            if (c != null) {
                out.add(new Candidate(i, c));
            }
        }
        return out;
    }

    /** Why a letter of {@code kind} lists the item today, or null when it does not. */
    static String condition(LetterKind kind, LedgerItemOfOrganization i, LocalDate today) {
        return switch (kind) {
            case SUPERVISE -> i.overdueOn(today) ? "逾期未完成" : i.returned() ? "被退回整改" : null;
            case REMIND -> i.dueWithin(today, DUE_SOON_DAYS) ? DUE_SOON_DAYS + "天内到期" : null;
            case WARN -> i.warning() == LedgerItemOfOrganization.Warning.RED
                    || i.warning() == LedgerItemOfOrganization.Warning.YELLOW ? i.warning().label()
                    : i.overdueOn(today) ? "逾期未完成" : null;
        };
    }

    // ---- the office --------------------------------------------------------------------------------------------

    /**
     * Drafts and numbers a letter of {@code kind} for the organization from its ledger today; {@code chosen} (may be
     * empty: every listed item) narrows the items to those the office picked among them.
     */
    @Transactional
    long draft(DataScope scope, long organizationId, LetterKind kind, List<Long> chosen, Integer answerDays) {
        requireOffice(scope);
        if (kind == null) {
            throw new UserInputException("请选择函件类别（督办函、提示函或预警函）");
        }
        LetterRepository.Organization org = letters.organization(organizationId)
                .orElseThrow(() -> new UserInputException("请选择被巡察单位"));
        if (!scope.canWrite(BodyId.of(org.bodyId()))) {
            throw new UserInputException("该单位不在本巡察机构的监督范围内，不能对其发函");
        }
        int days = answerDays(answerDays);
        LocalDate today = today();
        List<Candidate> candidates = candidates(scope, organizationId, kind);
        Set<Long> picked = new LinkedHashSet<>(chosen == null ? List.of() : chosen);
        if (!picked.isEmpty()) {
            Set<Long> listed = new LinkedHashSet<>();
            candidates.forEach(c -> listed.add(c.item().id().value()));
            if (!listed.containsAll(picked)) {
                throw new UserInputException("所选整改事项不是该单位当前应列入" + kind.label() + "的事项");
            }
            candidates = candidates.stream().filter(c -> picked.contains(c.item().id().value())).toList();
        }
        List<ReportDueOfOrganization> reports = kind == LetterKind.REMIND
                ? ledger.reportsDue(scope, OrganizationId.of(organizationId)).stream()
                        .filter(r -> !r.submitted()).toList()
                : List.of();
        if (candidates.isEmpty() && reports.isEmpty()) {
            throw new UserInputException("该单位当前没有应列入" + kind.label() + "的整改事项，未生成函件");
        }
        int year = today.getYear();
        int seq = letters.nextSeq(org.bodyId(), year);
        String no = letterNo(org.bodyName(), year, seq);
        List<LetterRepository.LetterItem> items = new ArrayList<>();
        int position = 0;
        for (Candidate c : candidates) {
            LedgerItemOfOrganization i = c.item();
            items.add(new LetterRepository.LetterItem(++position, i.id().value(), clip(label(i), 1000),
                    i.status().label(), i.dueOn(), c.condition()));
        }
        long id = letters.insert(new LetterRepository.NewLetter(org.bodyId(), org.id(), kind, year, seq, no,
                title(org.name(), kind), content(org.name(), kind, items, reports, days), days,
                scope.user().value(), actorName(scope), now()), items);
        audit.success("SUPERVISION_LETTER_DRAFTED", OBJECT, id, "letterKind=" + kind + "; letterNo=" + no
                + "; organization=" + org.id() + "; items=" + items.size());
        return id;
    }

    @Transactional
    void edit(DataScope scope, long id, int version, String title, String content, Integer answerDays) {
        LetterRepository.Letter l = officeLetter(scope, id, null);
        if (l.status() != LetterStatus.DRAFT) {
            throw new UserInputException("函件已送达，不能再修改");
        }
        String t = required(title, "函件标题", 200);
        String c = required(content, "函件正文", TEXT_MAX);
        int days = answerDays(answerDays);
        if (version != l.rowVersion() || !letters.edit(id, version, t, c, days, now())) {
            throw stale();
        }
        audit.success("SUPERVISION_LETTER_EDITED", OBJECT, id, "version=" + (version + 1));
    }

    /** Delivers the draft to the organization in the platform; the answer is due in the letter's working days. */
    @Transactional
    void deliver(DataScope scope, long id, int version) {
        LetterRepository.Letter l = officeLetter(scope, id, Move.DELIVER);
        LocalDate today = today();
        LocalDate due = workingDays.plusWorkingDays(BodyId.of(l.bodyId()), today, l.answerWorkingDays());
        if (version != l.rowVersion() || !letters.deliver(id, version, today, due, now())) {
            throw stale();
        }
        audit.success("SUPERVISION_LETTER_DELIVERED", OBJECT, id, "letterNo=" + l.letterNo() + "; due=" + due);
    }

    /** Accepts the organization's answer (final). */
    @Transactional
    void settle(DataScope scope, long id, int version) {
        LetterRepository.Letter l = officeLetter(scope, id, Move.SETTLE);
        if (version != l.rowVersion() || !letters.settle(id, version, today(), now())) {
            throw stale();
        }
        audit.success("SUPERVISION_LETTER_SETTLED", OBJECT, id, "letterNo=" + l.letterNo());
    }

    /** Returns the answer with a reason; the organization answers again (the due date stands). */
    @Transactional
    void giveBack(DataScope scope, long id, int version, String reason) {
        LetterRepository.Letter l = officeLetter(scope, id, Move.RETURN);
        String why = required(reason, "退回理由", 2000);
        if (version != l.rowVersion() || !letters.giveBack(id, version, why, now())) {
            throw stale();
        }
        audit.success("SUPERVISION_LETTER_RETURNED", OBJECT, id, "letterNo=" + l.letterNo() + "; round="
                + (l.returnCount() + 1));
    }

    // ---- the organization --------------------------------------------------------------------------------------

    @Transactional
    void signFor(DataScope scope, long id, int version) {
        LetterRepository.Letter l = targetLetter(scope, id, Move.SIGN);
        if (version != l.rowVersion() || !letters.sign(id, version, today(), actorName(scope), now())) {
            throw stale();
        }
        audit.success("SUPERVISION_LETTER_SIGNED", OBJECT, id, "letterNo=" + l.letterNo());
    }

    /** The organization's answer: text, and optionally one file ({@link AnswerUploads}). */
    @Transactional
    void answer(DataScope scope, long id, int version, String text, String fileName, byte[] file) {
        LetterRepository.Letter l = targetLetter(scope, id, Move.ANSWER);
        String t = required(text, "答复内容", 8000);
        CheckedUpload upload = file == null || file.length == 0 ? null
                : UploadCheck.check(AnswerUploads.POLICY, fileName, file);
        LocalDate today = today();
        if (version != l.rowVersion() || !letters.answer(id, version, t, today,
                upload == null ? null : upload.fileName(), upload == null ? null : upload.contentType(),
                upload == null ? null : sha256(upload.content()), upload == null ? null : upload.content(), now())) {
            throw stale();
        }
        boolean late = l.answerDueOn() != null && today.isAfter(l.answerDueOn());
        audit.success("SUPERVISION_LETTER_ANSWERED", OBJECT, id, "letterNo=" + l.letterNo() + "; late=" + late
                + "; attachment=" + (upload != null));
    }

    @Transactional(readOnly = true)
    LetterRepository.Attachment attachment(DataScope scope, long id) {
        found(scope, id);
        return letters.attachment(id).orElseThrow(() -> new NotFoundInScope("letter attachment " + id));
    }

    // ---- shared ------------------------------------------------------------------------------------------------

    LetterRepository.Letter found(DataScope scope, long id) {
        return letters.find(scope, id).orElseThrow(() -> new NotFoundInScope("supervision letter " + id));
    }

    private LetterRepository.Letter officeLetter(DataScope scope, long id, Move move) {
        LetterRepository.Letter l = found(scope, id);
        if (!letters.officeWrites(scope, id)) {
            throw new AccessDeniedException("函件由本级巡察办起草、送达和办结");
        }
        if (move != null && !l.status().allows(move)) {
            throw new UserInputException("函件当前为“" + l.status().label() + "”，不能" + move.label());
        }
        return l;
    }

    private LetterRepository.Letter targetLetter(DataScope scope, long id, Move move) {
        LetterRepository.Letter l = found(scope, id);
        if (!letters.targetOwns(scope, id)) {
            throw new AccessDeniedException("函件由被巡察单位签收和答复");
        }
        if (!l.status().allows(move)) {
            throw new UserInputException("函件当前为“" + l.status().label() + "”，不能" + move.label());
        }
        return l;
    }

    private static void requireOffice(DataScope scope) {
        if (!SupervisionScope.writesAsOffice(scope)) {
            throw new AccessDeniedException("函件由巡察办起草");
        }
    }

    private static int answerDays(Integer days) {
        int d = days == null ? DEFAULT_ANSWER_DAYS : days;
        if (d < 1 || d > 60) {
            throw new UserInputException("答复期限应为 1 至 60 个工作日");
        }
        return d;
    }

    /**
     * {简称}巡督〔{年}〕{序号}号, the short name being the first character of the body's name without 中共, as referral
     * numbers its transfer letters (巡移) and findings its working papers.
     */
    static String letterNo(String bodyName, int year, int seq) {
        String name = bodyName == null ? "" : bodyName.strip();
        if (name.startsWith("中共")) {
            name = name.substring(2);
        }
        String shortName = name.isEmpty() ? "" : name.substring(0, name.offsetByCodePoints(0, 1));
        return shortName + "巡督〔" + year + "〕" + seq + "号";
    }

    static String title(String organization, LetterKind kind) {
        String unit = organization == null ? "" : organization;
        return switch (kind) {
            case SUPERVISE -> "关于督促" + unit + "加快巡察整改进度的督办函";
            case REMIND -> "关于提醒" + unit + "按期完成巡察整改事项的提示函";
            case WARN -> "关于" + unit + "巡察整改事项预警情况的预警函";
        };
    }

    /** The letter's text as the office may still edit it: one paragraph per line; the items go in the table. */
    static String content(String organization, LetterKind kind, List<LetterRepository.LetterItem> items,
                          List<ReportDueOfOrganization> reports, int days) {
        StringBuilder t = new StringBuilder();
        switch (kind) {
            case SUPERVISE -> t.append("经对账，你单位巡察整改台账中有").append(items.size())
                    .append("项整改事项逾期未完成或被退回重新整改（见附表）。请切实履行整改主体责任，逐项查明原因、落实措施，加快整改进度。");
            case REMIND -> {
                t.append("你单位巡察整改台账中有").append(items.size()).append("项整改事项将在").append(DUE_SOON_DAYS)
                        .append("天内到期（见附表），请按期完成并及时申请对账销号。");
                for (ReportDueOfOrganization r : reports) {
                    t.append("\n").append(r.teamName() == null ? "" : r.teamName() + "反馈意见的").append(r.kindLabel())
                            .append("应于").append(r.dueOn() == null ? "规定期限内" : r.dueOn().format(DATE))
                            .append("前报送，目前尚未报送。");
                }
            }
            case WARN -> t.append("经对账，你单位巡察整改台账中有").append(items.size())
                    .append("项整改事项已进入黄色或红色预警（见附表）。请高度重视，认真分析原因，压实责任，确保按期整改到位。");
        }
        t.append("\n请于收函后").append(days).append("个工作日内将落实情况书面答复本机构。");
        return t.toString();
    }

    static String label(LedgerItemOfOrganization i) {
        String goal = i.goal() == null ? "" : i.goal();
        String problem = i.problem() == null ? "" : i.problem();
        return problem.isEmpty() ? goal : goal.isEmpty() ? problem : problem + "（整改目标：" + goal + "）";
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    static String required(String raw, String what, int max) {
        String v = raw == null ? "" : raw.strip();
        if (v.isEmpty()) {
            throw new UserInputException("请填写" + what);
        }
        if (v.length() > max) {
            throw new UserInputException(what + "不能超过" + max + "个字");
        }
        return v;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String actorName(DataScope scope) {
        String n = accounts.displayNames(Set.of(scope.user())).get(scope.user());
        n = n == null || n.isBlank() ? "账号" + scope.user().value() : n;
        return n.length() > 64 ? n.substring(0, 64) : n;
    }

    static UserInputException stale() {
        return new UserInputException("函件已被他人更新，请刷新页面后重试");
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
