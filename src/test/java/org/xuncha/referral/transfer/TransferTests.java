package org.xuncha.referral.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.referral.ItemsTransferred;
import org.xuncha.referral.ReceiverKind;
import org.xuncha.referral.ReferralWorld;
import org.xuncha.referral.SubjectKind;
import org.xuncha.referral.TransferStatus;

/**
 * The office's batch transfer and 转办 on the referral world of county A (清江甲县委巡察机构, letters 清巡移〔年〕n号)
 * and county B (乙县委巡察机构, 乙巡移〔年〕n号): a batch is all or nothing and gives its number back when refused,
 * numbers run without gaps per body and year, a subject is transferred once, 转办 keeps the route, and only the
 * office of the transferring body acts. Each test builds its own leads, so the tests do not depend on their order;
 * counts are taken before and after.
 */
@SpringBootTest(properties = "xuncha.test.context=referral")
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransferTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired FieldCipher cipher;
    @Autowired Transfers transfers;
    @Autowired TransferredItems items;
    @Autowired ApplicationEvents published;

    ReferralWorld rw;
    ReferralWorld.Person one = new ReferralWorld.Person("甲某", null, "科长", "SECTION");
    ReferralWorld.Person two = new ReferralWorld.Person("乙某", null, "副科长", "SECTION");
    int receipts;

    @BeforeAll
    void world() {
        rw = new ReferralWorld(jdbc, encoder, clock, scopes, cipher, "rtr", "5881");
        for (long inspection : List.of(rw.w.inspection, rw.w.noDeputy, rw.w.inspectionB)) {
            long body = jdbc.sql("SELECT body_id FROM inspection WHERE id = :i").param("i", inspection)
                    .query(Long.class).single();
            jdbc.sql("""
                    INSERT INTO intake_inspection (inspection_id, body_id, round_id, team_name, form_cross, stage,
                                                   stationed_on)
                    SELECT i.id, :b, i.round_id, i.team_name, FALSE, 'STATIONED', :on FROM inspection i WHERE i.id = :i
                      AND NOT EXISTS (SELECT 1 FROM intake_inspection x WHERE x.inspection_id = i.id)
                    """).param("b", body).param("on", LocalDate.now(clock)).param("i", inspection).update();
        }
    }

    int year() {
        return LocalDate.now(clock).getYear();
    }

    Transfers.ReceiverChoice discipline(long body) {
        return new Transfers.ReceiverChoice(ReceiverKind.DISCIPLINE, body, null);
    }

    Transfers.Line lead(long id) {
        return new Transfers.Line(SubjectKind.LEAD, id);
    }

    /** A petition of the inspection in handling, disposed DISCIPLINE or OTHER_DEPARTMENT (with its department). */
    long petition(long inspection, String disposition, String department) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        String receipt = "rtr-receipt-" + (++receipts) + "-" + inspection;
        jdbc.sql("""
                INSERT INTO petition (inspection_id, channel, category, content, anonymous, receipt_hash, status,
                                      in_scope, disposition, receiving_department, received_on, received_at,
                                      disposed_at, version)
                VALUES (:i, 'LETTER', 'INTEGRITY', '反映某局长收受礼金。', TRUE, :r, 'HANDLING', :in, :d, :dep, :on,
                        :at, :at, 2)
                """).param("i", inspection).param("r", receipt).param("in", !"OTHER_DEPARTMENT".equals(disposition))
                .param("d", disposition).param("dep", department).param("on", LocalDate.now(clock))
                .param("at", now).update();
        return jdbc.sql("SELECT id FROM petition WHERE receipt_hash = :r").param("r", receipt).query(Long.class)
                .single();
    }

    Integer counter(long body) {
        return jdbc.sql("SELECT last_seq FROM transfer_counter WHERE body_id = :b AND letter_year = :y")
                .param("b", body).param("y", year()).query(Integer.class).optional().orElse(null);
    }

    long count(String sql, long param) {
        return jdbc.sql(sql).param("p", param).query(Long.class).single();
    }

    long audits(String action, long object) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = :a AND object_id = :o").param("a", action)
                .param("o", Long.toString(object)).query(Long.class).single();
    }

    String letterNo(long letter) {
        return jdbc.sql("SELECT letter_no FROM transfer_letter WHERE id = :l").param("l", letter).query(String.class)
                .single();
    }

    long item(SubjectKind kind, long subject) {
        return jdbc.sql("SELECT id FROM transfer_item WHERE subject_kind = :k AND subject_id = :s")
                .param("k", kind.name()).param("s", subject).query(Long.class).single();
    }

    @Test
    void aBatchWritesOneLetterOneItemAndRoutePerLineAndMarksEachSubject() {
        long l1 = rw.reportedLead(rw.w.inspection, "批量线索一", "INTEGRITY", List.of(one, two));
        long p1 = petition(rw.w.inspection, "DISCIPLINE", null);
        long letter = transfers.transferBatch(rw.scope("office-a"), List.of(lead(l1),
                new Transfers.Line(SubjectKind.PETITION, p1)), discipline(rw.w.countyA), "请按期反馈");

        assertThat(letterNo(letter)).matches("清巡移〔" + year() + "〕\\d+号");
        var row = jdbc.sql("SELECT item_count, receiver_kind, receiver_body_id, note FROM transfer_letter WHERE id = :l")
                .param("l", letter).query().singleRow();
        assertThat(((Number) row.get("item_count")).intValue()).isEqualTo(2);
        assertThat(row.get("receiver_kind")).isEqualTo("DISCIPLINE");
        assertThat(((Number) row.get("receiver_body_id")).longValue()).isEqualTo(rw.w.countyA);
        assertThat(row.get("note")).isEqualTo("请按期反馈");
        var lines = jdbc.sql("""
                SELECT t.subject_kind, t.person_count, t.status, t.inspection_id, r.position
                FROM transfer_item t JOIN transfer_item_route r ON r.item_id = t.id
                WHERE t.letter_id = :l ORDER BY t.id
                """).param("l", letter).query((rs, n) -> rs.getString(1) + "/" + rs.getInt(2) + "/" + rs.getString(3)
                + "/" + (rs.getLong(4) == rw.w.inspection) + "/" + rs.getInt(5)).list();
        assertThat(lines).containsExactly("LEAD/2/TRANSFERRED/true/1", "PETITION/0/TRANSFERRED/true/1");
        assertThat(jdbc.sql("SELECT transferred_to FROM problem_lead WHERE id = :l").param("l", l1)
                .query(String.class).single()).isEqualTo("清江甲县纪委监委");
        assertThat(jdbc.sql("SELECT transferred_to FROM petition WHERE id = :p").param("p", p1)
                .query(String.class).single()).isEqualTo("清江甲县纪委监委");
        assertThat(audits("TRANSFER_BATCH_ISSUED", letter)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT detail FROM audit_record WHERE action = 'TRANSFER_BATCH_ISSUED' AND object_id = :o")
                .param("o", Long.toString(letter)).query(String.class).single()).contains("count=2")
                .doesNotContain("批量线索一", "甲某");
        List<ItemsTransferred> events = published.stream(ItemsTransferred.class)
                .filter(e -> e.letterId() == letter).toList();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).items()).extracting(ItemsTransferred.Item::subjectKind, ItemsTransferred.Item::subjectId,
                ItemsTransferred.Item::routePosition).containsExactly(
                org.assertj.core.groups.Tuple.tuple(SubjectKind.LEAD, l1, 1),
                org.assertj.core.groups.Tuple.tuple(SubjectKind.PETITION, p1, 1));
    }

    @Test
    void aLineWithdrawnMeanwhileRefusesTheWholeBatchAndGivesTheNumberBack() {
        long ok = rw.reportedLead(rw.w.inspection, "完好线索", "INTEGRITY", List.of(one));
        long first = rw.reportedLead(rw.w.inspection, "先移交线索", "INTEGRITY", List.of(one));
        transfers.transferBatch(rw.scope("office-a"), List.of(lead(first)), discipline(rw.w.countyA), null);
        Integer before = counter(rw.w.countyA);
        long letters = count("SELECT count(*) FROM transfer_letter WHERE body_id = :p", rw.w.countyA);
        long withdrawn = rw.reportedLead(rw.w.inspection, "撤回线索", "INTEGRITY", List.of(one));
        jdbc.sql("UPDATE problem_lead SET status = 'WITHDRAWN' WHERE id = :l").param("l", withdrawn).update();

        assertThatThrownBy(() -> transfers.transferBatch(rw.scope("office-a"), List.of(lead(ok), lead(withdrawn)),
                discipline(rw.w.countyA), null)).isInstanceOf(UserInputException.class)
                .hasMessage("第 2 条已不在待移交清单中（可能已撤回、已办结或已移交），本批未移交");
        assertThat(counter(rw.w.countyA)).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM transfer_letter WHERE body_id = :p", rw.w.countyA)).isEqualTo(letters);
        assertThat(count("SELECT count(*) FROM transfer_item WHERE subject_kind = 'LEAD' AND subject_id = :p", ok))
                .isZero();
        assertThat(count("SELECT count(*) FROM problem_lead WHERE transferred_at IS NOT NULL AND id = :p", ok)).isZero();
    }

    @Test
    void theUniqueKeyIsTheLastGuardAndItsViolationReadsInChineseWithNothingWritten() {
        long ok = rw.reportedLead(rw.w.inspection, "守卫线索", "INTEGRITY", List.of(one));
        long p = petition(rw.w.inspection, "DISCIPLINE", null);
        long other = rw.reportedLead(rw.w.inspection, "占位线索", "INTEGRITY", List.of(one));
        long placeholder = rw.transferred(other, ReceiverKind.DISCIPLINE, rw.w.countyA, null, 0);
        // an item for the petition whose mark was lost: the petition still reads as transferable
        jdbc.sql("UPDATE transfer_item SET subject_kind = 'PETITION', subject_id = :p WHERE id = :i")
                .param("p", p).param("i", placeholder).update();
        Integer before = counter(rw.w.countyA);
        long letters = count("SELECT count(*) FROM transfer_letter WHERE body_id = :p", rw.w.countyA);

        assertThatThrownBy(() -> transfers.transferBatch(rw.scope("office-a"), List.of(lead(ok),
                new Transfers.Line(SubjectKind.PETITION, p)), discipline(rw.w.countyA), null))
                .isInstanceOf(UserInputException.class)
                .hasMessage("第 2 条（信访件：违反廉洁纪律（贪污、受贿、吃拿卡要））已经移交过，不能重复移交；本批未移交");
        assertThat(counter(rw.w.countyA)).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM transfer_letter WHERE body_id = :p", rw.w.countyA)).isEqualTo(letters);
        assertThat(count("SELECT count(*) FROM problem_lead WHERE transferred_at IS NOT NULL AND id = :p", ok)).isZero();
        assertThat(count("SELECT count(*) FROM petition WHERE transferred_at IS NOT NULL AND id = :p", p)).isZero();
    }

    @Test
    void numbersRunWithoutGapsPerBodyAndYearAndASecondTransferIsRefused() {
        long a1 = rw.reportedLead(rw.w.inspection, "编号线索一", "INTEGRITY", List.of(one));
        long a2 = rw.reportedLead(rw.w.inspection, "编号线索二", "ORGANIZATIONAL", List.of(one));
        long b1 = rw.reportedLead(rw.w.inspectionB, "乙县编号线索", "INTEGRITY", List.of(one));
        long first = transfers.transferBatch(rw.scope("office-a"), List.of(lead(a1)), discipline(rw.w.countyA), null);
        int n = jdbc.sql("SELECT letter_seq FROM transfer_letter WHERE id = :l").param("l", first)
                .query(Integer.class).single();
        assertThatThrownBy(() -> transfers.transferBatch(rw.scope("office-a"), List.of(lead(a1)),
                discipline(rw.w.countyA), null)).isInstanceOf(UserInputException.class)
                .hasMessage("第 1 条已不在待移交清单中（可能已撤回、已办结或已移交），本批未移交");
        long second = transfers.transferBatch(rw.scope("office-a"), List.of(lead(a2)),
                new Transfers.ReceiverChoice(ReceiverKind.ORG_DEPT, null, null), null);
        assertThat(letterNo(first)).isEqualTo("清巡移〔" + year() + "〕" + n + "号");
        assertThat(letterNo(second)).isEqualTo("清巡移〔" + year() + "〕" + (n + 1) + "号");
        assertThat(counter(rw.w.countyA)).isEqualTo(n + 1);
        Integer bBefore = counter(rw.w.countyB);
        long ofB = transfers.transferBatch(rw.scope("office-b"), List.of(lead(b1)), discipline(rw.w.countyB), null);
        int expectedB = (bBefore == null ? 0 : bBefore) + 1;
        assertThat(letterNo(ofB)).isEqualTo("乙巡移〔" + year() + "〕" + expectedB + "号");
        // seqs of county A are 1..last without a hole
        List<Integer> seqs = jdbc.sql("SELECT letter_seq FROM transfer_letter WHERE body_id = :b AND letter_year = :y ORDER BY letter_seq")
                .param("b", rw.w.countyA).param("y", year()).query(Integer.class).list();
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).isEqualTo(i + 1);
        }
    }

    @Test
    void redirectMovesTheItemToANewReceiverInANewLetterAndKeepsItsRoute() {
        long l = rw.reportedLead(rw.w.inspection, "转办线索", "INTEGRITY", List.of(one, two));
        long firstLetter = transfers.transferBatch(rw.scope("office-a"), List.of(lead(l)), discipline(rw.w.countyA),
                null);
        long item = item(SubjectKind.LEAD, l);
        jdbc.sql("""
                UPDATE transfer_item SET status = 'SIGNED', signed_by = 1, signed_by_name = '纪委签收人',
                    signed_at = transferred_at, due_on = :due, row_version = 2 WHERE id = :i
                """).param("due", LocalDate.now(clock).plusMonths(3)).param("i", item).update();
        var toOrg = new Transfers.ReceiverChoice(ReceiverKind.ORG_DEPT, rw.w.countyA, null);
        assertThatThrownBy(() -> transfers.redirect(rw.scope("office-a"), item, 2, toOrg, "  "))
                .hasMessage("请填写转办理由");
        assertThatThrownBy(() -> transfers.redirect(rw.scope("office-a"), item, 2, discipline(rw.w.countyA), "理由"))
                .hasMessage("转办须选择另一接收单位");
        assertThatThrownBy(() -> transfers.redirect(rw.scope("office-a"), item, 1, toOrg, "理由"))
                .hasMessage("该事项已被他人修改，请刷新后重试");

        long second = transfers.redirect(rw.scope("office-a"), item, 2, toOrg, "属选人用人问题");
        assertThat(second).isNotEqualTo(firstLetter);
        int seq1 = jdbc.sql("SELECT letter_seq FROM transfer_letter WHERE id = :l").param("l", firstLetter)
                .query(Integer.class).single();
        assertThat(jdbc.sql("SELECT letter_seq FROM transfer_letter WHERE id = :l").param("l", second)
                .query(Integer.class).single()).isGreaterThan(seq1);
        var now = jdbc.sql("""
                SELECT status, receiver_kind, letter_id, signed_by_name, signed_at, due_on, row_version
                FROM transfer_item WHERE id = :i""").param("i", item).query().singleRow();
        assertThat(now.get("status")).isEqualTo("TRANSFERRED");
        assertThat(now.get("receiver_kind")).isEqualTo("ORG_DEPT");
        assertThat(((Number) now.get("letter_id")).longValue()).isEqualTo(second);
        assertThat(now.get("signed_by_name")).isNull();
        assertThat(now.get("signed_at")).isNull();
        assertThat(now.get("due_on")).isNull();
        assertThat(((Number) now.get("row_version")).intValue()).isEqualTo(3);
        var route = items.item(rw.scope("office-a"), item).route();
        assertThat(route).extracting(TransferRepository.RouteRow::position, TransferRepository.RouteRow::receiverKind,
                TransferRepository.RouteRow::letterId, TransferRepository.RouteRow::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, ReceiverKind.DISCIPLINE, firstLetter, null),
                org.assertj.core.groups.Tuple.tuple(2, ReceiverKind.ORG_DEPT, second, "属选人用人问题"));
        assertThat(route.get(1).receiverLabel()).isEqualTo("清江甲县委组织部");
        // the first letter still lists the item, as it was carried then
        assertThat(items.letter(rw.scope("office-a"), firstLetter).items()).extracting(i -> i.item().id())
                .containsExactly(item);
        assertThat(audits("TRANSFER_ITEM_REDIRECTED", item)).isEqualTo(1);

        jdbc.sql("UPDATE transfer_item SET status = 'CLOSED' WHERE id = :i").param("i", item).update();
        assertThatThrownBy(() -> transfers.redirect(rw.scope("office-a"), item, 3, discipline(rw.w.countyA), "再转"))
                .hasMessage("事项“已办结”，不能转办");
    }

    @Test
    void onlyTheOfficeOfTheTransferringBodyTransfersAndRedirects() {
        long l = rw.reportedLead(rw.w.inspection, "范围线索", "INTEGRITY", List.of(one));
        assertThat(transfers.awaiting(rw.scope("office-b"))).noneMatch(a -> a.subjectId() == l);
        assertThat(transfers.awaiting(rw.scope("office-city"))).noneMatch(a -> a.subjectId() == l);
        assertThat(transfers.awaiting(rw.scope("office-a"))).anyMatch(a -> a.kind() == SubjectKind.LEAD
                && a.subjectId() == l && a.suggestedKind() == ReceiverKind.DISCIPLINE);
        for (String office : List.of("office-b", "office-city")) {
            assertThatThrownBy(() -> transfers.transferBatch(rw.scope(office), List.of(lead(l)),
                    new Transfers.ReceiverChoice(ReceiverKind.DISCIPLINE, null, null), null)).as(office).isInstanceOf(UserInputException.class)
                    .hasMessageContaining("已不在待移交清单中");
        }
        for (String who : List.of("team-leader", "discipline-a", "target-a1", "leader-a")) {
            assertThatThrownBy(() -> transfers.transferBatch(rw.scope(who), List.of(lead(l)),
                    discipline(rw.w.countyA), null)).as(who).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> transfers.transferBatch(rw.scope("office-a"), List.of(lead(l)),
                discipline(rw.w.countyB), null)).hasMessage("接收单位所属的党委（巡察机构）不在本机构可选范围内");
        long letter = transfers.transferBatch(rw.scope("office-a"), List.of(lead(l)), discipline(rw.w.countyA), null);
        long item = item(SubjectKind.LEAD, l);

        var all = new TransferRepository.Filter(null, null, null, null);
        assertThat(items.list(rw.scope("office-city"), all, 0, 200).items()).anyMatch(t -> t.id() == item);
        assertThat(items.list(rw.scope("office-b"), all, 0, 200).items()).noneMatch(t -> t.id() == item);
        assertThatThrownBy(() -> items.item(rw.scope("office-b"), item)).isInstanceOf(NotFoundInScope.class);
        assertThatThrownBy(() -> items.letter(rw.scope("office-b"), letter)).isInstanceOf(NotFoundInScope.class);
        assertThat(items.item(rw.scope("office-city"), item).canRedirect()).isFalse();
        assertThat(items.item(rw.scope("office-a"), item).canRedirect()).isTrue();
        var toOrg = new Transfers.ReceiverChoice(ReceiverKind.ORG_DEPT, rw.w.countyA, null);
        assertThatThrownBy(() -> transfers.redirect(rw.scope("office-city"), item, 1, toOrg, "理由"))
                .isInstanceOf(NotFoundInScope.class);
        assertThatThrownBy(() -> transfers.redirect(rw.scope("office-b"), item, 1, toOrg, "理由"))
                .isInstanceOf(NotFoundInScope.class);
        assertThat(TransferStatus.valueOf(jdbc.sql("SELECT status FROM transfer_item WHERE id = :i").param("i", item)
                .query(String.class).single())).isEqualTo(TransferStatus.TRANSFERRED);
    }

    @Test
    void petitionsDisposedToAnotherBodyAwaitTransferWithTheirReceiverAndBecomeItems() {
        long toDept = petition(rw.w.noDeputy, "OTHER_DEPARTMENT", "甲县民政局");
        long self = petition(rw.w.noDeputy, "SELF", null);
        List<Transfers.Awaiting> awaiting = transfers.awaiting(rw.scope("office-a"));
        assertThat(awaiting).noneMatch(a -> a.kind() == SubjectKind.PETITION && a.subjectId() == self);
        Transfers.Awaiting line = awaiting.stream().filter(a -> a.kind() == SubjectKind.PETITION
                && a.subjectId() == toDept).findFirst().orElseThrow();
        assertThat(line.suggestedKind()).isEqualTo(ReceiverKind.DEPARTMENT);
        assertThat(line.suggestedDepartment()).isEqualTo("甲县民政局");
        assertThat(line.violationLabel()).isEqualTo("转其他部门");
        assertThatThrownBy(() -> transfers.transferBatch(rw.scope("office-a"),
                List.of(new Transfers.Line(SubjectKind.PETITION, toDept)),
                new Transfers.ReceiverChoice(ReceiverKind.DEPARTMENT, null, " "), null))
                .hasMessage("移交其他部门时请填写接收部门名称");
        long letter = transfers.transferBatch(rw.scope("office-a"),
                List.of(new Transfers.Line(SubjectKind.PETITION, toDept)),
                new Transfers.ReceiverChoice(ReceiverKind.DEPARTMENT, null, "甲县民政局"), null);
        var petitions = items.list(rw.scope("office-a"),
                new TransferRepository.Filter(null, ReceiverKind.DEPARTMENT, SubjectKind.PETITION, rw.w.noDeputy), 0, 50);
        assertThat(petitions.items()).singleElement().satisfies(t -> {
            assertThat(t.subjectId()).isEqualTo(toDept);
            assertThat(t.letterId()).isEqualTo(letter);
            assertThat(t.receiverDepartment()).isEqualTo("甲县民政局");
            assertThat(t.receiverLabel()).isEqualTo("甲县民政局");
        });
        assertThat(jdbc.sql("SELECT status FROM petition WHERE id = :p").param("p", toDept).query(String.class)
                .single()).as("intake keeps its own status").isEqualTo("HANDLING");
        assertThat(transfers.awaiting(rw.scope("office-a"))).noneMatch(a -> a.kind() == SubjectKind.PETITION
                && a.subjectId() == toDept);
    }
}
