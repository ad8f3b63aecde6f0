package org.xuncha.supervision.disclosure;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.OrganizationId;
import org.xuncha.identity.AccountDirectory;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.DisclosableItems;
import org.xuncha.rectification.ItemStatus;

/**
 * 整改公开 (issue 15 §5): the office drafts, per inspection and organization with an approved plan, a summary and the
 * ledger's items to show (read through rectification's {@link DisclosableItems}, in the caller's scope), marks any
 * item exempt with one of the five {@link Exemption}s and a reason, approves, and publishes the public page
 * ({@link PublicDisclosureController}). Approving and publishing are refused — a Chinese message, nothing changed —
 * while the title, the summary or a shown item contains an exempt item's content or a person's name
 * ({@link DisclosureCheck}). Only the OFFICE of the body writes; every change takes the row version as read and is
 * audited with ids and codes only (never the text, never a reason of exemption).
 */
@Service
class Disclosures {

    static final int TITLE_MAX = 200;
    static final int SUMMARY_MAX = 20000;
    static final int TEXT_MAX = 4000;
    static final int OUTCOME_MAX = 2000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] CODE = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

    private final DisclosureRepository repository;
    private final DisclosableItems ledger;
    private final DisclosureCheck check;
    private final AccountDirectory accounts;
    private final AuditTrail audit;
    private final Clock clock;

    Disclosures(DisclosureRepository repository, DisclosableItems ledger, DisclosureCheck check,
                AccountDirectory accounts, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.ledger = ledger;
        this.check = check;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** The office's page of one disclosure. */
    record View(DisclosureRepository.Disclosure d, String organizationName, String teamName,
                List<DisclosureRepository.Item> items) {
    }

    /** What the public page shows: the title, the summary's paragraphs, the non-exempt items and their outcome. */
    record PublicView(String title, List<String> paragraphs, List<PublicItem> items, LocalDate publishedOn) {
    }

    record PublicItem(String text, String outcome) {
    }

    @Transactional(readOnly = true)
    List<DisclosureRepository.Disclosure> list(DataScope scope) {
        return repository.list(scope);
    }

    @Transactional(readOnly = true)
    List<DisclosableItems.Subject> subjects(DataScope scope) {
        return ledger.subjects(scope);
    }

    @Transactional(readOnly = true)
    View view(DataScope scope, long id) {
        DisclosureRepository.Disclosure d = found(scope, id);
        return new View(d, repository.organizationName(d.organizationId()), repository.teamName(d.inspectionId()),
                repository.items(d.id()));
    }

    /** Opens the draft of an inspection and organization, prefilled from the ledger; an existing one is returned. */
    @Transactional
    long open(DataScope scope, Long inspection, Long organization) {
        if (inspection == null || organization == null) {
            throw new UserInputException("请选择巡察和被巡察党组织");
        }
        DisclosableItems.Subject subject = ledger.subjects(scope).stream()
                .filter(s -> s.inspection().value() == inspection && s.organization().value() == organization)
                .findFirst().orElseThrow(() -> new UserInputException("该巡察对该党组织的整改方案尚未审核通过，或不在本机构范围内"));
        long body = repository.inspectionBody(inspection).map(r -> r[1])
                .orElseThrow(() -> new NotFoundInScope("inspection " + inspection));
        if (!scope.canWrite(org.xuncha.common.BodyId.of(body)) || !scope.has(org.xuncha.common.Role.OFFICE)) {
            throw new AccessDeniedException("整改公开由本级巡察办起草");
        }
        Optional<Long> existing = repository.existing(inspection, organization);
        if (existing.isPresent()) {
            return existing.get();
        }
        List<DisclosableItems.Item> items = ledger.of(scope, subject.inspection(), subject.organization());
        String title = cut(subject.organizationName() + "关于" + subject.teamName() + "巡察反馈意见整改情况的公开", TITLE_MAX);
        long id = repository.insert(inspection, organization, body, title, "", scope.user().value(), now());
        for (DisclosableItems.Item i : items) {
            repository.insertItem(id, i.id().value(), i.position(), cut(i.problem(), TEXT_MAX), outcome(i));
        }
        audit.success("DISCLOSURE_OPENED", "Disclosure", id, "inspection=" + inspection + "; organization="
                + organization + "; items=" + items.size());
        return id;
    }

    private static String outcome(DisclosableItems.Item i) {
        if (i.status() == ItemStatus.SIGNED_OFF && i.signedOffOn() != null) {
            return "已完成整改（" + i.signedOffOn() + "销号）";
        }
        return i.status().label();
    }

    @Transactional
    void edit(DataScope scope, long id, int version, String title, String summary) {
        DisclosureRepository.Disclosure d = editable(scope, id, version);
        String t = title == null ? "" : title.strip();
        String s = summary == null ? "" : summary.strip();
        if (t.isEmpty()) {
            throw new UserInputException("请填写标题");
        }
        if (t.length() > TITLE_MAX) {
            throw new UserInputException("标题最多 " + TITLE_MAX + " 字");
        }
        if (s.length() > SUMMARY_MAX) {
            throw new UserInputException("整改情况摘要最多 " + SUMMARY_MAX + " 字");
        }
        touch(d, version);
        repository.text(id, t, s);
        audit.success("DISCLOSURE_EDITED", "Disclosure", id, "version=" + (version + 1));
    }

    @Transactional
    void editItem(DataScope scope, long id, int version, long rowId, String text, String outcome, String exemption,
                  String reason) {
        DisclosureRepository.Disclosure d = editable(scope, id, version);
        String t = text == null ? "" : text.strip();
        String o = outcome == null ? "" : outcome.strip();
        Exemption e = null;
        if (exemption != null && !exemption.isBlank()) {
            e = Exemption.parse(exemption.strip()).orElseThrow(() -> new UserInputException("请选择不予公开的情形"));
        }
        String r = reason == null || reason.isBlank() ? null : reason.strip();
        if (t.isEmpty()) {
            throw new UserInputException("请填写公开内容");
        }
        if (t.length() > TEXT_MAX) {
            throw new UserInputException("公开内容最多 " + TEXT_MAX + " 字");
        }
        if (o.isEmpty()) {
            throw new UserInputException("请填写整改结果");
        }
        if (o.length() > OUTCOME_MAX) {
            throw new UserInputException("整改结果最多 " + OUTCOME_MAX + " 字");
        }
        if (e != null && r == null) {
            throw new UserInputException("不予公开须写明理由");
        }
        if (e == null && r != null) {
            throw new UserInputException("未选择不予公开的情形时不填写理由");
        }
        if (r != null && r.length() > 2000) {
            throw new UserInputException("不予公开的理由最多 2000 字");
        }
        touch(d, version);
        if (!repository.item(id, rowId, t, o, e, r)) {
            throw new NotFoundInScope("disclosure item " + rowId);
        }
        audit.success("DISCLOSURE_ITEM_EDITED", "Disclosure", id, "item=" + rowId + "; exemption="
                + (e == null ? "-" : e.name()) + "; version=" + (version + 1));
    }

    @Transactional
    void approve(DataScope scope, long id, int version) {
        DisclosureRepository.Disclosure d = decided(scope, id, version, DisclosureStatus.APPROVED);
        refuseUnpublishable(scope, d);
        touch(d, version);
        repository.status(id, DisclosureStatus.APPROVED, actorName(scope), today(), null, null);
        audit.success("DISCLOSURE_APPROVED", "Disclosure", id, "version=" + (version + 1));
    }

    /** Publishes the approved disclosure under a new random code; returns the code. */
    @Transactional
    String publish(DataScope scope, long id, int version) {
        DisclosureRepository.Disclosure d = decided(scope, id, version, DisclosureStatus.PUBLISHED);
        refuseUnpublishable(scope, d);
        touch(d, version);
        String code = code();
        repository.status(id, DisclosureStatus.PUBLISHED, d.approvedByName(), d.approvedOn(), code, today());
        audit.success("DISCLOSURE_PUBLISHED", "Disclosure", id, "version=" + (version + 1));
        return code;
    }

    /** 退回修改: back to the draft; a published page disappears (its code is dropped). */
    @Transactional
    void reopen(DataScope scope, long id, int version) {
        DisclosureRepository.Disclosure d = decided(scope, id, version, DisclosureStatus.DRAFT);
        touch(d, version);
        repository.status(id, DisclosureStatus.DRAFT, null, null, null, null);
        audit.success("DISCLOSURE_REOPENED", "Disclosure", id, "from=" + d.status() + "; version=" + (version + 1));
    }

    /** The published page of {@code code}; unknown or withdrawn codes are not found. */
    @Transactional(readOnly = true)
    PublicView publicPage(String code) {
        if (code == null || code.length() > 32) {
            throw new NotFoundInScope("disclosure");
        }
        DisclosureRepository.Disclosure d = repository.published(code)
                .orElseThrow(() -> new NotFoundInScope("disclosure"));
        List<PublicItem> items = repository.items(d.id()).stream().filter(i -> i.exemption() == null)
                .map(i -> new PublicItem(i.publicText(), i.outcome())).toList();
        return new PublicView(d.title(), DisclosureCheck.paragraphs(d.summary()).stream()
                .map(DisclosureCheck.Part::text).toList(), items, d.publishedOn());
    }

    private void refuseUnpublishable(DataScope scope, DisclosureRepository.Disclosure d) {
        if (d.summary().isBlank()) {
            throw new UserInputException("请先填写整改情况摘要");
        }
        List<DisclosureRepository.Item> items = repository.items(d.id());
        InspectionId inspection = InspectionId.of(d.inspectionId());
        Map<Long, DisclosableItems.Item> ledgerItems = ledger.of(scope, inspection,
                        OrganizationId.of(d.organizationId())).stream()
                .collect(Collectors.toMap(i -> i.id().value(), Function.identity()));
        List<DisclosureCheck.Part> shown = new ArrayList<>();
        shown.add(new DisclosureCheck.Part("标题", d.title()));
        shown.addAll(DisclosureCheck.paragraphs(d.summary()));
        List<DisclosureCheck.ExemptItem> exempt = new ArrayList<>();
        for (DisclosureRepository.Item i : items) {
            if (i.exemption() == null) {
                shown.add(new DisclosureCheck.Part("第" + i.position() + "项的公开内容", i.publicText()));
                shown.add(new DisclosureCheck.Part("第" + i.position() + "项的整改结果", i.outcome()));
            } else {
                List<String> texts = new ArrayList<>();
                texts.add(i.publicText());
                DisclosableItems.Item l = ledgerItems.get(i.itemId());
                if (l != null) {
                    texts.add(l.problem());
                    texts.add(l.goal());
                }
                exempt.add(new DisclosureCheck.ExemptItem(i.position(), texts));
            }
        }
        check.problem(scope, inspection, shown, exempt, ledger.personNames(scope, inspection)).ifPresent(p -> {
            throw new UserInputException(p);
        });
    }

    private DisclosureRepository.Disclosure found(DataScope scope, long id) {
        return repository.find(scope, id).orElseThrow(() -> new NotFoundInScope("disclosure " + id));
    }

    private DisclosureRepository.Disclosure writable(DataScope scope, long id, int version) {
        DisclosureRepository.Disclosure d = found(scope, id);
        if (!d.writable()) {
            throw new AccessDeniedException("整改公开由本级巡察办办理");
        }
        if (d.version() != version) {
            throw stale();
        }
        return d;
    }

    private DisclosureRepository.Disclosure editable(DataScope scope, long id, int version) {
        DisclosureRepository.Disclosure d = writable(scope, id, version);
        if (!d.status().editable()) {
            throw new UserInputException("整改公开已“" + d.status().label() + "”，退回修改后才能修改");
        }
        return d;
    }

    private DisclosureRepository.Disclosure decided(DataScope scope, long id, int version, DisclosureStatus to) {
        DisclosureRepository.Disclosure d = writable(scope, id, version);
        if (!d.status().canMoveTo(to)) {
            throw new UserInputException("整改公开处于“" + d.status().label() + "”，不能改为“" + to.label() + "”");
        }
        return d;
    }

    private void touch(DisclosureRepository.Disclosure d, int version) {
        if (!repository.touch(d.id(), version, now())) {
            throw stale();
        }
    }

    private static UserInputException stale() {
        return new UserInputException("整改公开已被他人修改，请刷新后重试");
    }

    private String actorName(DataScope scope) {
        String name = accounts.displayNames(List.of(scope.user())).getOrDefault(scope.user(), "");
        return cut(name, 64);
    }

    private static String code() {
        StringBuilder b = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            b.append(CODE[RANDOM.nextInt(CODE.length)]);
        }
        return b.toString();
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() > max ? s.substring(0, max) : s;
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
