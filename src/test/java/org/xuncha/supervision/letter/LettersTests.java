package org.xuncha.supervision.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.common.DataScope;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.PendingWork;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.WorkingDays;
import org.xuncha.common.BodyId;
import org.xuncha.rectification.ledger.LedgerWorlds;
import org.xuncha.supervision.LetterKind;
import org.xuncha.supervision.LetterStatus;

/**
 * The supervision letters (issue 15 §1): generated from an organization's ledger by kind, numbered per body and
 * year, delivered, signed for, answered, settled or returned; refusals that change nothing; each role's scope (the
 * TARGET of another organization, the office of another county, DISCIPLINE that reads and cannot write); 待办; the
 * pages and the API. World under prefix "slt", city 6101.
 */
@SpringBootTest(properties = "xuncha.test.context=rectification-ledger")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LettersTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired Letters letters;
    @Autowired LetterRepository repository;
    @Autowired LetterPendingWork pending;
    @Autowired LetterDocuments documents;
    @Autowired WorkingDays workingDays;
    @Autowired MockMvc mvc;

    LedgerWorlds.World lw;
    long overdue;
    long soon;
    long later;
    long returned;
    long feedback;

    @BeforeAll
    void world() {
        lw = LedgerWorlds.of(jdbc, encoder, clock, scopes, "slt", "6101");
        feedback = lw.deliveredFeedback(lw.feedbackInspection(), lw.a1(), 30);
        long plan = lw.plan(feedback, "APPROVED");
        overdue = lw.item(plan, lw.problem(feedback, 1, "公务接待超标准。"), 1, -3, "IN_PROGRESS");
        soon = lw.item(plan, lw.problem(feedback, 2, "三重一大制度执行不到位。"), 2, 5, "IN_PROGRESS");
        later = lw.item(plan, lw.problem(feedback, 3, "档案管理不规范。"), 3, 90, "NOT_STARTED");
        returned = lw.item(plan, lw.problem(feedback, 4, "选人用人程序不规范。"), 4, 60, "IN_PROGRESS");
        jdbc.sql("UPDATE rectification_item SET move_reason = '佐证材料不足' WHERE id = :i").param("i", returned).update();
    }

    DataScope office() {
        return lw.scope("office-a");
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM supervision_letter l JOIN party_organization o ON o.id = l.organization_id"
                + " WHERE o.code LIKE 'slt%'").query(Long.class).single();
    }

    @Test
    void eachKindListsTheItemsOfItsLedgerState() {
        long s = letters.draft(office(), lw.a1(), LetterKind.SUPERVISE, List.of(), null);
        assertThat(repository.items(s)).extracting(LetterRepository.LetterItem::itemId)
                .containsExactly(overdue, returned);
        assertThat(repository.items(s)).extracting(LetterRepository.LetterItem::conditionLabel)
                .containsExactly("逾期未完成", "被退回整改");
        long r = letters.draft(office(), lw.a1(), LetterKind.REMIND, List.of(), null);
        assertThat(repository.items(r)).extracting(LetterRepository.LetterItem::itemId).containsExactly(soon);
        assertThat(letters.found(office(), r).content()).contains("整改情况报告").contains("主要负责人组织落实情况报告")
                .contains("尚未报送");
        long w = letters.draft(office(), lw.a1(), LetterKind.WARN, List.of(), null);
        assertThat(repository.items(w)).extracting(LetterRepository.LetterItem::itemId).containsExactly(overdue);
        assertThat(repository.items(w).get(0).conditionLabel()).isEqualTo("红色预警");
        assertThat(letters.found(office(), w).status()).isEqualTo(LetterStatus.DRAFT);
    }

    @Test
    void chosenItemsNarrowTheLetterAndAnItemTheKindDoesNotListIsRefused() {
        long s = letters.draft(office(), lw.a1(), LetterKind.SUPERVISE, List.of(returned), 5);
        assertThat(repository.items(s)).extracting(LetterRepository.LetterItem::itemId).containsExactly(returned);
        assertThat(letters.found(office(), s).answerWorkingDays()).isEqualTo(5);
        long before = count();
        assertThatThrownBy(() -> letters.draft(office(), lw.a1(), LetterKind.SUPERVISE, List.of(later), null))
                .isInstanceOf(UserInputException.class).hasMessageContaining("不是该单位当前应列入督办函");
        assertThatThrownBy(() -> letters.draft(office(), lw.a1(), LetterKind.WARN, List.of(), 0))
                .isInstanceOf(UserInputException.class).hasMessageContaining("1 至 60 个工作日");
        assertThatThrownBy(() -> letters.draft(office(), lw.a1(), null, List.of(), null))
                .isInstanceOf(UserInputException.class).hasMessageContaining("请选择函件类别");
        // a2 has no ledger at all: nothing to press, nothing drafted
        assertThatThrownBy(() -> letters.draft(office(), lw.a2(), LetterKind.WARN, List.of(), null))
                .isInstanceOf(UserInputException.class).hasMessageContaining("没有应列入预警函");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void lettersAreNumberedPerBodyAndYearWithoutGaps() {
        int year = LocalDate.now(clock).getYear();
        long a = letters.draft(office(), lw.a1(), LetterKind.SUPERVISE, List.of(), null);
        long b = letters.draft(office(), lw.a1(), LetterKind.WARN, List.of(), null);
        LetterRepository.Letter la = letters.found(office(), a);
        LetterRepository.Letter lb = letters.found(office(), b);
        int seqA = Integer.parseInt(la.letterNo().replaceAll(".*〕(\\d+)号", "$1"));
        assertThat(la.letterNo()).isEqualTo("清巡督〔" + year + "〕" + seqA + "号");
        assertThat(lb.letterNo()).isEqualTo("清巡督〔" + year + "〕" + (seqA + 1) + "号");
        assertThat(Letters.letterNo("中共清江市委巡察机构", 2026, 3)).isEqualTo("清巡督〔2026〕3号");
        // the counter belongs to the body: another body starts its own numbering
        assertThat(jdbc.sql("SELECT last_seq FROM supervision_letter_counter WHERE body_id = :b AND letter_year = :y")
                .param("b", la.bodyId()).param("y", year).query(Integer.class).single()).isEqualTo(seqA + 1);
    }

    @Test
    void concurrentDraftsOfOneBodyGetDistinctConsecutiveNumbers() throws Exception {
        int threads = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Long>> drafts = new java.util.ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                drafts.add(pool.submit(() -> {
                    start.await();
                    return letters.draft(office(), lw.a1(), LetterKind.SUPERVISE, List.of(), null);
                }));
            }
            start.countDown();
            java.util.Set<Integer> seqs = new java.util.TreeSet<>();
            for (var d : drafts) {
                long id = d.get(60, java.util.concurrent.TimeUnit.SECONDS);
                seqs.add(jdbc.sql("SELECT letter_seq FROM supervision_letter WHERE id = :id").param("id", id)
                        .query(Integer.class).single());
            }
            assertThat(seqs).hasSize(threads);
            int first = seqs.iterator().next();
            assertThat(seqs).containsExactly(first, first + 1, first + 2, first + 3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theLetterRunsFromDraftToSettledWithAReturnOnTheWayAndEveryStepAudited() {
        DataScope target = lw.scope("target-a1");
        long id = letters.draft(office(), lw.a1(), LetterKind.WARN, List.of(), 3);
        assertThatThrownBy(() -> letters.found(target, id)).isInstanceOf(NotFoundInScope.class);
        letters.deliver(office(), id, 1);
        LetterRepository.Letter l = letters.found(target, id);
        LocalDate today = LocalDate.now(clock);
        assertThat(l.status()).isEqualTo(LetterStatus.DELIVERED);
        assertThat(l.answerDueOn()).isEqualTo(workingDays.plusWorkingDays(BodyId.of(l.bodyId()), today, 3));
        assertThatThrownBy(() -> letters.deliver(office(), id, 2)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("不能送达");
        assertThatThrownBy(() -> letters.signFor(office(), id, 2)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> letters.signFor(target, id, 1)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("已被他人更新");
        letters.signFor(target, id, 2);
        assertThatThrownBy(() -> letters.answer(target, id, 3, " ", null, null)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("请填写答复内容");
        assertThatThrownBy(() -> letters.answer(target, id, 3, "已整改", "a.exe", new byte[] {'M', 'Z', 1, 2}))
                .isInstanceOf(UserInputException.class);
        assertThat(letters.found(target, id).status()).isEqualTo(LetterStatus.SIGNED);
        letters.answer(target, id, 3, "已约谈责任人，限期整改。", null, null);
        assertThatThrownBy(() -> letters.giveBack(office(), id, 4, "")).isInstanceOf(UserInputException.class);
        letters.giveBack(office(), id, 4, "答复未说明整改时限");
        l = letters.found(target, id);
        assertThat(l.status()).isEqualTo(LetterStatus.SIGNED);
        assertThat(l.returnedReason()).isEqualTo("答复未说明整改时限");
        letters.answer(target, id, 5, "已约谈责任人，6月底前整改到位。", null, null);
        assertThatThrownBy(() -> letters.settle(lw.scope("discipline-a"), id, 6))
                .isInstanceOf(AccessDeniedException.class);
        letters.settle(office(), id, 6);
        assertThat(letters.found(office(), id).status()).isEqualTo(LetterStatus.SETTLED);
        assertThat(jdbc.sql("SELECT action FROM audit_record WHERE object_type = 'SupervisionLetter' AND object_id = :id"
                        + " ORDER BY seq").param("id", String.valueOf(id)).query(String.class).list())
                .containsExactly("SUPERVISION_LETTER_DRAFTED", "SUPERVISION_LETTER_DELIVERED",
                        "SUPERVISION_LETTER_SIGNED", "SUPERVISION_LETTER_ANSWERED", "SUPERVISION_LETTER_RETURNED",
                        "SUPERVISION_LETTER_ANSWERED", "SUPERVISION_LETTER_SETTLED");
    }

    @Test
    void anUnansweredLetterPastItsDueDateIsMarkedAndCountedAsPendingWork() {
        long id = letters.draft(office(), lw.a1(), LetterKind.SUPERVISE, List.of(), 1);
        letters.deliver(office(), id, 1);
        jdbc.sql("UPDATE supervision_letter SET answer_due_on = :d WHERE id = :id")
                .param("d", LocalDate.now(clock).minusDays(1)).param("id", id).update();
        DataScope target = lw.scope("target-a1");
        assertThat(letters.page(target, id).overdue()).isTrue();
        assertThat(letters.list(office(), new LetterRepository.Filter(null, null, null, true), 0, 50).items())
                .extracting(LetterRepository.Letter::id).contains(id);
        PendingWork.Item toSign = pending.pendingFor(target).stream()
                .filter(i -> i.label().equals(LetterPendingWork.TO_SIGN)).findFirst().orElseThrow();
        assertThat(toSign.count()).isGreaterThanOrEqualTo(1);
        assertThat(toSign.overdue()).isGreaterThanOrEqualTo(1);
        assertThat(pending.pendingFor(lw.scope("target-a2")).stream().mapToLong(PendingWork.Item::count).sum())
                .isZero();
        assertThat(pending.pendingFor(lw.scope("discipline-a"))).isEmpty();
    }

    @Test
    void eachRoleSeesOnlyWhatItMayAndOnlyTheOfficeOfTheBodyWrites() {
        long id = letters.draft(office(), lw.a1(), LetterKind.SUPERVISE, List.of(), null);
        letters.deliver(office(), id, 1);
        assertThat(letters.found(lw.scope("target-a1"), id).id()).isEqualTo(id);
        assertThat(letters.found(lw.scope("office-city"), id).id()).isEqualTo(id);
        assertThat(letters.found(lw.scope("discipline-a"), id).id()).isEqualTo(id);
        assertThat(letters.found(lw.scope("orgdept-a"), id).id()).isEqualTo(id);
        for (String other : List.of("target-a2", "target-b1", "office-b", "collaborator-a")) {
            assertThatThrownBy(() -> letters.found(lw.scope(other), id)).as(other)
                    .isInstanceOf(NotFoundInScope.class);
            assertThat(letters.list(lw.scope(other), new LetterRepository.Filter(null, null, null, false), 0, 50)
                    .items()).as(other).extracting(LetterRepository.Letter::id).doesNotContain(id);
        }
        assertThatThrownBy(() -> letters.signFor(lw.scope("target-a2"), id, 2)).isInstanceOf(NotFoundInScope.class);
        assertThatThrownBy(() -> letters.draft(lw.scope("discipline-a"), lw.a1(), LetterKind.WARN, List.of(), null))
                .isInstanceOf(AccessDeniedException.class);
        long before = count();
        assertThatThrownBy(() -> letters.draft(lw.scope("office-b"), lw.a1(), LetterKind.WARN, List.of(), null))
                .isInstanceOf(UserInputException.class).hasMessage("该单位不在本巡察机构的监督范围内，不能对其发函");
        assertThatThrownBy(() -> letters.draft(lw.scope("office-city"), lw.a1(), LetterKind.WARN, List.of(), null))
                .isInstanceOf(UserInputException.class).hasMessageContaining("不在本巡察机构的监督范围内");
        assertThat(count()).isEqualTo(before);
        assertThatThrownBy(() -> letters.deliver(lw.scope("office-city"), id, 2))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theWordFileCarriesTheNumberTheTextAndTheItems() throws Exception {
        long id = letters.draft(office(), lw.a1(), LetterKind.WARN, List.of(), null);
        byte[] docx = documents.docx(office(), id).content();
        String text = org.xuncha.documents.WordFiles.text(docx);
        assertThat(text).contains(letters.found(office(), id).letterNo()).contains("甲县水务局党组")
                .contains("公务接待超标准").contains("红色预警").doesNotContain("${");
    }

    @Test
    void thePagesDraftDeliverSignAndAnswerWithPostRedirectGet() throws Exception {
        String location = mvc.perform(post("/supervision/letters").with(lw.as("office-a")).with(csrf())
                        .param("organization", String.valueOf(lw.a1())).param("kind", "SUPERVISE")
                        .param("items", String.valueOf(overdue)).param("answerDays", "10"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/supervision/letters/*"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(get(location).with(lw.as("office-a"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("deliver-button")));
        mvc.perform(post(location + "/deliver").with(lw.as("office-a")).with(csrf()).param("version", "1"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/supervision/letters").with(lw.as("target-a1"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-letter-id=\"" + id + "\"")));
        mvc.perform(get("/supervision/letters").with(lw.as("target-a2"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("data-letter-id=\"" + id + "\""))));
        mvc.perform(get(location).with(lw.as("target-a2"))).andExpect(status().isNotFound());
        mvc.perform(post(location + "/sign").with(lw.as("target-a1")).with(csrf()).param("version", "2"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(multipart(location + "/answer").file(new MockMultipartFile("file", "答复.pdf",
                        "application/pdf", new byte[] {'M', 'Z', 0, 1, 2, 3}))
                        .param("version", "3").param("text", "已整改").with(lw.as("target-a1")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("letter-error")));
        assertThat(letters.found(office(), id).status()).isEqualTo(LetterStatus.SIGNED);
        mvc.perform(multipart(location + "/answer").file(new MockMultipartFile("file", "答复.pdf",
                        "application/pdf", "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes()))
                        .param("version", "3").param("text", "已整改到位")
                        .with(lw.as("target-a1")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/supervision/letters/" + id).with(lw.as("target-a1"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ANSWERED")).andExpect(jsonPath("$.kindLabel").value("督办函"))
                .andExpect(jsonPath("$.items[0].itemId").value(overdue))
                .andExpect(jsonPath("$.attachment").value("答复.pdf"));
        mvc.perform(get(location + "/attachment").with(lw.as("office-a"))).andExpect(status().isOk());
        mvc.perform(post("/supervision/letters").with(lw.as("discipline-a")).with(csrf())
                .param("organization", String.valueOf(lw.a1())).param("kind", "WARN")).andExpect(status().isForbidden());
        mvc.perform(post("/supervision/letters").with(lw.as("office-b")).with(csrf())
                        .param("organization", String.valueOf(lw.a1())).param("kind", "WARN"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("不在本巡察机构的监督范围内")));
        mvc.perform(get("/supervision/letters/candidates").with(lw.as("office-a"))
                        .param("organization", String.valueOf(lw.a1())).param("kind", "REMIND"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("item-" + soon)));
        mvc.perform(get("/supervision/letters/" + id + "/docx").with(lw.as("target-a1"))).andExpect(status().isOk());
    }
}
