package org.xuncha.referral.receiving;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.documents.DocumentContent;
import org.xuncha.documents.DocumentTemplates;
import org.xuncha.findings.LeadId;
import org.xuncha.findings.TransferableLeads;
import org.xuncha.intake.PetitionId;
import org.xuncha.intake.TransferablePetitions;
import org.xuncha.identity.AccountDirectory;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.referral.SubjectKind;
import org.xuncha.referral.TransferStatus;
import org.xuncha.referral.clock.ReplyClock;

/**
 * The receivers' side of a transfer (issue 13 §2, §6): the worklist, the 签收, the item page, the unsealing of the
 * involved persons and the 移交函附件.
 *
 * <p>Who may do what: the DISCIPLINE, ORG_DEPT or department COLLABORATOR accounts of the item's current receiver
 * (ReferralScope.received) read it, sign for it, and — after the 签收, with a written reason — unseal its persons
 * and download the annex; the office of the transferring body reads it and signs on behalf of a receiver that works
 * offline (代为签收, recorded as such with the office's account); the team of the inspection reads the status;
 * nobody else reads it (not found). The office, the team and the leading group never unseal here. Every change is
 * audited with ids only: never a name, never the reason (kept in transfer_unsealing for the receiver).
 */
@Service
class Receiving {

    static final String UNSEAL_PERSONS = "PERSONS";
    static final String UNSEAL_ANNEX = "ANNEX";
    static final int MIN_REASON = 4;
    static final int MAX_REASON = 200;
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final ReceivingRepository items;
    private final TransferableLeads leads;
    private final TransferablePetitions petitions;
    private final AccountDirectory accounts;
    private final DocumentTemplates templates;
    private final ReplyClock replyClock;
    private final AuditTrail audit;
    private final Clock clock;

    Receiving(ReceivingRepository items, TransferableLeads leads, TransferablePetitions petitions,
              AccountDirectory accounts, DocumentTemplates templates, ReplyClock replyClock, AuditTrail audit,
              Clock clock) {
        this.items = items;
        this.leads = leads;
        this.petitions = petitions;
        this.accounts = accounts;
        this.templates = templates;
        this.replyClock = replyClock;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- reading ------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public ResultPage<ReceivedItem> worklist(DataScope scope, ReceivedFilter filter, int page, int size) {
        return items.worklist(scope, filter == null ? ReceivedFilter.none() : filter, today(), page, size);
    }

    /** 待签收 of the caller's receiving body (the receivers' 待办); 0 for everybody else. */
    @Transactional(readOnly = true)
    public long countAwaiting(DataScope scope) {
        return items.countAwaiting(scope);
    }

    @Transactional(readOnly = true)
    public ReceivedItemView view(DataScope scope, long id) {
        ReceivingRepository.Found f = found(scope, id);
        ReceivedItem i = f.item();
        boolean content = f.receiver() || scope.canRead(BodyId.of(i.bodyId())) && scope.has(org.xuncha.common.Role.OFFICE);
        TransferableLeads.TransferableLead lead = content && i.subject() == SubjectKind.LEAD
                ? leads.transferred(LeadId.of(i.subjectId())).orElse(null) : null;
        TransferablePetitions.TransferredPetition petition = content && i.subject() == SubjectKind.PETITION
                ? petitions.transferred(PetitionId.of(i.subjectId())).orElse(null) : null;
        Map<String, Long> ranks = lead == null ? Map.of() : lead.persons().stream().collect(Collectors.groupingBy(
                TransferableLeads.PersonRef::rankLabel, LinkedHashMap::new, Collectors.counting()));
        boolean waiting = i.status() == TransferStatus.TRANSFERRED;
        boolean opens = f.receiver() && i.status().signed() && i.subject() == SubjectKind.LEAD;
        var can = new ReceivedItemView.Actions(waiting && f.receiver(), waiting && !f.receiver() && f.actingOffice(),
                opens, opens, content);
        return new ReceivedItemView(i, lead, petition, ranks, items.route(i.id()), items.signatures(i.id()),
                f.receiver() ? items.unsealings(i.id()) : List.of(), can);
    }

    // ---- 签收 -----------------------------------------------------------------------------------------------

    /**
     * 签收 (签字背书): the receiver — or the transferring office on its behalf — signs for the item at the version it
     * read. The reply is due the transferring office's term ({@link ReplyClock}) after the 签收's business date (the
     * Clock's zone, not UTC).
     */
    @Transactional
    public void signFor(DataScope scope, long id, int rowVersion) {
        ReceivingRepository.Found f = found(scope, id);
        ReceivedItem i = f.item();
        if (!f.receiver() && !f.actingOffice()) {
            throw new AccessDeniedException("only the receiver or the transferring office signs for an item");
        }
        if (i.status().signed()) {
            throw new UserInputException("该移交件已由" + i.signedByName() + "签收，不能重复签收");
        }
        if (!i.status().canMoveTo(TransferStatus.SIGNED)) {
            throw new UserInputException("移交件处于“" + i.status().label() + "”，不能签收");
        }
        if (rowVersion != i.rowVersion()) {
            throw stale();
        }
        OffsetDateTime at = now();
        LocalDate signedOn = LocalDate.ofInstant(at.toInstant(), clock.getZone());
        BodyId office = BodyId.of(i.bodyId());
        LocalDate due = replyClock.dueOn(office, signedOn);
        LocalDate remind = replyClock.remindOn(office, due);
        long actor = scope.user().value();
        String name = actorName(scope);
        if (!items.sign(i.id(), rowVersion, actor, name, at, due, remind)) {
            throw stale();
        }
        boolean onBehalf = !f.receiver();
        long signature = items.insertSignature(i, items.currentRoutePosition(i.id()), actor, name, onBehalf, at);
        audit.success("REFERRAL_SIGNED", "TransferItem", i.id(), "signature=" + signature + "; due=" + due
                + "; onBehalf=" + onBehalf);
    }

    // ---- unsealing ------------------------------------------------------------------------------------------

    /**
     * The involved persons with their identities, for the receiver after its 签收, with a written reason kept in
     * transfer_unsealing; the audit record names that row only.
     */
    @Transactional
    public List<TransferableLeads.OpenedPerson> unsealPersons(DataScope scope, long id, String reason) {
        ReceivedItem i = mayOpen(scope, id);
        String why = reason(reason, "请写明查看涉及人员的理由（至少" + MIN_REASON + "个字）");
        List<TransferableLeads.OpenedPerson> persons = leads.openPersons(LeadId.of(i.subjectId()));
        long unsealing = items.insertUnsealing(i.id(), UNSEAL_PERSONS, null, why, scope.user().value(),
                actorName(scope), now());
        audit.success("REFERRAL_PERSONS_UNSEALED", "TransferItem", i.id(), "unsealing=" + unsealing);
        return persons;
    }

    /** A 移交函附件 as downloaded: its file name and the .docx. */
    public record Annex(String fileName, byte[] content) {
    }

    /**
     * The 移交函附件 of the item's letter: per signed-for item of that letter now with the caller's receiver, its
     * persons (name, identity number, post, rank). For the receiver after its 签收, with a reason, audited like an
     * unsealing (REFERRAL_ANNEX_DOWNLOADED naming the transfer_unsealing row).
     */
    @Transactional
    public Annex annex(DataScope scope, long id, String reason) {
        ReceivedItem i = mayOpen(scope, id);
        String why = reason(reason, "请写明下载移交函附件的理由（至少" + MIN_REASON + "个字）");
        List<Map<String, String>> rows = new ArrayList<>();
        int no = 1;
        for (ReceivedItem each : items.receivedSignedOfLetter(i.letterId(), scope, today())) {
            if (each.subject() != SubjectKind.LEAD) {
                continue;
            }
            for (TransferableLeads.OpenedPerson p : leads.openPersons(LeadId.of(each.subjectId()))) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("序号", String.valueOf(no++));
                row.put("线索", each.title());
                row.put("姓名", p.name());
                row.put("身份证号", p.idNumber() == null ? "" : p.idNumber());
                row.put("职务", p.post() == null ? "" : p.post());
                row.put("职级", p.rankLabel());
                rows.add(row);
            }
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("移交机关", i.bodyName() == null ? "" : i.bodyName());
        texts.put("移交函号", i.letterNo());
        texts.put("接收单位", i.receiverName());
        texts.put("人数", String.valueOf(rows.size()));
        texts.put("查阅人", actorName(scope));
        texts.put("查阅日期", today().format(DATE));
        byte[] docx = templates.fill(BodyId.of(i.bodyId()), TransferAnnexKind.KIND,
                new DocumentContent(texts, Map.of(), Map.of("人员", rows))).content();
        long unsealing = items.insertUnsealing(i.id(), UNSEAL_ANNEX, i.letterId(), why, scope.user().value(),
                actorName(scope), now());
        audit.success("REFERRAL_ANNEX_DOWNLOADED", "TransferItem", i.id(), "letter=" + i.letterId()
                + "; unsealing=" + unsealing);
        return new Annex("移交函附件（" + i.letterNo() + "）.docx", docx);
    }

    // ---- shared ---------------------------------------------------------------------------------------------

    private ReceivingRepository.Found found(DataScope scope, long id) {
        return items.find(id, scope, today()).orElseThrow(() -> new NotFoundInScope("transfer item " + id));
    }

    /** The item, when the caller is its current receiver and has signed for it; refused otherwise. */
    private ReceivedItem mayOpen(DataScope scope, long id) {
        ReceivingRepository.Found f = found(scope, id);
        if (!f.receiver()) {
            throw new AccessDeniedException("only the receiver of the item opens its persons");
        }
        ReceivedItem i = f.item();
        if (i.subject() != SubjectKind.LEAD) {
            throw new UserInputException("信访件没有移交的涉及人员；举报人身份请在信访举报模块按规定查看");
        }
        if (!i.status().signed()) {
            throw new UserInputException("请先签收该移交件，再查看涉及人员");
        }
        return i;
    }

    private static String reason(String raw, String message) {
        String why = raw == null ? "" : raw.strip();
        if (why.length() < MIN_REASON) {
            throw new UserInputException(message);
        }
        if (why.length() > MAX_REASON) {
            throw new UserInputException("理由不能超过" + MAX_REASON + "个字");
        }
        return why;
    }

    private String actorName(DataScope scope) {
        String name = accounts.displayNames(List.of(scope.user())).getOrDefault(scope.user(),
                "账号" + scope.user().value());
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    private static UserInputException stale() {
        return new UserInputException("该移交件已被他人更新，请刷新页面后重试");
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
