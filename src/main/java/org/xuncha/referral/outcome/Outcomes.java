package org.xuncha.referral.outcome;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.Role;
import org.xuncha.findings.LeadId;
import org.xuncha.findings.TransferableLeads;
import org.xuncha.identity.AccountDirectory;
import org.xuncha.intake.PetitionId;
import org.xuncha.intake.TransferredPetitionOutcomes;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.referral.Form;
import org.xuncha.referral.OutcomeCode;
import org.xuncha.referral.OutcomeKind;
import org.xuncha.referral.OutcomeRecorded;
import org.xuncha.referral.SubjectKind;
import org.xuncha.referral.SurrenderRecorded;
import org.xuncha.referral.TransferItemId;
import org.xuncha.referral.TransferStatus;

/**
 * What the receivers did with a transferred item (issue 13 §3): outcome events per item and per person of the lead,
 * append-only, and 投案自首 records of the discipline body.
 *
 * <p>Who: whoever reads the item (ReferralScope.readable) reads its events; only its current receiver
 * (ReferralScope.received) or the office of the transferring body on its behalf (officeWritable) records — a
 * readable item the caller may not write is refused with {@link AccessDeniedException}, an unreadable one is
 * {@link NotFoundInScope}. When: after 签收 (an item still 已移交 is refused); on an 已办结 item only corrections.
 * Each entry carries the item's row version as read and moves it on, so a concurrent entry made on the same reading
 * is refused. The item's status follows the current record ({@link OutcomeLedger}): the first event moves 已签收 →
 * 办理中; the record that closes it (结案 of every 立案, or 予以了结 without a 立案) moves it to 已办结 with that
 * date as closed_on; a correction of an 已办结 item must leave it closed.
 *
 * <p>Refused with a Chinese message, nothing changed: a date before the transfer or after today, a person who is not
 * on the lead (or any person on a petition, which names none), a negative amount, a 结案 without a standing 立案, a
 * 予以了结 of a filed case, a code of another kind, a stale row version. Every event is audited (ids and codes, no
 * names, no note) and published as {@link OutcomeRecorded}.
 */
@Service
class Outcomes {

    static final int NOTE_MAX = 2000;

    private final OutcomeRepository outcomes;
    private final TransferableLeads leads;
    private final TransferredPetitionOutcomes petitionOutcomes;
    private final AccountDirectory accounts;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Outcomes(OutcomeRepository outcomes, TransferableLeads leads, TransferredPetitionOutcomes petitionOutcomes,
             AccountDirectory accounts, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.outcomes = outcomes;
        this.leads = leads;
        this.petitionOutcomes = petitionOutcomes;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A person of the lead as the outcome pages name them: position and rank, never the sealed identity. */
    record PersonRef(long id, int position, String rankLabel) {
        public String label() {
            return "第" + position + "人（" + rankLabel + "）";
        }
    }

    /** An item with its events, the current record's persons and their forms. */
    record ItemOutcomes(OutcomeRepository.Item item, List<OutcomeEvent> events, Set<Long> corrected,
                        List<PersonRef> persons, Map<Long, Form> forms, boolean canRecord) {

        public String personLabel(Long personId) {
            if (personId == null) {
                return "（全案）";
            }
            return persons.stream().filter(p -> p.id() == personId).map(PersonRef::label).findFirst()
                    .orElse("人员" + personId);
        }

        public boolean current(OutcomeEvent e) {
            return !corrected.contains(e.id()) && e.kind() != OutcomeKind.RETRACTED;
        }
    }

    // ---- reading ------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    OutcomeRepository.Item item(DataScope scope, long itemId) {
        return outcomes.item(itemId, scope).orElseThrow(() -> new NotFoundInScope("transfer item " + itemId));
    }

    @Transactional(readOnly = true)
    ItemOutcomes outcomesOf(DataScope scope, long itemId) {
        OutcomeRepository.Item item = item(scope, itemId);
        OutcomeLedger ledger = OutcomeLedger.of(outcomes.events(item.id()));
        boolean canRecord = item.writable() && item.status().signed() && !scope.has(Role.TARGET);
        return new ItemOutcomes(item, ledger.all(), ledger.correctedIds(), persons(item), ledger.forms(),
                canRecord);
    }

    private List<PersonRef> persons(OutcomeRepository.Item item) {
        if (item.subjectKind() != SubjectKind.LEAD) {
            return List.of();
        }
        return leads.transferred(LeadId.of(item.subjectId())).map(l -> l.persons().stream()
                .map(p -> new PersonRef(p.personId(), p.position(), p.rankLabel())).toList()).orElse(List.of());
    }

    // ---- recording ----------------------------------------------------------------------------------------

    /** Records one outcome event on an item the caller receives (or acts for); returns the event's id. */
    @Transactional
    long recordOutcome(DataScope scope, long itemId, int rowVersion, OutcomeDraft draft) {
        return record(scope, itemId, rowVersion, null, draft);
    }

    /**
     * Records a correction: a new event that replaces {@code correctedId} (which stops counting); kind
     * {@link OutcomeKind#RETRACTED} withdraws it without replacement.
     */
    @Transactional
    long correctOutcome(DataScope scope, long itemId, int rowVersion, long correctedId, OutcomeDraft draft) {
        return record(scope, itemId, rowVersion, correctedId, draft);
    }

    private long record(DataScope scope, long itemId, int rowVersion, Long correctedId, OutcomeDraft draft) {
        OutcomeRepository.Item item = item(scope, itemId);
        if (!item.writable() || scope.has(Role.TARGET)) {
            throw new AccessDeniedException("transfer item " + itemId + " is read-only here");
        }
        if (!item.status().signed()) {
            throw new UserInputException("该事项尚未签收，请接收单位先签收，再登记办理情况");
        }
        if (item.status() == TransferStatus.CLOSED && correctedId == null) {
            throw new UserInputException("该事项已办结，不能再登记新的办理情况，只能更正已有记录");
        }
        if (item.rowVersion() != rowVersion) {
            throw stale(item.id());
        }
        OutcomeLedger ledger = OutcomeLedger.of(outcomes.events(item.id()));
        if (correctedId != null && !ledger.correctable(correctedId)) {
            throw new UserInputException("只能更正本事项当前有效的记录（所选记录不存在或已被更正）");
        }
        String name = actorName(scope);
        OutcomeEvent candidate = check(item, draft, correctedId, name);
        OutcomeLedger next = ledger.with(candidate);
        String problem = next.problem();
        if (problem != null) {
            throw new UserInputException(problem);
        }
        Optional<LocalDate> closedOn = next.closedOn();
        TransferStatus to;
        if (item.status() == TransferStatus.CLOSED) {
            if (closedOn.isEmpty()) {
                throw new UserInputException("该事项已办结，更正后须仍有结案或予以了结的记录（不能撤销办结依据）");
            }
            to = TransferStatus.CLOSED;
        } else if (closedOn.isPresent()) {
            to = TransferStatus.CLOSED;
        } else {
            to = item.status() == TransferStatus.SIGNED ? TransferStatus.HANDLING : item.status();
        }
        if (to != item.status() && !item.status().canMoveTo(to)) {
            throw new UserInputException("该事项处于“" + item.status().label() + "”，不能登记为“" + to.label() + "”");
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!outcomes.move(item.id(), rowVersion, to, closedOn.orElse(null), now)) {
            throw stale(item.id());
        }
        long id = outcomes.insert(item.id(), candidate, scope.user().value(), now);
        boolean closedNow = to == TransferStatus.CLOSED && item.status() != TransferStatus.CLOSED;
        if (item.subjectKind() == SubjectKind.PETITION) {
            // one mechanism for everything transferred: the petition's 办理结果 in intake is fed from here, in this
            // transaction, so intake's close rule (转纪委的信访件须待其登记办理结果后办结) holds on referral's record.
            // Intake gets the item's current record after this event, not the event: a correction replaces what it
            // corrects there too, and once everything is retracted intake's 办理结果 is cleared (nothing stands, so
            // the team cannot close on it)
            String text = petitionText(next.current());
            PetitionId petition = PetitionId.of(item.subjectId());
            if (text == null) {
                petitionOutcomes.clearOutcome(petition, now, scope.user());
            } else {
                petitionOutcomes.recordOutcome(petition, text, now, scope.user());
            }
        }
        audit.success(correctedId == null ? "OUTCOME_RECORDED" : "OUTCOME_CORRECTED", "ReferralOutcome", id,
                "item=" + item.id() + "; outcome=" + candidate.kind() + (candidate.code() == null ? ""
                        : "; code=" + candidate.code()) + (candidate.personId() == null ? ""
                        : "; person=" + candidate.personId()) + (correctedId == null ? ""
                        : "; corrects=" + correctedId) + "; from=" + item.status() + "; to=" + to);
        events.publishEvent(new OutcomeRecorded(id, TransferItemId.of(item.id()), BodyId.of(item.bodyId()),
                item.inspectionId() == null ? null : InspectionId.of(item.inspectionId()), candidate.kind(),
                candidate.code(), candidate.personId(), candidate.occurredOn(), correctedId, closedNow));
        return id;
    }

    /**
     * The item's current record as intake's 办理结果 text: each standing event in the order recorded — kind, coded
     * choice, date and note (a petition item names no person) — joined by "；"; null when nothing stands.
     */
    static String petitionText(List<OutcomeEvent> current) {
        if (current.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (OutcomeEvent e : current) {
            OutcomeCode code = e.codeValue();
            if (!text.isEmpty()) {
                text.append("；");
            }
            text.append(e.kind().label()).append(code == null ? "" : "：" + code.label()).append("（")
                    .append(e.occurredOn()).append("）")
                    .append(e.note() == null || e.note().isBlank() ? "" : " " + e.note().strip());
        }
        return text.toString();
    }

    /** The draft checked against the item: the event to store (id 0 until stored). */
    private OutcomeEvent check(OutcomeRepository.Item item, OutcomeDraft d, Long correctedId, String name) {
        OutcomeKind kind = d.kind();
        if (kind == null) {
            throw new UserInputException("请选择办理情况的类别");
        }
        if (kind == OutcomeKind.RETRACTED && correctedId == null) {
            throw new UserInputException("“" + kind.label() + "”只能用于更正已有记录");
        }
        String code = null;
        if (!kind.codes().isEmpty()) {
            if (d.code() == null || d.code().isBlank()) {
                throw new UserInputException("请选择" + kind.label() + "的具体种类");
            }
            OutcomeCode c = kind.code(d.code().strip()).orElseThrow(() -> new UserInputException(
                    "所选种类不属于“" + kind.label() + "”，请重新选择"));
            code = c.name();
        }
        Long person = d.personId();
        if (kind.personal() == OutcomeKind.Personal.NEVER) {
            person = null;
        } else if (person == null && kind.personal() == OutcomeKind.Personal.REQUIRED) {
            throw new UserInputException(item.subjectKind() == SubjectKind.LEAD
                    ? "“" + kind.label() + "”须选择线索涉及的人员"
                    : "信访件没有登记涉及人员，不能登记“" + kind.label() + "”");
        }
        if (person != null) {
            long p = person;
            if (persons(item).stream().noneMatch(r -> r.id() == p)) {
                throw new UserInputException("所选人员不是本线索的涉及人员");
            }
        }
        LocalDate on = d.occurredOn();
        if (kind == OutcomeKind.RETRACTED) {
            on = today();
        }
        if (on == null) {
            throw new UserInputException("请填写" + kind.label() + "的日期");
        }
        LocalDate transferred = LocalDate.ofInstant(item.transferredAt().toInstant(), clock.getZone());
        if (on.isBefore(transferred)) {
            throw new UserInputException("办理日期不能早于移交日期（" + transferred + "）");
        }
        if (on.isAfter(today())) {
            throw new UserInputException("办理日期不能晚于今天");
        }
        long recovered = amount(d.recoveredFen(), "追缴资金");
        long retrieved = amount(d.lossRetrievedFen(), "挽回损失");
        if (kind == OutcomeKind.RETRACTED) {
            recovered = 0;
            retrieved = 0;
        }
        if (kind == OutcomeKind.MONEY && recovered == 0 && retrieved == 0) {
            throw new UserInputException("请填写追缴资金或挽回损失的金额");
        }
        String note = d.note() == null || d.note().isBlank() ? null : d.note().strip();
        if (note != null && note.length() > NOTE_MAX) {
            throw new UserInputException("说明最多 " + NOTE_MAX + " 字");
        }
        if (kind == OutcomeKind.RETRACTED && note == null) {
            throw new UserInputException("撤销错误记录须写明理由");
        }
        return new OutcomeEvent(0, person, kind, code, on, recovered, retrieved, note, correctedId, name, null);
    }

    private static long amount(Long fen, String what) {
        if (fen == null) {
            return 0;
        }
        if (fen < 0) {
            throw new UserInputException(what + "金额不能为负数");
        }
        return fen;
    }

    private UserInputException stale(long itemId) {
        int current = outcomes.rowVersion(itemId).orElse(0);
        return new UserInputException("该事项已被他人更新（当前为第" + current + "版），请刷新后重试");
    }

    private String actorName(DataScope scope) {
        String n = accounts.displayNames(Set.of(scope.user())).get(scope.user());
        return n == null || n.isBlank() ? "账号" + scope.user().value() : n;
    }

    // ---- 投案自首 -----------------------------------------------------------------------------------------

    /** Whether the caller records and lists 投案自首: a DISCIPLINE account of a body. */
    static boolean surrenderDesk(DataScope scope) {
        return scope.has(Role.DISCIPLINE) && scope.body() != null && !scope.has(Role.TARGET);
    }

    @Transactional(readOnly = true)
    ResultPage<OutcomeRepository.Surrender> surrenders(DataScope scope, int page, int size) {
        return outcomes.surrenders(scope, page, size);
    }

    @Transactional(readOnly = true)
    List<OutcomeRepository.InspectionRef> surrenderInspections(DataScope scope) {
        return surrenderDesk(scope) ? outcomes.ownInspections(scope) : List.of();
    }

    /** Records one 投案自首 of the caller's discipline body; returns its id. */
    @Transactional
    long recordSurrender(DataScope scope, LocalDate on, Long inspectionId, String note) {
        if (!surrenderDesk(scope)) {
            throw new AccessDeniedException("投案自首由纪委监委登记");
        }
        if (on == null) {
            throw new UserInputException("请填写投案日期");
        }
        if (on.isAfter(today())) {
            throw new UserInputException("投案日期不能晚于今天");
        }
        if (inspectionId != null && outcomes.ownInspections(scope).stream().noneMatch(i -> i.id() == inspectionId)) {
            throw new UserInputException("所选巡察不是本级党委的巡察，请重新选择");
        }
        String n = note == null || note.isBlank() ? null : note.strip();
        if (n != null && n.length() > 1000) {
            throw new UserInputException("说明最多 1000 字");
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        long body = scope.body().value();
        long id = outcomes.insertSurrender(body, inspectionId, on, n, scope.user().value(), actorName(scope), now);
        audit.success("SURRENDER_RECORDED", "Surrender", id, "body=" + body
                + (inspectionId == null ? "" : "; inspection=" + inspectionId));
        events.publishEvent(new SurrenderRecorded(id, BodyId.of(body),
                inspectionId == null ? null : InspectionId.of(inspectionId), on));
        return id;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
