package org.xuncha.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.Role;
import org.xuncha.common.UserId;
import org.xuncha.identity.AccountDirectory;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.inspection.EntryAnnouncements;
import org.xuncha.inspection.EntryChannel;
import org.xuncha.inspection.Inspections;
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.platform.crypto.KeyedHash;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/**
 * Petitions (信访举报) of an inspection: reports from the public page, letters/calls/visits registered by the team,
 * and their handling — triage, disposition, the discipline office's outcome, the reply, closure — each a checked
 * move of {@link PetitionStatus}, written with one audit record and one status-history row in its transaction.
 *
 * <p>Who does what: the team of the inspection (TEAM_LEADER, TEAM_MEMBER) registers, triages, disposes and replies;
 * only its TEAM_LEADER closes; a DISCIPLINE account records the outcome of what was transferred to it. The team and
 * the discipline office may unseal a reporter's identity with a written reason. OFFICE reads. Names, phones,
 * receipts and content never reach the audit details.
 */
@Service
class Petitions {

    static final String NAME_FIELD = "petition.reporter_name";
    static final String PHONE_FIELD = "petition.reporter_phone";
    static final String ORIGINAL_FIELD = "petition_attachment.original";
    static final int MAX_CONTENT = 5000;
    static final int MIN_CONTENT = 10;
    static final int DEFAULT_DAYS = 30;
    /**
     * Days from receipt within which a petition is to be triaged and disposed (its deadline until disposition sets
     * the handling deadline). A week, because a team is stationed for a few weeks only: a report still untriaged
     * after a week has lost a good part of the time in which the team can act on it on site, so the register, the
     * 待办 count and the API flag it overdue like a handling deadline missed. A working rule of this platform, not a
     * figure from a regulation; change it here.
     */
    static final int TRIAGE_DAYS = 7;

    static final String CHANNEL_CLOSED = "该举报渠道不存在、已过受理截止日期或已关闭";
    static final String STALE = "该信访件已被他人处理，请刷新后重试";
    static final String ALREADY_SUBMITTED = "这份材料已经提交过了（可能是刷新了页面或重复点击），没有重复登记。"
            + "回执码只在第一次提交后显示；如没有记下，可以重新填写提交。";
    static final String SUBMISSION_FIELD = "petition.submission";

    private final PetitionRepository petitions;
    private final EntryAnnouncements announcements;
    private final FieldCipher cipher;
    private final KeyedHash hashes;
    private final AuditTrail audit;
    private final Inspections inspections;
    private final AccountDirectory accounts;
    private final Clock clock;

    Petitions(PetitionRepository petitions, EntryAnnouncements announcements, FieldCipher cipher, KeyedHash hashes,
              AuditTrail audit, Clock clock, Inspections inspections, AccountDirectory accounts) {
        this.petitions = petitions;
        this.announcements = announcements;
        this.cipher = cipher;
        this.hashes = hashes;
        this.audit = audit;
        this.clock = clock;
        this.inspections = inspections;
        this.accounts = accounts;
    }

    /** The business date: receipt days, deadlines and overdue flags are days on the offices' clock. */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    // ------------------------------------------------------------------ public side

    /**
     * The open channel of a code, or {@link NotFoundInScope} for an unknown or closed one (answered 404). A channel
     * closes when the team withdraws, and takes no new reports after the announcement's cut-off date (受理截止);
     * receipts of earlier reports keep working on /r/status.
     */
    @Transactional(readOnly = true)
    EntryChannel openChannel(String code) {
        LocalDate today = today();
        return announcements.channel(code).filter(EntryChannel::open)
                .filter(c -> c.cutOffOn() == null || !today.isAfter(c.cutOffOn()))
                .orElseThrow(() -> new NotFoundInScope(CHANNEL_CLOSED));
    }

    /** A report from the public page or API; returns the receipt code, which is shown once and never stored. */
    @Transactional
    String submitReport(String channelCode, ReportDraft draft, List<PetitionFile> files) {
        return submitReport(channelCode, draft, files, null);
    }

    /**
     * As above, with the one-time token of the form that was posted ({@link #newSubmissionToken()}): the same token
     * posted again (a reload, a double click) is refused with {@link #ALREADY_SUBMITTED} and stores nothing.
     */
    @Transactional
    String submitReport(String channelCode, ReportDraft draft, List<PetitionFile> files, String submission) {
        EntryChannel channel = openChannel(channelCode);
        Long organization = draft == null ? null : draft.organizationId();
        if (organization != null && channel.targets().stream().noneMatch(t -> t.organizationId() == organization)) {
            throw new UserInputException("所选单位不是本次巡察的巡察对象");
        }
        return receive(channel.inspectionId(), PetitionChannel.WEB, draft, files, submission);
    }

    /** Status and reply for a receipt; empty for anything that is not a receipt of a petition. */
    @Transactional(readOnly = true)
    Optional<PetitionRepository.PublicStatus> status(String typedReceipt) {
        String receipt = ReceiptCodes.normalise(typedReceipt);
        if (receipt == null) {
            return Optional.empty();
        }
        return petitions.statusByReceipt(hashes.receipt(receipt));
    }

    // ------------------------------------------------------------------ staff intake

    /** 来信、来电、来访 registered by the team; returns the receipt code (printed on a visit's slip). */
    @Transactional
    String registerPetition(DataScope scope, long inspectionId, PetitionChannel channel, ReportDraft draft,
                            List<PetitionFile> files, String submission) {
        if (!onTeam(scope, inspectionId)) {
            throw new NotFoundInScope("inspection " + inspectionId);
        }
        // intake files an inspection when it is stationed (StationedInspections): none yet means still PREPARING
        if (petitions.inspection(inspectionId).isEmpty()) {
            throw new UserInputException("巡察组进驻后才能登记信访件");
        }
        if (channel == null || !channel.staffIntake()) {
            throw new UserInputException("请选择来信、来电或来访");
        }
        Long organization = draft == null ? null : draft.organizationId();
        if (organization != null && targets(scope, inspectionId).stream().noneMatch(t -> t.getKey().equals(organization))) {
            throw new UserInputException("所选单位不是本次巡察的巡察对象");
        }
        return receive(inspectionId, channel, draft, files, submission);
    }

    /**
     * The targets of an inspection the caller is on the team of (the organizations a registered petition may name),
     * by name, from inspection's API; empty for anyone else.
     */
    @Transactional(readOnly = true)
    List<java.util.Map.Entry<Long, String>> targets(DataScope scope, long inspectionId) {
        if (!onTeam(scope, inspectionId)) {
            return List.of();
        }
        return inspections.targets(scope, InspectionId.of(inspectionId)).stream()
                .map(t -> java.util.Map.entry(t.organizationId(), t.name()))
                .sorted(java.util.Map.Entry.comparingByValue()).toList();
    }

    /** Every version of the replies and outcomes of a petition the caller may read, with the writers' names. */
    @Transactional(readOnly = true)
    List<PetitionRepository.TextRevision> revisions(DataScope scope, long id) {
        var rows = petitions.revisions(id, scope);
        var names = accounts.displayNames(rows.stream().filter(r -> r.actorId() != null)
                .map(r -> UserId.of(r.actorId())).toList());
        return rows.stream().map(r -> new PetitionRepository.TextRevision(r.kind(), r.number(), r.text(),
                r.actorId() == null ? null : names.get(UserId.of(r.actorId())), r.at())).toList();
    }

    /** A fresh one-time token for a form: 128 random bits in hex; only its keyed hash is ever stored. */
    static String newSubmissionToken() {
        byte[] bytes = new byte[16];
        TOKENS.nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private static final java.security.SecureRandom TOKENS = new java.security.SecureRandom();

    private String receive(long inspectionId, PetitionChannel channel, ReportDraft draft, List<PetitionFile> files,
                           String submission) {
        if (draft == null) {
            throw new UserInputException("请填写举报内容");
        }
        String submissionKey = submission != null && submission.matches("[0-9a-f]{32}")
                ? hashes.blindIndex(SUBMISSION_FIELD, submission) : null;
        if (petitions.submissionTaken(submissionKey)) {
            throw new UserInputException(ALREADY_SUBMITTED);
        }
        PetitionCategory category = category(draft.category());
        String content = draft.content() == null ? "" : draft.content().strip();
        if (content.length() < MIN_CONTENT) {
            throw new UserInputException("举报内容至少 " + MIN_CONTENT + " 个字，请写明人物、事件和时间");
        }
        if (content.length() > MAX_CONTENT) {
            throw new UserInputException("举报内容不能超过 " + MAX_CONTENT + " 个字");
        }
        if (draft.anonymous() == null) {
            throw new UserInputException("请选择匿名或实名");
        }
        boolean anonymous = draft.anonymous();
        String nameSealed = null;
        String phoneSealed = null;
        if (!anonymous) {
            String name = draft.name() == null ? "" : draft.name().strip();
            if (name.isEmpty() || name.length() > 50) {
                throw new UserInputException("实名举报请填写姓名（50 字以内）");
            }
            String phone = draft.phone() == null ? "" : draft.phone().replaceAll("[\\s\\-]", "");
            if (!phone.matches("\\+?\\d{5,20}")) {
                throw new UserInputException("实名举报请填写正确的联系电话");
            }
            nameSealed = cipher.seal(NAME_FIELD, name);
            phoneSealed = cipher.seal(PHONE_FIELD, phone);
        } else if (notBlank(draft.name()) || notBlank(draft.phone())) {
            throw new UserInputException("匿名举报不要填写姓名和电话；如愿留下联系方式，请选择实名");
        }
        if (files.size() > PetitionUploads.MAX_FILES) {
            throw new UserInputException(PetitionUploads.TOO_MANY);
        }
        OffsetDateTime now = now();
        LocalDate receivedOn = today();
        String receipt = ReceiptCodes.draw();
        String hash = hashes.receipt(receipt);
        if (petitions.receiptTaken(hash)) {
            // 10^20 codes: a collision is practically impossible; draw once more rather than fail the reporter.
            receipt = ReceiptCodes.draw();
            hash = hashes.receipt(receipt);
        }
        long id;
        try {
            id = petitions.insert(new PetitionRepository.NewPetition(inspectionId, channel,
                    draft.organizationId(), category, content, anonymous, nameSealed, phoneSealed, hash,
                    submissionKey, receivedOn, now, receivedOn.plusDays(TRIAGE_DAYS)));
        } catch (DuplicateKeyException e) {
            // the same form posted twice at the same moment: the unique index lets one of them in
            if (submissionKey != null) {
                throw new UserInputException(ALREADY_SUBMITTED);
            }
            throw new IllegalStateException("receipt collision", e);
        }
        for (PetitionFile file : files) {
            petitions.insertAttachment(id, file, cipher.sealBytes(ORIGINAL_FIELD, file.original()), now);
        }
        petitions.insertStatusChange(id, null, PetitionStatus.RECEIVED, channel == PetitionChannel.WEB ? null
                : actorName(), channel.label(), now);
        audit.success("PETITION_RECEIVED", "Petition", id, "inspection=" + inspectionId + "; channel=" + channel
                + "; attachments=" + files.size() + "; due=" + receivedOn.plusDays(TRIAGE_DAYS));
        return receipt;
    }

    // ------------------------------------------------------------------ handling

    @Transactional
    void triage(DataScope scope, long id, int version, Boolean inScope, String note) {
        PetitionView p = handled(scope, id);
        move(p, PetitionStatus.TRIAGED);
        if (inScope == null) {
            throw new UserInputException("请选择是否属于受理范围");
        }
        String clean = text(note, "研判意见", 1000, false);
        if (!petitions.triage(id, version, inScope, clean)) {
            throw new UserInputException(STALE);
        }
        petitions.insertStatusChange(id, p.status(), PetitionStatus.TRIAGED, actorName(),
                inScope ? "属于受理范围" : "不属于受理范围", now());
        audit.success("PETITION_TRIAGED", "Petition", id, "inScope=" + inScope);
    }

    @Transactional
    void dispose(DataScope scope, long id, int version, Disposition disposition, String department, LocalDate dueOn) {
        PetitionView p = handled(scope, id);
        move(p, PetitionStatus.HANDLING);
        if (disposition == null) {
            throw new UserInputException("请选择处理方式");
        }
        if (!disposition.fits(Boolean.TRUE.equals(p.inScope()))) {
            throw new UserInputException(Boolean.TRUE.equals(p.inScope())
                    ? "属于受理范围的信访件应自办或转纪委监委信访室"
                    : "不属于受理范围的信访件应转其他部门，并写明接收部门");
        }
        String receiving = disposition == Disposition.OTHER_DEPARTMENT ? text(department, "接收部门", 100, true) : null;
        LocalDate due = dueOn == null ? today().plusDays(DEFAULT_DAYS) : dueOn;
        if (due.isBefore(today())) {
            throw new UserInputException("办理期限不能早于今天");
        }
        if (!petitions.dispose(id, version, disposition, receiving, due, now())) {
            throw new UserInputException(STALE);
        }
        petitions.insertStatusChange(id, p.status(), PetitionStatus.HANDLING, actorName(), disposition.label(), now());
        audit.success("PETITION_DISPOSED", "Petition", id, "disposition=" + disposition + "; due=" + due);
    }

    /**
     * The reply the reporter reads with the receipt; may be revised until the petition is closed. Every version is
     * kept ({@link PetitionTextKind#REPLY}); the audit names the revision number, never the text.
     */
    @Transactional
    void reply(DataScope scope, long id, int version, String reply) {
        PetitionView p = handled(scope, id);
        if (p.status() != PetitionStatus.TRIAGED && p.status() != PetitionStatus.HANDLING) {
            throw new UserInputException(p.status() == PetitionStatus.CLOSED ? "该信访件已办结，答复不能再修改"
                    : "请先研判该信访件，再答复");
        }
        String clean = text(reply, "答复内容", 2000, true);
        OffsetDateTime now = now();
        if (!petitions.reply(id, version, clean, now)) {
            throw new UserInputException(STALE);
        }
        int revision = petitions.insertRevision(id, PetitionTextKind.REPLY, clean, actorId(scope), now);
        audit.success("PETITION_REPLIED", "Petition", id, "revision=" + revision);
    }

    @Transactional
    void close(DataScope scope, long id, int version, ClosureClass closure) {
        PetitionView p = handled(scope, id);
        if (!scope.has(Role.TEAM_LEADER)) {
            throw new AccessDeniedException("only the team leader closes a petition");
        }
        move(p, PetitionStatus.CLOSED);
        if (closure == null) {
            throw new UserInputException("请选择办结类别（三个到位一个处理）");
        }
        if (p.reply() == null) {
            throw new UserInputException("办结前请先填写给举报人的答复");
        }
        if (p.disposition() == Disposition.DISCIPLINE && p.outcome() == null) {
            throw new UserInputException("转纪委监委信访室的信访件，须待其登记办理结果后办结");
        }
        if (!petitions.close(id, version, closure, now())) {
            throw new UserInputException(STALE);
        }
        petitions.insertStatusChange(id, p.status(), PetitionStatus.CLOSED, actorName(), closure.label(), now());
        audit.success("PETITION_CLOSED", "Petition", id, "closure=" + closure);
    }

    /**
     * The reporter's name and phone, for the team or the discipline office handling it, with a written reason. The
     * reason is kept in petition_unsealing for those who may unseal; the audit record says only that it happened
     * (and names the unsealing row), so the auditor never reads it.
     */
    @Transactional
    Identity unsealIdentity(DataScope scope, long id, String reason) {
        PetitionView p = find(scope, id);
        if (!mayUnseal(scope, p)) {
            throw new AccessDeniedException("only the handling team or discipline office unseals an identity");
        }
        if (p.anonymous()) {
            throw new UserInputException("匿名举报没有身份信息");
        }
        String why = text(reason, "查看理由", 200, true);
        if (why.length() < 4) {
            throw new UserInputException("请写明查看举报人身份的理由");
        }
        PetitionRepository.SealedIdentity sealed = petitions.sealedIdentity(id, scope).orElseThrow(() -> new NotFoundInScope("petition " + id));
        long unsealing = petitions.insertUnsealing(id, "IDENTITY", null, why, actorId(scope), actorName(), now());
        audit.success("PETITION_IDENTITY_UNSEALED", "Petition", id, "unsealing=" + unsealing);
        return new Identity(cipher.open(NAME_FIELD, sealed.name()), cipher.open(PHONE_FIELD, sealed.phone()));
    }

    /**
     * The attachment exactly as the reporter sent it (metadata included, which may locate or identify the
     * reporter), for those who may unseal the identity of a named report or handle an anonymous one, with a
     * written reason; audited like an unsealing. The type and name are those of the checked file.
     */
    @Transactional
    PetitionRepository.AttachmentContent unsealOriginal(DataScope scope, long id, long attachmentId, String reason) {
        PetitionView p = find(scope, id);
        boolean allowed = mayHandle(scope, p) || (scope.has(Role.DISCIPLINE) && p.disposition() == Disposition.DISCIPLINE);
        if (!allowed) {
            throw new AccessDeniedException("only the handling team or discipline office opens an original");
        }
        String why = text(reason, "查看原件的理由", 200, true);
        if (why.length() < 4) {
            throw new UserInputException("请写明查看原件的理由");
        }
        var sealed = petitions.sealedOriginal(id, attachmentId, scope)
                .orElseThrow(() -> new NotFoundInScope("attachment " + attachmentId));
        long unsealing = petitions.insertUnsealing(id, "ORIGINAL", attachmentId, why, actorId(scope), actorName(), now());
        audit.success("PETITION_ORIGINAL_UNSEALED", "PetitionAttachment", attachmentId,
                "petition=" + id + "; unsealing=" + unsealing);
        byte[] original = cipher.openBytes(ORIGINAL_FIELD, sealed.content());
        String name = sealed.fileName();
        int dot = name.lastIndexOf('.');
        return new PetitionRepository.AttachmentContent(attachmentId, (dot > 0 ? name.substring(0, dot) : name) + "-原件"
                + (dot > 0 ? name.substring(dot) : ""), "application/octet-stream", original);
    }

    /**
     * Who unsealed what of a petition, when and why: for those who may unseal its identity or open its originals
     * (the team of its inspection, the discipline office it was transferred to); empty for everyone else.
     */
    @Transactional(readOnly = true)
    List<PetitionRepository.Unsealing> unsealings(DataScope scope, long id) {
        PetitionView p = find(scope, id);
        boolean allowed = mayHandle(scope, p) || (scope.has(Role.DISCIPLINE) && p.disposition() == Disposition.DISCIPLINE);
        return allowed ? petitions.unsealings(id, scope) : List.of();
    }

    /** An unsealed identity, shown once on the page that asked for it. */
    record Identity(String name, String phone) {
    }

    // ------------------------------------------------------------------ reading

    /**
     * A petition opened by a reader (its page or {@code GET /api/petitions/{id}}): audited as PETITION_VIEWED, by whom
     * and when, so the trail shows who read which report (issue 11 "viewing a petition is audited"). A petition
     * outside the caller's scope is not found and not recorded as viewed.
     */
    @Transactional
    PetitionView view(DataScope scope, long id) {
        PetitionView p = find(scope, id);
        audit.success("PETITION_VIEWED", "Petition", id, null);
        return p;
    }

    PetitionView find(DataScope scope, long id) {
        return petitions.find(id, scope, today()).orElseThrow(() -> new NotFoundInScope("petition " + id));
    }

    /** A readable petition the caller handles: the team of its inspection. */
    private PetitionView handled(DataScope scope, long id) {
        PetitionView p = find(scope, id);
        if (!mayHandle(scope, p)) {
            throw new AccessDeniedException("petition " + id + " is handled by its inspection's team");
        }
        return p;
    }

    boolean mayHandle(DataScope scope, PetitionView p) {
        return onTeam(scope, p.inspectionId());
    }

    boolean mayUnseal(DataScope scope, PetitionView p) {
        return !p.anonymous() && (mayHandle(scope, p)
                || (scope.has(Role.DISCIPLINE) && p.disposition() == Disposition.DISCIPLINE));
    }

    static boolean onTeam(DataScope scope, long inspectionId) {
        return !scope.has(Role.TARGET) && scope.hasAny(Role.TEAM_LEADER, Role.TEAM_MEMBER)
                && scope.onTeamOf(InspectionId.of(inspectionId));
    }

    PetitionRepository.AttachmentContent download(DataScope scope, long id, long attachmentId) {
        find(scope, id);
        var content = petitions.attachmentContent(id, attachmentId, scope)
                .orElseThrow(() -> new NotFoundInScope("attachment " + attachmentId));
        audit.success("EXPORT", "PetitionAttachment", attachmentId, "petition=" + id);
        return content;
    }

    private static void move(PetitionView p, PetitionStatus target) {
        if (!p.status().canMoveTo(target)) {
            throw new UserInputException("该信访件当前为“" + p.status().label() + "”，不能进行此操作");
        }
    }

    static PetitionCategory category(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new UserInputException("请选择举报类别");
        }
        try {
            return PetitionCategory.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("未知的举报类别");
        }
    }

    private static String text(String raw, String label, int max, boolean required) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            if (required) {
                throw new UserInputException("请填写" + label);
            }
            return null;
        }
        if (s.length() > max) {
            throw new UserInputException(label + "不能超过 " + max + " 个字");
        }
        return s;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static Long actorId(DataScope scope) {
        return scope.user() == null ? null : scope.user().value();
    }

    private static String actorName() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof XunchaPrincipal p)) {
            return null;
        }
        String name = p.displayName() != null ? p.displayName() : auth.getName();
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
