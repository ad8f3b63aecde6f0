package org.xuncha.referral.receiving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.documents.WordFiles;
import org.xuncha.findings.TransferableLeads;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.PendingWork;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.referral.ReceiverKind;
import org.xuncha.referral.ReferralWorld;
import org.xuncha.referral.SubjectKind;
import org.xuncha.referral.TransferStatus;
import org.xuncha.testing.TestClock;

/**
 * The receivers' side on two worlds: one whose items are never changed, for the read rule per role (worklist, item,
 * 待办), and one where items are signed for, unsealed and listed in the annex. Dates of the 签收 are worked out by
 * hand in Asia/Shanghai (the business zone of the tests).
 */
@SpringBootTest(properties = "xuncha.test.context=referral")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceivingTests {

    static final String NAME = "甲某某";
    static final String ID = "11010519491231002X";
    static final String POST = "水务局副局长";
    static final String NAME_2 = "乙某";
    static final String REASON = "初步核实需要核对身份";

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired TestClock clock;
    @Autowired DataScopes scopes;
    @Autowired FieldCipher cipher;
    @Autowired Receiving receiving;
    @Autowired ReceivingPendingWork pending;

    /** The read world: items never changed. */
    ReferralWorld rw;
    long toDiscipline;
    long toOrgDept;
    long toAudit;
    long ofCountyB;

    /** The world of 签收, unsealing and annexes. */
    ReferralWorld sw;
    int serial;

    @BeforeAll
    void world() {
        rw = new ReferralWorld(jdbc, encoder, clock, scopes, cipher, "rcv", "5872");
        var w = rw.w;
        toDiscipline = rw.transferred(rw.reportedLead(w.inspection, "收受礼金", "INTEGRITY", persons()),
                ReceiverKind.DISCIPLINE, w.countyA, null, 3);
        toOrgDept = rw.transferred(rw.reportedLead(w.inspection, "违规选人", "ORGANIZATIONAL", persons()),
                ReceiverKind.ORG_DEPT, w.countyA, null, 3);
        toAudit = rw.transferred(rw.reportedLead(w.noDeputy, "审计问题", "WORK", persons()),
                ReceiverKind.DEPARTMENT, w.countyA, "甲县审计局", 3);
        ofCountyB = rw.transferred(rw.reportedLead(w.inspectionB, "乙县线索", "INTEGRITY", persons()),
                ReceiverKind.DISCIPLINE, w.countyB, null, 3);
        sw = new ReferralWorld(jdbc, encoder, clock, scopes, cipher, "rcs", "5873");
        jdbc.sql("UPDATE user_account SET display_name = '李审理' WHERE username = 'rcsdiscipline-a'").update();
        jdbc.sql("UPDATE user_account SET display_name = '赵巡察' WHERE username = 'rcsoffice-a'").update();
    }

    static List<ReferralWorld.Person> persons() {
        return List.of(new ReferralWorld.Person(NAME, ID, POST, "DIVISION"),
                new ReferralWorld.Person(NAME_2, null, null, "SECTION"),
                new ReferralWorld.Person("丙某", null, "科员", "SECTION"));
    }

    /** A fresh lead of the signing world transferred to county A's discipline commission. */
    long fresh() {
        var w = sw.w;
        return sw.transferred(sw.reportedLead(w.inspection, "签收线索" + (++serial), "INTEGRITY", persons()),
                ReceiverKind.DISCIPLINE, w.countyA, null, 2);
    }

    List<Long> worklist(ReferralWorld world, String who, ReceivedFilter filter) {
        return receiving.worklist(world.scope(who), filter, 0, 200).items().stream().map(ReceivedItem::id).toList();
    }

    Map<String, Object> item(long id) {
        return jdbc.sql("SELECT * FROM transfer_item WHERE id = :id").param("id", id).query().singleRow();
    }

    long count(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    // ---- the read rule ----------------------------------------------------------------------------------------

    @Test
    void eachReceiverListsWhatWasTransferredToItsBodyKindAndDepartmentAndTheOfficeItsBodysItems() {
        assertThat(worklist(rw, "discipline-a", null)).containsExactly(toDiscipline);
        assertThat(worklist(rw, "orgdept-a", null)).as("ORG_DEPT does not list a discipline item")
                .containsExactly(toOrgDept);
        assertThat(worklist(rw, "audit-dept", null)).containsExactly(toAudit);
        assertThat(worklist(rw, "civil-dept", null)).as("a collaborator of another department").isEmpty();
        assertThat(worklist(rw, "collaborator-a", null)).as("a collaborator without a department").isEmpty();
        assertThat(worklist(rw, "discipline-b", null)).as("the discipline commission of another county")
                .containsExactly(ofCountyB);
        assertThat(worklist(rw, "office-a", null)).containsExactlyInAnyOrder(toDiscipline, toOrgDept, toAudit);
        assertThat(worklist(rw, "office-city", null)).as("the city office acts only for its own body").isEmpty();
        for (String who : List.of("target-a1", "leader-a", "team-leader", "nd-member")) {
            assertThat(worklist(rw, who, null)).as(who).isEmpty();
        }
    }

    @Test
    void theItemReadsForItsReceiverTheOfficeAndTheTeamAndIsNotFoundForEverybodyElse() {
        ReceivedItemView d = receiving.view(rw.scope("discipline-a"), toDiscipline);
        assertThat(d.item().receiverName()).isEqualTo("纪委监委");
        assertThat(d.item().status()).isEqualTo(TransferStatus.TRANSFERRED);
        assertThat(d.lead().title()).isEqualTo("收受礼金");
        assertThat(d.lead().description()).isEqualTo("在工程项目验收中收受施工方礼金。");
        assertThat(d.ranks()).containsExactly(Map.entry("处级", 1L), Map.entry("科级", 2L));
        assertThat(d.can().sign()).isTrue();
        assertThat(d.can().unseal()).as("not before the 签收").isFalse();
        assertThat(d.route()).extracting(ReceivingRepository.Route::receiverName).containsExactly("纪委监委");

        ReceivedItemView office = receiving.view(rw.scope("office-a"), toDiscipline);
        assertThat(office.can().content()).isTrue();
        assertThat(office.can().signOnBehalf()).isTrue();
        assertThat(office.can().sign()).isFalse();

        ReceivedItemView team = receiving.view(rw.scope("team-leader"), toDiscipline);
        assertThat(team.item().status()).isEqualTo(TransferStatus.TRANSFERRED);
        assertThat(team.lead()).as("the team reads the status only").isNull();
        assertThat(team.can()).isEqualTo(new ReceivedItemView.Actions(false, false, false, false, false));

        ReceivedItemView audit = receiving.view(rw.scope("audit-dept"), toAudit);
        assertThat(audit.item().receiverName()).isEqualTo("其他部门（甲县审计局）");

        Map<String, Long> outside = Map.of("orgdept-a", toDiscipline, "discipline-b", toDiscipline,
                "target-a1", toDiscipline, "leader-a", toDiscipline, "civil-dept", toAudit, "collaborator-a", toAudit,
                "nd-member", toDiscipline, "office-b", toDiscipline);
        outside.forEach((who, id) -> {
            assertThatThrownBy(() -> receiving.view(rw.scope(who), id)).as(who).isInstanceOf(NotFoundInScope.class);
            assertThatThrownBy(() -> receiving.signFor(rw.scope(who), id, 1)).as(who)
                    .isInstanceOf(NotFoundInScope.class);
            assertThatThrownBy(() -> receiving.unsealPersons(rw.scope(who), id, REASON)).as(who)
                    .isInstanceOf(NotFoundInScope.class);
            assertThatThrownBy(() -> receiving.annex(rw.scope(who), id, REASON)).as(who)
                    .isInstanceOf(NotFoundInScope.class);
        });
        assertThat(item(toDiscipline).get("status")).isEqualTo("TRANSFERRED");
    }

    long pendingCount(String who) {
        List<PendingWork.Item> items = pending.pendingFor(rw.scope(who));
        assertThat(items).allSatisfy(i -> assertThat(i.label()).isEqualTo("待签收的移交件"));
        return items.stream().mapToLong(PendingWork.Item::count).sum();
    }

    @Test
    void pendingWorkCountsWhatWaitsForTheCallersSignatureOnly() {
        assertThat(pendingCount("discipline-a")).isEqualTo(1);
        assertThat(pendingCount("orgdept-a")).isEqualTo(1);
        assertThat(pendingCount("audit-dept")).isEqualTo(1);
        assertThat(pendingCount("civil-dept")).isZero();
        assertThat(pendingCount("discipline-b")).isEqualTo(1);
        for (String who : List.of("target-a1", "leader-a", "office-a", "team-leader")) {
            assertThat(pending.pendingFor(rw.scope(who))).as(who + ": not even a zero").isEmpty();
        }
    }

    // ---- 签收 -------------------------------------------------------------------------------------------------

    @Test
    void signingAt2359LocalTimeCountsThatDayAndDueFallsOnTheLastDayOfFebruary() {
        long id = fresh();
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        clock.freeze(LocalDateTime.of(2026, 11, 30, 23, 59).atZone(clock.getZone()).toInstant());
        receiving.signFor(sw.scope("discipline-a"), id, 1);
        Map<String, Object> row = item(id);
        assertThat(row.get("status")).isEqualTo("SIGNED");
        assertThat(row.get("due_on").toString()).isEqualTo("2027-02-28");
        assertThat(row.get("remind_on").toString()).isEqualTo("2027-02-21");
        assertThat(row.get("signed_by_name")).isEqualTo("李审理");
        assertThat(((Number) row.get("signed_by")).longValue()).isEqualTo(sw.w.user("discipline-a"));
        assertThat(((Number) row.get("row_version")).intValue()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT signed_at FROM transfer_item WHERE id = :id").param("id", id)
                .query(OffsetDateTime.class).single().toInstant()).isEqualTo(clock.instant());
        assertThat(jdbc.sql("SELECT on_behalf FROM transfer_signature WHERE item_id = :id").param("id", id)
                .query(Boolean.class).list()).containsExactly(false);
        assertThat(count("SELECT count(*) FROM audit_record WHERE action = 'REFERRAL_SIGNED' AND object_id = "
                + "CAST(:id AS VARCHAR(64))", id)).isEqualTo(1);
    }

    @Test
    void halfAnHourAfterMidnightLocalIsTheNextDayThoughUtcIsStillTheDayBefore() {
        long id = fresh();
        // 2026-12-01 00:30 in Shanghai is 2026-11-30 16:30 UTC: a UTC date would give 2027-02-28
        clock.freeze(LocalDateTime.of(2026, 12, 1, 0, 30).atZone(clock.getZone()).toInstant());
        receiving.signFor(sw.scope("discipline-a"), id, 1);
        assertThat(item(id).get("due_on").toString()).isEqualTo("2027-03-01");
        assertThat(item(id).get("remind_on").toString()).isEqualTo("2027-02-22");
    }

    @Test
    void signedOnTheThirtyFirstOfAugustIsDueOnTheThirtiethOfNovember() {
        long id = fresh();
        clock.freeze(LocalDateTime.of(2026, 8, 31, 23, 59).atZone(clock.getZone()).toInstant());
        receiving.signFor(sw.scope("discipline-a"), id, 1);
        assertThat(item(id).get("due_on").toString()).isEqualTo("2026-11-30");
        assertThat(item(id).get("remind_on").toString()).isEqualTo("2026-11-23");
    }

    @Test
    void theTransferringOfficesOwnReplyTermSetsTheDueDate() {
        long id = fresh();
        long body = ((Number) item(id).get("body_id")).longValue();
        jdbc.sql("""
                INSERT INTO referral_reply_term (body_id, reply_months, remind_days, progress_cycle, row_version,
                                                 updated_by, updated_by_name, updated_at)
                VALUES (:b, 2, 10, 'MONTHLY', 1, 1, '巡察办', :now)
                """).param("b", body).param("now", OffsetDateTime.now(clock)).update();
        try {
            clock.freeze(LocalDateTime.of(2026, 12, 31, 9, 0).atZone(clock.getZone()).toInstant());
            receiving.signFor(sw.scope("discipline-a"), id, 1);
            // two months after 12-31 is the last day of February; ten days before it is 02-18
            assertThat(item(id).get("due_on").toString()).isEqualTo("2027-02-28");
            assertThat(item(id).get("remind_on").toString()).isEqualTo("2027-02-18");
        } finally {
            jdbc.sql("DELETE FROM referral_reply_term WHERE body_id = :b").param("b", body).update();
        }
    }

    @Test
    void aStaleVersionAndASecondSignatureAreRefusedInChineseWithNothingChanged() {
        long id = fresh();
        assertThatThrownBy(() -> receiving.signFor(sw.scope("discipline-a"), id, 0))
                .isInstanceOf(UserInputException.class).hasMessageContaining("已被他人更新");
        assertThat(item(id).get("status")).isEqualTo("TRANSFERRED");
        assertThat(count("SELECT count(*) FROM transfer_signature WHERE item_id = :id", id)).isZero();

        receiving.signFor(sw.scope("discipline-a"), id, 1);
        assertThatThrownBy(() -> receiving.signFor(sw.scope("discipline-a"), id, 2))
                .isInstanceOf(UserInputException.class).hasMessage("该移交件已由李审理签收，不能重复签收");
        assertThatThrownBy(() -> receiving.signFor(sw.scope("office-a"), id, 2))
                .isInstanceOf(UserInputException.class).hasMessageContaining("不能重复签收");
        assertThat(((Number) item(id).get("row_version")).intValue()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM transfer_signature WHERE item_id = :id", id)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_record WHERE action = 'REFERRAL_SIGNED' AND object_id = "
                + "CAST(:id AS VARCHAR(64))", id)).isEqualTo(1);
    }

    @Test
    void theTransferringOfficeSignsOnBehalfRecordedAsSuchAndNobodyElseSigns() {
        long id = fresh();
        assertThatThrownBy(() -> receiving.signFor(sw.scope("team-leader"), id, 1))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> receiving.signFor(sw.scope("office-city"), id, 1))
                .as("the city office reads its county's items but does not act for them")
                .isInstanceOf(AccessDeniedException.class);
        receiving.signFor(sw.scope("office-a"), id, 1);
        var signature = jdbc.sql("SELECT signed_by_name, on_behalf FROM transfer_signature WHERE item_id = :id")
                .param("id", id).query().singleRow();
        assertThat(signature.get("signed_by_name")).isEqualTo("赵巡察");
        assertThat(signature.get("on_behalf")).isEqualTo(true);
        ReceivedItemView v = receiving.view(sw.scope("discipline-a"), id);
        assertThat(v.signatures()).singleElement().satisfies(s -> {
            assertThat(s.onBehalf()).isTrue();
            assertThat(s.signedByName()).isEqualTo("赵巡察");
        });
        assertThat(v.can().unseal()).as("the receiver unseals after the office signed for it").isTrue();
    }

    @Test
    void theFiltersSplitWaitingSignedAndOverdue() {
        long waiting = fresh();
        long signed = fresh();
        long late = fresh();
        receiving.signFor(sw.scope("discipline-a"), signed, 1);
        clock.setTo(LocalDateTime.now(clock).minusMonths(4));
        receiving.signFor(sw.scope("discipline-a"), late, 1);
        clock.reset();
        var all = List.of(waiting, signed, late);
        assertThat(worklist(sw, "discipline-a", new ReceivedFilter(null, null, ReceivedFilter.Signing.AWAITING)))
                .filteredOn(all::contains).containsExactly(waiting);
        assertThat(worklist(sw, "discipline-a", new ReceivedFilter(null, null, ReceivedFilter.Signing.SIGNED)))
                .filteredOn(all::contains).containsExactlyInAnyOrder(signed, late);
        assertThat(worklist(sw, "discipline-a", new ReceivedFilter(null, null, ReceivedFilter.Signing.OVERDUE)))
                .filteredOn(all::contains).containsExactly(late);
        assertThat(worklist(sw, "discipline-a", new ReceivedFilter(TransferStatus.SIGNED, SubjectKind.LEAD, null)))
                .filteredOn(all::contains).containsExactlyInAnyOrder(signed, late);
        assertThat(worklist(sw, "discipline-a", new ReceivedFilter(null, SubjectKind.PETITION, null)))
                .filteredOn(all::contains).isEmpty();
        assertThat(receiving.view(sw.scope("discipline-a"), late).item().overdue()).isTrue();
        assertThat(receiving.view(sw.scope("discipline-a"), signed).item().overdue()).isFalse();
    }

    // ---- unsealing ----------------------------------------------------------------------------------------------

    @Test
    void theReceiverUnsealsOnlyAfterItsSignatureAndWithAReasonAuditedWithoutNames() {
        long id = fresh();
        assertThatThrownBy(() -> receiving.unsealPersons(sw.scope("discipline-a"), id, REASON))
                .isInstanceOf(UserInputException.class).hasMessage("请先签收该移交件，再查看涉及人员");
        receiving.signFor(sw.scope("discipline-a"), id, 1);
        for (String bad : new String[] {null, "", "   ", "核实"}) {
            assertThatThrownBy(() -> receiving.unsealPersons(sw.scope("discipline-a"), id, bad))
                    .isInstanceOf(UserInputException.class).hasMessageContaining("请写明查看涉及人员的理由");
        }
        assertThat(count("SELECT count(*) FROM transfer_unsealing WHERE item_id = :id", id)).isZero();
        for (String who : List.of("office-a", "team-leader")) {
            assertThatThrownBy(() -> receiving.unsealPersons(sw.scope(who), id, REASON)).as(who)
                    .isInstanceOf(AccessDeniedException.class);
        }

        List<TransferableLeads.OpenedPerson> opened = receiving.unsealPersons(sw.scope("discipline-a"), id,
                "  " + REASON + " ");
        assertThat(opened).extracting(TransferableLeads.OpenedPerson::name).containsExactly(NAME, NAME_2, "丙某");
        assertThat(opened.get(0).idNumber()).isEqualTo(ID);
        assertThat(opened.get(0).post()).isEqualTo(POST);
        var unsealing = jdbc.sql("SELECT id, kind, reason, actor FROM transfer_unsealing WHERE item_id = :id")
                .param("id", id).query().singleRow();
        assertThat(unsealing.get("reason")).isEqualTo(REASON);
        assertThat(unsealing.get("kind")).isEqualTo("PERSONS");
        assertThat(unsealing.get("actor")).isEqualTo("李审理");
        assertThat(jdbc.sql("SELECT detail FROM audit_record WHERE action = 'REFERRAL_PERSONS_UNSEALED' AND object_id"
                + " = :id").param("id", String.valueOf(id)).query(String.class).list())
                .containsExactly("unsealing=" + ((Number) unsealing.get("id")).longValue());
        assertNoAuditRecordSays(NAME, NAME_2, ID, POST, REASON);
        assertThat(receiving.view(sw.scope("discipline-a"), id).unsealings()).singleElement()
                .satisfies(u -> assertThat(u.reason()).isEqualTo(REASON));
        assertThat(receiving.view(sw.scope("office-a"), id).unsealings()).as("the reason is the receiver's").isEmpty();
    }

    void assertNoAuditRecordSays(String... secrets) {
        List<String> rows = jdbc.sql("SELECT concat(actor, '|', action, '|', coalesce(object_type, ''), '|',"
                + " coalesce(object_id, ''), '|', coalesce(detail, '')) FROM audit_record").query(String.class).list();
        assertThat(rows).isNotEmpty();
        for (String secret : secrets) {
            assertThat(rows).as("audit records").noneMatch(r -> r.contains(secret));
        }
    }

    // ---- the annex ------------------------------------------------------------------------------------------------

    @Test
    void theAnnexListsThePersonsOfTheLettersSignedItemsForTheReceiverOnly() throws Exception {
        long first = fresh();
        long second = fresh();
        long unsigned = fresh();
        long letter = ((Number) item(first).get("letter_id")).longValue();
        jdbc.sql("UPDATE transfer_item SET letter_id = :l WHERE id IN (:ids)").param("l", letter)
                .param("ids", List.of(second, unsigned)).update();
        jdbc.sql("UPDATE problem_lead_person SET name_sealed = :n WHERE lead_id = (SELECT subject_id FROM"
                + " transfer_item WHERE id = :id) AND position = 1").param("n", cipher.seal("lead.person.name", "戊某某"))
                .param("id", unsigned).update();
        assertThatThrownBy(() -> receiving.annex(sw.scope("discipline-a"), first, REASON))
                .isInstanceOf(UserInputException.class).hasMessageContaining("请先签收");
        receiving.signFor(sw.scope("discipline-a"), first, 1);
        receiving.signFor(sw.scope("discipline-a"), second, 1);
        assertThatThrownBy(() -> receiving.annex(sw.scope("discipline-a"), first, "看看"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("请写明下载移交函附件的理由");
        for (String who : List.of("office-a", "team-leader")) {
            assertThatThrownBy(() -> receiving.annex(sw.scope(who), first, REASON)).as(who)
                    .isInstanceOf(AccessDeniedException.class);
        }

        Receiving.Annex annex = receiving.annex(sw.scope("discipline-a"), first, REASON);
        String text = WordFiles.text(annex.content());
        assertThat(annex.fileName()).startsWith("移交函附件（测移〔").endsWith(".docx");
        assertThat(text).contains("移交问题线索涉及人员名单").contains(ID).contains(POST).contains("签收线索")
                .contains("共6人").contains("李审理").doesNotContain("${").doesNotContain("戊某某");
        assertThat(text.split(NAME, -1)).as("the first person of both signed items").hasSize(3);
        var unsealing = jdbc.sql("SELECT id, kind, letter_id FROM transfer_unsealing WHERE item_id = :id")
                .param("id", first).query().singleRow();
        assertThat(unsealing.get("kind")).isEqualTo("ANNEX");
        assertThat(((Number) unsealing.get("letter_id")).longValue()).isEqualTo(letter);
        assertThat(jdbc.sql("SELECT detail FROM audit_record WHERE action = 'REFERRAL_ANNEX_DOWNLOADED' AND object_id"
                + " = :id").param("id", String.valueOf(first)).query(String.class).list())
                .containsExactly("letter=" + letter + "; unsealing=" + ((Number) unsealing.get("id")).longValue());
        assertNoAuditRecordSays(NAME, ID, POST, REASON, "戊某某");
    }
}
