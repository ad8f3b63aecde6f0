package org.xuncha.rectification.redcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.common.OrganizationId;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.RedCardCounts;
import org.xuncha.rectification.RedCardFigures;
import org.xuncha.rectification.RedCardKind;
import org.xuncha.rectification.RedCardStatus;
import org.xuncha.rectification.internal.RedCardStore;
import org.xuncha.rectification.ledger.LedgerWorld;

/**
 * Deciding and reading red cards (issue 14 §6): 认定 and 撤销 need a written reason and only the office of the card's
 * body decides (leading group, 纪委监委, 组织部 and the city office read but are refused, another county's office and
 * the TARGET do not find a raised card), once; the TARGET reads only confirmed cards of its own items and never the
 * other organization's name or text; a county office reads a card whose other item is another county's without that
 * item; the confirmed card marks the ledger (有红牌), counts in {@link RedCardFigures} and the office's 待办 counts the
 * raised ones. Cards are planted through {@link RedCardStore#raise} on evidence rows of the ledger's world. City code
 * 6022.
 */
@SpringBootTest(properties = "xuncha.test.context=rectification-ledger")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedCardDecisionTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired RedCards cards;
    @Autowired RedCardStore store;
    @Autowired RedCardFigures figures;
    @Autowired RedCardPendingWork pending;
    @Autowired MockMvc mvc;

    LedgerWorld lw;
    long planA1;
    long planA2;
    long planB1;
    int next;

    static final String A2_TEXT = "甲县财政局党组报送的整改进展原文，绝不可让他单位看到。";

    @BeforeAll
    void world() {
        lw = new LedgerWorld(jdbc, encoder, clock, scopes, "rcd", "6022");
        planA1 = lw.plan(lw.deliveredFeedback(lw.w.feedback, lw.w.a1, 40), "APPROVED");
        planA2 = lw.plan(lw.deliveredFeedback(lw.w.feedback, lw.a2, 40), "APPROVED");
        planB1 = lw.plan(lw.deliveredFeedback(lw.w.inspectionB, lw.b1, 40), "APPROVED");
    }

    long newItem(long plan) {
        long feedback = jdbc.sql("SELECT feedback_id FROM rectification_plan WHERE id = :p").param("p", plan)
                .query(Long.class).single();
        int n = ++next;
        return lw.item(plan, lw.problem(feedback, n, "问题" + n + "：公务接待超标准。"), n, 30, "IN_PROGRESS");
    }

    long evidenceOf(long item) {
        long progress = lw.evidence(item, "MINUTES", "会议记录", 0, 0);
        jdbc.sql("UPDATE rectification_progress SET progress_text = :t WHERE id = :p").param("t", A2_TEXT)
                .param("p", progress).update();
        return jdbc.sql("SELECT id FROM rectification_evidence WHERE progress_id = :p").param("p", progress)
                .query(Long.class).single();
    }

    /** A SAME_EVIDENCE card on {@code later} against {@code earlier}, as the listener raises it. */
    long card(long later, long earlier) {
        long first = evidenceOf(earlier);
        long second = evidenceOf(later);
        String sha = jdbc.sql("SELECT sha256 FROM rectification_evidence WHERE id = :e").param("e", second)
                .query(String.class).single();
        return store.raise(new RedCardStore.NewCard(RedCardKind.SAME_EVIDENCE, later, "sha:" + sha + ":" + second, earlier,
                second, first, sha, null, null, null, null, null, null, null)).orElseThrow();
    }

    String statusOf(long card) {
        return jdbc.sql("SELECT status FROM rectification_red_card WHERE id = :c").param("c", card)
                .query(String.class).single();
    }

    int version(long card) {
        return jdbc.sql("SELECT row_version FROM rectification_red_card WHERE id = :c").param("c", card)
                .query(Integer.class).single();
    }

    long audits(String action, long card) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = :a AND object_type = 'RedCard'"
                + " AND object_id = :c").param("a", action).param("c", Long.toString(card)).query(Long.class).single();
    }

    @Test
    void confirmingNeedsAReasonAndOnlyTheOfficeOfTheBodyDecidesOnce() {
        long card = card(newItem(planA1), newItem(planA2));
        assertThatThrownBy(() -> cards.decide(lw.scope("office-a"), card, version(card), "CONFIRM", "  "))
                .isInstanceOf(UserInputException.class).hasMessage("“认定”红牌须写明理由");
        assertThatThrownBy(() -> cards.decide(lw.scope("office-a"), card, version(card), "", "理由"))
                .isInstanceOf(UserInputException.class).hasMessage("请选择认定或撤销");
        for (String reader : new String[] {"leader-a", "discipline-a", "orgdept-a", "office-city"}) {
            assertThat(cards.page(lw.scope(reader), card).card().id()).isEqualTo(card);
            assertThatThrownBy(() -> cards.decide(lw.scope(reader), card, version(card), "CONFIRM", "理由"))
                    .as(reader).isInstanceOf(AccessDeniedException.class);
        }
        for (String stranger : new String[] {"office-b", "target-a1", "target-a2", "collaborator-a"}) {
            assertThatThrownBy(() -> cards.decide(lw.scope(stranger), card, version(card), "CONFIRM", "理由"))
                    .as(stranger).isInstanceOf(NotFoundInScope.class);
        }
        assertThatThrownBy(() -> cards.decide(lw.scope("office-a"), card, version(card) + 1, "CONFIRM", "理由"))
                .isInstanceOf(UserInputException.class).hasMessage("该红牌已被他人处理，请刷新后重试");
        assertThat(statusOf(card)).isEqualTo("RAISED");
        assertThat(audits("RED_CARD_CONFIRMED", card)).isZero();

        cards.decide(lw.scope("office-a"), card, version(card), "CONFIRM", "两单位提交同一份会议记录，系照搬照抄。");
        assertThat(statusOf(card)).isEqualTo("CONFIRMED");
        assertThat(audits("RED_CARD_CONFIRMED", card)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT detail FROM audit_record WHERE action = 'RED_CARD_CONFIRMED' AND object_id = :c")
                .param("c", Long.toString(card)).query(String.class).single()).doesNotContain("照搬");
        assertThatThrownBy(() -> cards.decide(lw.scope("office-a"), card, version(card), "DISMISS", "改判"))
                .isInstanceOf(UserInputException.class).hasMessage("该红牌已认定，不能再撤销");
        assertThat(RedCardStatus.CONFIRMED.decided()).isTrue();
    }

    @Test
    void dismissingNeedsAReasonAndTheTargetNeverSeesRaisedOrDismissedCards() {
        long item = newItem(planA1);
        long raised = card(item, newItem(planA2));
        long dismissed = card(item, newItem(planA1));
        assertThatThrownBy(() -> cards.decide(lw.scope("office-a"), dismissed, version(dismissed), "DISMISS", null))
                .isInstanceOf(UserInputException.class).hasMessage("“撤销”红牌须写明理由");
        cards.decide(lw.scope("office-a"), dismissed, version(dismissed), "DISMISS", "系联合发文，属正常共用。");
        assertThat(statusOf(dismissed)).isEqualTo("DISMISSED");
        assertThat(audits("RED_CARD_DISMISSED", dismissed)).isEqualTo(1);
        for (long c : new long[] {raised, dismissed}) {
            assertThatThrownBy(() -> cards.page(lw.scope("target-a1"), c)).isInstanceOf(NotFoundInScope.class);
        }
        assertThat(cards.ofItem(lw.scope("target-a1"), item)).isEmpty();
        assertThat(cards.ofItem(lw.scope("office-a"), item)).hasSize(2);
    }

    @Test
    void theTargetSeesAConfirmedCardOnItsOwnItemWithoutTheOtherOrganization() throws Exception {
        long own = newItem(planA1);
        long others = newItem(planA2);
        long card = card(own, others);
        cards.decide(lw.scope("office-a"), card, version(card), "CONFIRM", "与甲县财政局党组材料相同。");
        RedCards.CardPage page = cards.page(lw.scope("target-a1"), card);
        assertThat(page.forTarget()).isTrue();
        assertThat(page.other()).isEmpty();
        assertThat(cards.list(lw.scope("target-a1"), RedCardFilter.of(null, null, null), 0, 50).items())
                .extracting(RedCardRepository.Card::id).contains(card);
        // the other organization's TARGET does not see the card at all (it is not on its item)
        assertThatThrownBy(() -> cards.page(lw.scope("target-a2"), card)).isInstanceOf(NotFoundInScope.class);
        String html = mvc.perform(get("/rectification/red-cards/" + card).with(lw.w.as("target-a1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("已认定").doesNotContain("甲县财政局党组").doesNotContain(A2_TEXT)
                .doesNotContain("与甲县财政局党组材料相同");
        String json = mvc.perform(get("/api/rectification/red-cards/" + card).with(lw.w.as("target-a1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json).doesNotContain("甲县财政局党组").doesNotContain(A2_TEXT);
        // the office sees both sides
        RedCards.CardPage office = cards.page(lw.scope("office-a"), card);
        assertThat(office.other()).hasValueSatisfying(o -> assertThat(o.itemId()).isEqualTo(others));
        String officeHtml = mvc.perform(get("/rectification/red-cards/" + card).with(lw.w.as("office-a")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(officeHtml).contains("甲县财政局党组").contains(office.card().sha256()).contains("另一事项")
                .contains("与甲县财政局党组材料相同");
    }

    @Test
    void aCardAgainstAnotherCountysItemIsReadWithoutThatItemAndIsNotTheOtherCountysBusiness() {
        long b = newItem(planB1);
        long a = newItem(planA1);
        long card = card(b, a);
        RedCards.CardPage countyB = cards.page(lw.scope("office-b"), card);
        assertThat(countyB.card().forOffice()).isTrue();
        assertThat(countyB.other()).isEmpty();
        assertThat(cards.page(lw.scope("office-city"), card).other()).isPresent();
        assertThatThrownBy(() -> cards.page(lw.scope("office-a"), card)).isInstanceOf(NotFoundInScope.class);
        assertThatThrownBy(() -> cards.page(lw.scope("discipline-a"), card)).isInstanceOf(NotFoundInScope.class);
        // the team of the card's inspection reads it, a team of another inspection does not
        assertThatThrownBy(() -> cards.page(lw.scope("fb-member"), card)).isInstanceOf(NotFoundInScope.class);
        assertThat(cards.page(lw.scope("b-leader"), card).card().id()).isEqualTo(card);
    }

    @Test
    void aConfirmedCardMarksTheLedgerCountsAndTheOfficesPendingWorkCountsTheRaisedOnes() throws Exception {
        long before = pending.pendingFor(lw.scope("office-a")).get(0).count();
        long item = newItem(planA2);
        long card = card(item, newItem(planA1));
        assertThat(pending.pendingFor(lw.scope("office-a")).get(0).count()).isEqualTo(before + 1);
        assertThat(pending.pendingFor(lw.scope("office-a")).get(0).label()).isEqualTo("待认定的红牌");
        assertThat(pending.pendingFor(lw.scope("office-city")).get(0).count()).isZero();
        assertThat(pending.pendingFor(lw.scope("leader-a"))).isEmpty();
        RedCardCounts was = figures.countsOf(lw.scope("office-a"), OrganizationId.of(lw.a2));
        mvc.perform(post("/rectification/red-cards/" + card + "/decision").with(lw.w.as("office-a"))
                        .with(SecurityMockMvcRequestPostProcessors.csrf()).param("version", "1")
                        .param("decision", "CONFIRM").param("reason", ""))
                .andExpect(status().isOk());
        assertThat(statusOf(card)).isEqualTo("RAISED");
        mvc.perform(post("/rectification/red-cards/" + card + "/decision").with(lw.w.as("office-a"))
                        .with(SecurityMockMvcRequestPostProcessors.csrf()).param("version", "1")
                        .param("decision", "CONFIRM").param("reason", "照搬他人材料。"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/rectification/red-cards/" + card));
        assertThat(pending.pendingFor(lw.scope("office-a")).get(0).count()).isEqualTo(before);
        RedCardCounts now = figures.countsOf(lw.scope("office-a"), OrganizationId.of(lw.a2));
        assertThat(now.confirmed()).isEqualTo(was.confirmed() + 1);
        assertThat(now.raised()).isEqualTo(was.raised() - 1);
        RedCardCounts target = figures.countsOf(lw.scope("target-a2"), OrganizationId.of(lw.a2));
        assertThat(target.confirmed()).isEqualTo(now.confirmed());
        assertThat(target.raised()).isZero();
        assertThat(figures.countsOf(lw.scope("office-b"), OrganizationId.of(lw.a2)).confirmed()).isZero();
        String ledger = mvc.perform(get("/api/rectification/ledger").param("redCard", "1")
                        .param("organization", Long.toString(lw.a2)).with(lw.w.as("office-a")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(ledger).contains("\"id\":" + item + ",").contains("\"total\":1");
        String page = mvc.perform(get("/rectification/ledger").param("redCard", "1").with(lw.w.as("target-a2")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-item-id=\"" + item + "\"").contains("红牌 1");
        assertThat(mvc.perform(get("/rectification/items/" + item).with(lw.w.as("target-a2")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("红牌：已认定 1 张");
        assertThat(mvc.perform(get("/rectification/red-cards").param("status", "CONFIRMED")
                        .param("organization", Long.toString(lw.a2)).with(lw.w.as("office-a")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("data-card-id=\"" + card + "\"").contains("同一佐证材料重复使用").contains("已认定");
    }
}
