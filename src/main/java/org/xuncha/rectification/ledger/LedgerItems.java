package org.xuncha.rectification.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.DataScope;
import org.xuncha.identity.AccountDirectory;
import org.xuncha.platform.upload.CheckedUpload;
import org.xuncha.platform.upload.UploadCheck;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.ItemStatus;
import org.xuncha.rectification.ProgressReported;
import org.xuncha.rectification.RectificationItemId;
import org.xuncha.rectification.internal.ClosedInspections;
import org.xuncha.rectification.internal.ProgressFingerprint;
import org.xuncha.rectification.warning.WarningDates;

/**
 * The ledger's items (issue 14 §4): reading them in scope, progress reports with evidence by the TARGET, and the
 * moves of {@link ItemStatus} — the TARGET's requests (申请销号, 申请不能整改) and the office's decisions (对账销号 item by
 * item with its opinion, or a joint team's decision with its participants; 退回; 持续整改 and its checks; 二次整改;
 * 同意 / 不同意不能整改).
 *
 * <p>Who: whoever reads the item (LedgerScope.readable) sees it; only the TARGET of its organization reports and asks,
 * only the office of its body decides — a readable item the caller may not act on is refused with
 * {@link AccessDeniedException}, an unreadable one is {@link NotFoundInScope}. Every change takes the item's row
 * version as read and moves it on, so of two changes made on one reading the second is refused (no lost update).
 * Refusals are Chinese messages and change nothing (one transaction). Every change writes a history row (moves) or
 * a progress row, and is audited with ids and codes only.
 */
@Service
class LedgerItems {

    static final int TEXT_MAX = 4000;
    static final int REASON_MAX = 2000;
    static final long MONEY_MAX = 100_000_000_000_000L;
    /**
     * The ledger pages count up to this many items; beyond it they say "more than" and ask for a narrower filter.
     * Counting costs one index entry and one plan lookup per item: 1,000 take ≈ 4 ms on PostgreSQL, 10,000 ≈ 40 ms,
     * which alone is twice the page's 20 ms target (docs/benchmarks.md, "Ledger page").
     */
    static final long COUNT_CAP = 1_000;

    private final LedgerRepository ledger;
    private final AccountDirectory accounts;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final WarningDates warnings;
    private final ClosedInspections closed;

    LedgerItems(LedgerRepository ledger, AccountDirectory accounts, AuditTrail audit, Clock clock,
                ApplicationEventPublisher events, WarningDates warnings, ClosedInspections closed) {
        this.closed = closed;
        this.ledger = ledger;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.warnings = warnings;
    }

    /** An item with its history, progress and the moves the caller may take now. */
    record ItemPage(LedgerRepository.Item item, List<LedgerRepository.MoveRow> moves,
                    List<LedgerRepository.Progress> progress, List<ItemStatus.Move> actions, boolean canReport,
                    DeadlineBand band, WarningLevel warning, List<String> warningRecipients) {
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    LedgerRepository.Item item(DataScope scope, long id) {
        return ledger.item(id, scope).orElseThrow(() -> new NotFoundInScope("rectification item " + id));
    }

    @Transactional(readOnly = true)
    ItemPage page(DataScope scope, long id) {
        LedgerRepository.Item item = item(scope, id);
        List<ItemStatus.Move> actions = new ArrayList<>();
        if (item.forTarget()) {
            actions.addAll(item.status().movesOf(ItemStatus.Actor.TARGET));
        }
        if (item.forOffice()) {
            actions.addAll(item.status().movesOf(ItemStatus.Actor.OFFICE));
        }
        return new ItemPage(item, ledger.moves(id), ledger.progress(id), actions,
                item.forTarget() && item.status().acceptsProgress(), item.band(today()), item.warning(today()),
                item.warningRecipients(today()));
    }

    @Transactional(readOnly = true)
    ResultPage<LedgerRepository.Item> ledger(DataScope scope, LedgerFilter filter, int page, int size) {
        return ledger.page(scope, filter, today(), page, size, COUNT_CAP);
    }

    @Transactional(readOnly = true)
    java.util.Map<Long, List<String>> evidenceTitles(List<LedgerRepository.Item> items) {
        return ledger.evidenceTitles(items.stream().map(LedgerRepository.Item::id).toList());
    }

    /**
     * The filter's choices. {@code narrowed}: organizations and inspections are listed for {@code body} (the chosen
     * body, the caller's only readable one, or the body of the chosen organization's approved plans); for a caller reading several bodies who has not chosen one they are
     * empty and the page asks for a body first.
     */
    record Options(List<LedgerRepository.Option> organizations, List<LedgerRepository.Option> bodies,
                   List<LedgerRepository.Option> inspections, boolean narrowed) {
    }

    @Transactional(readOnly = true)
    Options options(DataScope scope, Long body, Long organization) {
        List<LedgerRepository.Option> bodies = ledger.bodies(scope);
        Long one = body != null ? body : bodies.size() == 1 ? Long.valueOf(bodies.get(0).id())
                : organization != null ? ledger.bodyOf(scope, organization).orElse(null) : null;
        if (one == null && bodies.size() > 1) {
            return new Options(List.of(), bodies, List.of(), false);
        }
        return new Options(ledger.organizations(scope, one), bodies, ledger.inspections(scope, one), true);
    }

    @Transactional(readOnly = true)
    LedgerRepository.EvidenceFile evidenceFile(DataScope scope, long id, long fileId) {
        item(scope, id);
        return ledger.evidenceFile(id, fileId).orElseThrow(() -> new NotFoundInScope("evidence " + fileId));
    }

    // ---- progress ---------------------------------------------------------------------------------------------

    /** Records a progress report of the TARGET with its evidence; the first one starts the work. Returns its id. */
    @Transactional
    long reportProgress(DataScope scope, long id, int rowVersion, ProgressDraft draft) {
        LedgerRepository.Item item = item(scope, id);
        if (!item.forTarget()) {
            throw new AccessDeniedException("整改进展由被巡察单位报送");
        }
        closed.refuseIfClosed(item.inspectionId());
        if (item.status() == ItemStatus.SIGNED_OFF) {
            throw new UserInputException("该事项已销号，不能再报送整改进展");
        }
        if (!item.status().acceptsProgress()) {
            throw new UserInputException("该事项已认定为“" + item.status().label() + "”，不能再报送整改进展");
        }
        if (item.rowVersion() != rowVersion) {
            throw stale(id);
        }
        String text = draft.text() == null ? "" : draft.text().strip();
        if (text.isEmpty()) {
            throw new UserInputException("请填写整改进展");
        }
        if (text.length() > TEXT_MAX) {
            throw new UserInputException("整改进展最多 " + TEXT_MAX + " 字");
        }
        long money = amount(draft.moneyReturnedFen(), "退还（收缴）资金");
        long loss = amount(draft.lossRetrievedFen(), "挽回损失");
        UploadCheck.checkCount(EvidenceUploads.POLICY, draft.files().size());
        record Checked(CheckedUpload file, EvidenceKind kind, String title) {
        }
        List<Checked> files = new ArrayList<>();
        for (ProgressDraft.Upload u : draft.files()) {
            if (u.kind() == null) {
                throw new UserInputException("请为佐证材料“" + u.fileName() + "”选择类别");
            }
            String title = u.title() == null ? "" : u.title().strip();
            if (title.isEmpty() && u.kind().titled()) {
                throw new UserInputException("制度文件“" + u.fileName() + "”须填写制度名称（计入建章立制）");
            }
            if (title.length() > 200) {
                throw new UserInputException("佐证材料名称最多 200 字");
            }
            CheckedUpload checked = UploadCheck.check(EvidenceUploads.POLICY, u.fileName(), u.bytes());
            files.add(new Checked(checked, u.kind(), title.isEmpty() ? checked.fileName() : title));
        }
        OffsetDateTime now = now();
        ItemStatus to = item.status().afterProgress();
        LedgerRepository.State state = LedgerRepository.State.of(item, ledger.signedOffBy(id));
        state = new LedgerRepository.State(to, state.moveReason(), state.milestones(), state.nextCheckOn(),
                state.longTermOwner(), state.signedOffOn(), state.signedOffBy(), state.signedOffByName(),
                state.signOffOpinion(), state.signOffParticipants());
        if (!ledger.update(id, rowVersion, state, now)) {
            throw stale(id);
        }
        String name = actorName(scope);
        long progress = ledger.insertProgress(id, today(), text, money, loss, scope.user().value(), name, now);
        for (Checked c : files) {
            ledger.insertEvidence(progress, id, c.kind(), c.title(), c.file().fileName(), c.file().contentType(),
                    c.file().content(), sha256(c.file().content()), now);
        }
        // the candidate filter of 整改进展雷同 is stored with the row (none for a short text: it raises no card)
        ProgressFingerprint fingerprint = ProgressFingerprint.of(text);
        if (fingerprint != null) {
            ledger.insertBands(progress, id, fingerprint.bandKeys());
        }
        if (to != item.status()) {
            ledger.insertMove(id, new LedgerRepository.MoveRow(0, "PROGRESS", item.status(), to, null, null, null,
                    null, null, today(), rowVersion + 1, name, now), scope.user().value());
        }
        audit.success("ITEM_PROGRESS_REPORTED", "RectificationItem", id, "progress=" + progress + "; files="
                + files.size() + "; from=" + item.status() + "; to=" + to + "; version=" + (rowVersion + 1));
        // the red cards (同一佐证材料, 整改进展雷同) are raised after the commit by the event's listener
        events.publishEvent(new ProgressReported(RectificationItemId.of(id), progress));
        return progress;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long amount(Long fen, String what) {
        if (fen == null) {
            return 0;
        }
        if (fen < 0) {
            throw new UserInputException(what + "金额不能为负数");
        }
        if (fen > MONEY_MAX) {
            throw new UserInputException(what + "金额超出范围");
        }
        return fen;
    }

    // ---- moves ------------------------------------------------------------------------------------------------

    /** Takes one move of the item's current state; returns the history row's id. */
    @Transactional
    long move(DataScope scope, long id, int rowVersion, MoveDraft draft) {
        LedgerRepository.Item item = item(scope, id);
        closed.refuseIfClosed(item.inspectionId());
        String code = draft.code() == null ? "" : draft.code().strip();
        if (!ItemStatus.moveCodes().contains(code)) {
            throw new UserInputException("请选择要办理的操作");
        }
        ItemStatus.Move move = item.status().move(code).orElseThrow(() -> new UserInputException(
                "该事项处于“" + item.status().label() + "”，不能“" + ItemStatus.moveLabel(code) + "”"));
        boolean allowed = move.actor() == ItemStatus.Actor.TARGET ? item.forTarget() : item.forOffice();
        if (!allowed) {
            throw new AccessDeniedException(move.actor() == ItemStatus.Actor.TARGET
                    ? "“" + move.label() + "”由被巡察单位办理" : "“" + move.label() + "”由本级巡察办办理");
        }
        if (item.rowVersion() != rowVersion) {
            throw stale(id);
        }
        LocalDate today = today();
        LocalDate on = draft.decidedOn() == null ? today : draft.decidedOn();
        if (on.isAfter(today)) {
            throw new UserInputException("办理日期不能晚于今天");
        }
        String text = draft.text() == null || draft.text().isBlank() ? null : draft.text().strip();
        if (text != null && text.length() > REASON_MAX) {
            throw new UserInputException("说明最多 " + REASON_MAX + " 字");
        }
        switch (move.needs()) {
            case REASON -> {
                if (text == null) {
                    throw new UserInputException("“" + move.label() + "”须写明理由");
                }
            }
            case OPINION -> {
                if (text == null) {
                    throw new UserInputException("“" + move.label() + "”须填写审核意见");
                }
            }
            default -> {
            }
        }
        List<LedgerRepository.Evidence> evidence = ledger.evidence(List.of(id));
        if (code.equals("REQUEST_SIGN_OFF") && evidence.isEmpty()) {
            throw new UserInputException("该事项尚无佐证材料，请先报送整改进展并上传佐证材料，再申请销号");
        }
        if (code.equals("SIGN_OFF") && evidence.isEmpty()) {
            throw new UserInputException("该事项没有佐证材料，不能销号");
        }
        String participants = draft.participants() == null || draft.participants().isBlank() ? null
                : draft.participants().strip();
        if (participants != null && participants.length() > 500) {
            throw new UserInputException("联合销号的参加单位和人员最多 500 字");
        }
        String milestones = null;
        LocalDate nextCheck = null;
        String owner = null;
        if (move.needs() == ItemStatus.Needs.LONG_TERM_PLAN) {
            milestones = draft.milestones() == null || draft.milestones().isBlank() ? null : draft.milestones().strip();
            owner = draft.longTermOwner() == null || draft.longTermOwner().isBlank() ? null
                    : draft.longTermOwner().strip();
            nextCheck = draft.nextCheckOn();
            if (milestones == null) {
                throw new UserInputException("持续整改须填写阶段目标（节点）");
            }
            if (milestones.length() > REASON_MAX) {
                throw new UserInputException("阶段目标最多 " + REASON_MAX + " 字");
            }
            if (nextCheck == null || !nextCheck.isAfter(today)) {
                throw new UserInputException("持续整改须填写下次检查日期，且晚于今天");
            }
            if (owner == null) {
                throw new UserInputException("持续整改须填写责任单位");
            }
            if (owner.length() > 100) {
                throw new UserInputException("责任单位最多 100 字");
            }
        }

        String name = actorName(scope);
        LedgerRepository.State was = LedgerRepository.State.of(item, ledger.signedOffBy(id));
        LedgerRepository.State next = switch (code) {
            case "SIGN_OFF" -> new LedgerRepository.State(move.to(), null, was.milestones(), null,
                    was.longTermOwner(), on, scope.user().value(), name, text, participants);
            case "REOPEN" -> new LedgerRepository.State(move.to(), text, was.milestones(), null, was.longTermOwner(),
                    null, null, null, null, null);
            case "LONG_TERM", "CHECK" -> new LedgerRepository.State(move.to(), null, milestones, nextCheck, owner,
                    null, null, null, null, null);
            case "RETURN", "REFUSE_CANNOT", "REQUEST_CANNOT", "APPROVE_CANNOT" -> new LedgerRepository.State(
                    move.to(), text, was.milestones(), null, was.longTermOwner(), null, null, null, null, null);
            default -> new LedgerRepository.State(move.to(), null, was.milestones(), null, was.longTermOwner(),
                    null, null, null, null, null);
        };
        OffsetDateTime now = now();
        if (!ledger.update(id, rowVersion, next, now)) {
            throw stale(id);
        }
        long moveId = ledger.insertMove(id, new LedgerRepository.MoveRow(0, code, item.status(), move.to(), text,
                milestones, nextCheck, owner, code.equals("SIGN_OFF") ? participants : null, on, rowVersion + 1, name,
                now), scope.user().value());
        if (!move.to().open()) {
            warnings.clearItem(id);
        } else if (!item.status().open()) {
            // 二次整改 of a signed-off item: it is open again and warned by its deadline
            warnings.computeItems(List.of(id));
        }
        boolean signOff = move.to() == ItemStatus.SIGNED_OFF;
        audit.success(signOff ? "ITEM_SIGNED_OFF" : "ITEM_MOVED", "RectificationItem", id,
                "move=" + code + "; from=" + item.status() + "; to=" + move.to() + "; version=" + (rowVersion + 1)
                        + (signOff ? "; joint=" + (participants != null) : ""));
        return moveId;
    }

    private UserInputException stale(long id) {
        int current = ledger.rowVersion(id).orElse(0);
        return new UserInputException("该事项已被他人更新（当前为第" + current + "版），请刷新后重试");
    }

    private String actorName(DataScope scope) {
        String n = accounts.displayNames(Set.of(scope.user())).get(scope.user());
        return n == null || n.isBlank() ? "账号" + scope.user().value() : n;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
