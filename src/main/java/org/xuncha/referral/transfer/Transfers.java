package org.xuncha.referral.transfer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.findings.LeadId;
import org.xuncha.findings.TransferableLeads;
import org.xuncha.findings.TransferableLeads.TransferableLead;
import org.xuncha.identity.AccountDirectory;
import org.xuncha.intake.PetitionId;
import org.xuncha.intake.TransferablePetitions;
import org.xuncha.intake.TransferablePetitions.TransferablePetition;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.referral.ItemsTransferred;
import org.xuncha.referral.ReceiverKind;
import org.xuncha.referral.SubjectKind;
import org.xuncha.referral.TransferStatus;
import org.xuncha.referral.letter.IssuedLetter;
import org.xuncha.referral.letter.LetterContent;
import org.xuncha.referral.letter.LetterLine;
import org.xuncha.referral.letter.TransferLetters;

/**
 * 移交 by the office of the transferring body: a batch of leads and petitions to one receiver in one numbered,
 * signed 移交函, all or nothing; and 转办 of one item to another receiver in a new letter, its route keeping the
 * history. Only the OFFICE of a writable body acts; subjects are read and marked through their owners' APIs.
 */
@Service
class Transfers {

    static final int MAX_LINES = 200;

    private final TransferRepository repository;
    private final TransferableLeads leads;
    private final TransferablePetitions petitions;
    private final TransferLetters letters;
    private final AccountDirectory accounts;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Transfers(TransferRepository repository, TransferableLeads leads, TransferablePetitions petitions,
              TransferLetters letters, AccountDirectory accounts, AuditTrail audit, ApplicationEventPublisher events,
              Clock clock) {
        this.repository = repository;
        this.leads = leads;
        this.petitions = petitions;
        this.letters = letters;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** One line of a batch: what is transferred. */
    public record Line(SubjectKind kind, long subjectId) {
    }

    /** The receiver the office chose: kind, receiving body, and the department's name for a DEPARTMENT receiver. */
    public record ReceiverChoice(ReceiverKind kind, Long bodyId, String department) {
    }

    /** What awaits transfer in the office's body, each line with the receiver the platform suggests. */
    public record Awaiting(SubjectKind kind, long subjectId, long bodyId, String teamName, String title,
                           String violationLabel, int personCount, boolean urgent, ReceiverKind suggestedKind,
                           String suggestedDepartment, OffsetDateTime since) {
        public String key() {
            return kind.name() + ":" + subjectId;
        }
    }

    @Transactional(readOnly = true)
    public List<Awaiting> awaiting(DataScope scope) {
        List<Awaiting> rows = new ArrayList<>();
        for (TransferableLead l : leads.awaitingTransfer(scope)) {
            rows.add(awaiting(l));
        }
        for (TransferablePetition p : petitions.awaiting(scope)) {
            rows.add(awaiting(p));
        }
        return rows;
    }

    private static Awaiting awaiting(TransferableLead l) {
        return new Awaiting(SubjectKind.LEAD, l.id().value(), l.body().value(), l.teamName(), l.title(),
                l.violationLabel(), l.persons().size(), l.urgent(), ReceiverKind.suggestedFor(l.discipline()), null,
                l.reportedAt());
    }

    /** 转纪委监委信访室 → the 纪委监委; 转其他部门 → that department. */
    private static Awaiting awaiting(TransferablePetition p) {
        return new Awaiting(SubjectKind.PETITION, p.id().value(), p.body().value(), p.teamName(), p.title(),
                p.dispositionLabel(), 0, false, p.toDiscipline() ? ReceiverKind.DISCIPLINE : ReceiverKind.DEPARTMENT,
                p.toDiscipline() ? null : p.receivingDepartment(), p.disposedAt());
    }

    /**
     * Transfers the lines to one receiver in one letter: the letter number from the body's counter (no gaps: a
     * refused batch rolls its number back), the letter, one item and its first route position per line, each
     * subject marked transferred by its owner. Any line that is no longer transferable refuses the whole batch.
     * Returns the letter's id.
     */
    @Transactional
    public long transferBatch(DataScope scope, List<Line> lines, ReceiverChoice choice, String note) {
        requireOffice(scope);
        if (lines == null || lines.isEmpty()) {
            throw new UserInputException("请至少选择一条待移交的线索或信访件");
        }
        if (lines.size() > MAX_LINES) {
            throw new UserInputException("一批最多移交 " + MAX_LINES + " 条");
        }
        Receiver receiver = receiver(scope, choice);
        String text = note(note);
        List<Subject> subjects = new ArrayList<>();
        Set<Line> seen = new HashSet<>();
        int position = 0;
        for (Line line : lines) {
            position++;
            if (line == null || line.kind() == null || !seen.add(line)) {
                throw new UserInputException("第 " + position + " 条重复或无效，本批未移交");
            }
            subjects.add(subject(scope, line, position));
        }
        long body = subjects.get(0).body();
        if (subjects.stream().anyMatch(s -> s.body() != body)) {
            throw new UserInputException("一批只能移交同一巡察机构的线索和信访件");
        }
        OffsetDateTime now = now();
        LocalDate today = LocalDate.now(clock);
        String byName = accounts.displayNames(List.of(scope.user())).getOrDefault(scope.user(),
                "账号" + scope.user().value());
        TransferRepository.BodyRef office = repository.body(body).orElseThrow();
        String receiverLabel = receiverLabel(receiver);
        Letter letter = newLetter(office, receiver, subjects.size(), text, scope, byName, now, today);
        List<ItemsTransferred.Item> items = new ArrayList<>();
        List<LetterLine> letterLines = new ArrayList<>();
        position = 0;
        for (Subject s : subjects) {
            position++;
            long item;
            try {
                item = repository.insertItem(new TransferRepository.NewItem(s.kind(), s.id(), body, s.inspection(),
                        letter.id(), receiver, s.title(), s.persons(), now));
            } catch (DuplicateKeyException twice) {
                throw new UserInputException("第 " + position + " 条（" + s.title() + "）已经移交过，不能重复移交；本批未移交");
            }
            repository.insertRoute(item, 1, letter.id(), receiver, null, byName, now);
            boolean marked = s.kind() == SubjectKind.LEAD
                    ? leads.markTransferred(LeadId.of(s.id()), receiverLabel, now)
                    : petitions.markTransferred(PetitionId.of(s.id()), receiverLabel, disciplineBody(receiver), now);
            if (!marked) {
                throw new UserInputException("第 " + position + " 条（" + s.title() + "）已撤回或已移交，本批未移交");
            }
            items.add(new ItemsTransferred.Item(item, s.kind(), s.id(), 1));
            letterLines.add(new LetterLine(position, s.kind().label(), s.title(), s.source(), s.persons(),
                    s.violation()));
        }
        issue(letter, office, receiverLabel, today, text, letterLines);
        audit.success("TRANSFER_BATCH_ISSUED", "TransferLetter", letter.id(), "body=" + body + "; count="
                + subjects.size() + "; receiverKind=" + receiver.kind().name());
        events.publishEvent(new ItemsTransferred(letter.id(), letter.no(), BodyId.of(body), receiver.kind(),
                BodyId.of(receiver.bodyId()), receiver.department(), items));
        return letter.id();
    }

    /**
     * 转办: the item leaves its receiver for another with a written reason, in a new letter of the same numbering;
     * its route gains the next position, it goes back to TRANSFERRED and its 签收 is cleared so the new receiver
     * signs again. A petition's new receiver is told to intake ({@code markRedirected}), whose DISCIPLINE read rule
     * follows the current receiver: the 纪委 it leaves stops reading the petition there too. Only the office of the
     * transferring body, and never once closed. Returns the new letter's id.
     */
    @Transactional
    public long redirect(DataScope scope, long itemId, int version, ReceiverChoice choice, String reason) {
        requireOffice(scope);
        TransferRepository.ItemRow item = repository.writableItem(scope, itemId)
                .orElseThrow(() -> new NotFoundInScope("移交事项"));
        if (!item.status().canMoveTo(TransferStatus.TRANSFERRED)) {
            throw new UserInputException("事项“" + item.status().label() + "”，不能转办");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new UserInputException("请填写转办理由");
        }
        if (why.length() > 500) {
            throw new UserInputException("转办理由不能超过 500 字");
        }
        Receiver receiver = receiver(scope, choice);
        if (receiver.sameAs(item.receiverKind(), item.receiverBodyId(), item.receiverDepartment())) {
            throw new UserInputException("转办须选择另一接收单位");
        }
        if (item.version() != version) {
            throw new UserInputException("该事项已被他人修改，请刷新后重试");
        }
        OffsetDateTime now = now();
        LocalDate today = LocalDate.now(clock);
        String byName = accounts.displayNames(List.of(scope.user())).getOrDefault(scope.user(),
                "账号" + scope.user().value());
        TransferRepository.BodyRef office = repository.body(item.bodyId()).orElseThrow();
        Letter letter = newLetter(office, receiver, 1, "转办：" + why, scope, byName, now, today);
        int position = repository.lastPosition(item.id()) + 1;
        if (!repository.redirect(item.id(), version, item.status(), letter.id(), receiver, now)) {
            throw new UserInputException("该事项已被他人修改，请刷新后重试");
        }
        repository.insertRoute(item.id(), position, letter.id(), receiver, why, byName, now);
        String receiverLabel = receiverLabel(receiver);
        if (item.subjectKind() == SubjectKind.PETITION && !petitions.markRedirected(PetitionId.of(item.subjectId()),
                receiverLabel, disciplineBody(receiver))) {
            // intake's DISCIPLINE read rule follows the current receiver; without the mark the old 纪委 would read on
            throw new IllegalStateException("petition " + item.subjectId() + " of item " + item.id()
                    + " is not marked transferred in intake");
        }
        issue(letter, office, receiverLabel, today, "转办：" + why, List.of(new LetterLine(1,
                item.subjectKind().label(), item.title(), item.subjectKind() == SubjectKind.PETITION ? "信访"
                : item.teamName(), item.personCount(), "")));
        audit.success("TRANSFER_ITEM_REDIRECTED", "TransferItem", item.id(), "letter=" + letter.id()
                + "; position=" + position + "; priorStatus=" + item.status().name() + "; receiverKind="
                + receiver.kind().name());
        events.publishEvent(new ItemsTransferred(letter.id(), letter.no(), BodyId.of(item.bodyId()), receiver.kind(),
                BodyId.of(receiver.bodyId()), receiver.department(),
                List.of(new ItemsTransferred.Item(item.id(), item.subjectKind(), item.subjectId(), position))));
        return letter.id();
    }

    // ---- parts -------------------------------------------------------------------------------------------------

    private record Subject(SubjectKind kind, long id, long body, Long inspection, String title, int persons,
                           String source, String violation) {
    }

    private record Letter(long id, String no) {
    }

    private Subject subject(DataScope scope, Line line, int position) {
        String gone = "第 " + position + " 条已不在待移交清单中（可能已撤回、已办结或已移交），本批未移交";
        if (line.kind() == SubjectKind.LEAD) {
            if (line.subjectId() <= 0) {
                throw new UserInputException(gone);
            }
            TransferableLead l = leads.transferable(scope, LeadId.of(line.subjectId()))
                    .orElseThrow(() -> new UserInputException(gone));
            return new Subject(SubjectKind.LEAD, l.id().value(), l.body().value(), l.inspection().value(), l.title(),
                    l.persons().size(), l.teamName(), l.violationLabel());
        }
        if (line.subjectId() <= 0) {
            throw new UserInputException(gone);
        }
        TransferablePetition p = petitions.transferable(scope, PetitionId.of(line.subjectId()))
                .orElseThrow(() -> new UserInputException(gone));
        return new Subject(SubjectKind.PETITION, p.id().value(), p.body().value(), p.inspection().value(), p.title(),
                0, "信访", p.dispositionLabel());
    }

    /** The receiving body must be one the office reads (its own by default, a county's for a city office). */
    private Receiver receiver(DataScope scope, ReceiverChoice choice) {
        if (choice == null || choice.kind() == null) {
            throw new UserInputException("请选择接收单位类别（纪委监委、组织部或其他部门）");
        }
        long body = choice.bodyId() != null ? choice.bodyId() : scope.body() == null ? -1L : scope.body().value();
        if (body <= 0 || !scope.readableBodyIds().contains(body) || repository.body(body).isEmpty()) {
            throw new UserInputException("接收单位所属的党委（巡察机构）不在本机构可选范围内");
        }
        String department = null;
        if (choice.kind() == ReceiverKind.DEPARTMENT) {
            department = choice.department() == null ? "" : choice.department().strip();
            if (department.isEmpty()) {
                throw new UserInputException("移交其他部门时请填写接收部门名称");
            }
            if (department.length() > 100) {
                throw new UserInputException("接收部门名称不能超过 100 字");
            }
        }
        return new Receiver(choice.kind(), body, department);
    }

    /** The body whose 纪委监委 receives, for intake's read rule; null for an 组织部 or department receiver. */
    private static BodyId disciplineBody(Receiver receiver) {
        return receiver.kind() == ReceiverKind.DISCIPLINE ? BodyId.of(receiver.bodyId()) : null;
    }

    private static String note(String note) {
        String text = note == null ? "" : note.strip();
        if (text.length() > 1000) {
            throw new UserInputException("移交说明不能超过 1000 字");
        }
        return text.isEmpty() ? null : text;
    }

    private String receiverLabel(Receiver receiver) {
        return Receivers.label(receiver.kind(), repository.body(receiver.bodyId()).map(TransferRepository.BodyRef::name)
                .orElse(null), receiver.department());
    }

    private Letter newLetter(TransferRepository.BodyRef office, Receiver receiver, int count, String note,
                             DataScope scope, String byName, OffsetDateTime now, LocalDate today) {
        int year = today.getYear();
        int seq = repository.nextSeq(office.id(), year);
        String no = letterNo(office.name(), year, seq);
        long id = repository.insertLetter(new TransferRepository.NewLetter(office.id(), year, seq, no, receiver, count,
                note, scope.user().value(), byName, now));
        return new Letter(id, no);
    }

    private void issue(Letter letter, TransferRepository.BodyRef office, String receiverLabel, LocalDate today,
                       String note, List<LetterLine> lines) {
        String officeName = office.officeName() == null || office.officeName().isBlank() ? office.name()
                : office.officeName();
        IssuedLetter issued = letters.issue(BodyId.of(office.id()), new LetterContent(letter.no(), officeName, receiverLabel, today, note,
                lines));
        repository.storeDocument(letter.id(), issued.docx(), issued.digest(), issued.signature());
    }

    /**
     * The office's default scheme: {简称}巡移〔{年}〕{序号}号, the short name being the first character of the body's
     * name without 中共 (as findings numbers its working papers): 清江市委巡察机构's third letter of 2026 is
     * 清巡移〔2026〕3号.
     */
    static String letterNo(String bodyName, int year, int seq) {
        String name = bodyName == null ? "" : bodyName.strip();
        if (name.startsWith("中共")) {
            name = name.substring(2);
        }
        String shortName = name.isEmpty() ? "" : name.substring(0, name.offsetByCodePoints(0, 1));
        return shortName + "巡移〔" + year + "〕" + seq + "号";
    }

    private static void requireOffice(DataScope scope) {
        if (!scope.has(Role.OFFICE) || scope.hasAny(Role.TARGET) || scope.writableBodyIds().isEmpty()) {
            throw new AccessDeniedException("only the office of the transferring body transfers");
        }
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
