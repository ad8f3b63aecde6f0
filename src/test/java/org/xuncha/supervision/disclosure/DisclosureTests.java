package org.xuncha.supervision.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.xuncha.common.DataScope;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.supervision.SupervisionWorld;

/**
 * 整改公开 (issue 15 §5, "Bad input", "Tests and figures"): approving or publishing is refused while the summary or
 * a shown item carries an exempt item's content or a person's name — the message says where and what kind of
 * person, never the name — and nothing changes; the published page (no sign-in) shows the summary and the
 * non-exempt items, no exempt item, no exemption or reason, no script, no external resource, sets no cookie and is
 * not cached; scope: the LEADER reads, another county's office and the TARGET do not.
 */
@SpringBootTest(properties = "xuncha.test.context=supervision")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisclosureTests {

    static final String SECRET = "问题二：违规为个别企业减免土地出让金共计三百万元。";

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired Disclosures disclosures;
    @Autowired MockMvc mvc;

    SupervisionWorld sw;
    long id;

    @BeforeAll
    void world() {
        sw = new SupervisionWorld(jdbc, encoder, clock, scopes, "dis", "6132");
        long feedback = sw.lw.deliveredFeedback(sw.inspection, sw.lw.w.a1, 60);
        long plan = sw.lw.plan(feedback, "APPROVED");
        long first = sw.lw.item(plan, sw.lw.problem(feedback, 1, "问题一：公务接待超标准。"), 1, 10, "IN_PROGRESS");
        sw.lw.status(first, "SIGNED_OFF", sw.today().minusDays(3));
        sw.lw.item(plan, sw.lw.problem(feedback, 2, SECRET), 2, 10, "IN_PROGRESS");
        id = disclosures.open(office(), sw.inspection, sw.lw.w.a1);
    }

    DataScope office() {
        return sw.lw.scope("office-a");
    }

    int version() {
        return disclosures.view(office(), id).d().version();
    }

    DisclosureRepository.Item item(int position) {
        return disclosures.view(office(), id).items().stream().filter(i -> i.position() == position).findFirst()
                .orElseThrow();
    }

    void refusedWith(String... parts) {
        int v = version();
        assertThatThrownBy(() -> disclosures.approve(office(), id, v)).isInstanceOf(UserInputException.class)
                .hasMessageContaining(parts[0]).hasMessageContaining(parts.length > 1 ? parts[1] : parts[0])
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("张副局长", "李经办"));
        assertThat(version()).isEqualTo(v);
        assertThat(disclosures.view(office(), id).d().status()).isEqualTo(DisclosureStatus.DRAFT);
    }

    @Test
    void refusedWhileAnExemptItemOrANameIsInTheTextThenPublishedWithoutThem() throws Exception {
        assertThat(disclosures.view(office(), id).items()).hasSize(2);
        DisclosureRepository.Item secret = item(2);
        assertThatThrownBy(() -> disclosures.editItem(office(), id, version(), secret.id(), secret.publicText(),
                secret.outcome(), "HOSTILE_HYPE", null)).isInstanceOf(UserInputException.class)
                .hasMessage("不予公开须写明理由");
        disclosures.editItem(office(), id, version(), secret.id(), secret.publicText(), secret.outcome(),
                "HOSTILE_HYPE", "涉及招商引资敏感信息");

        // the exempt item copied into the summary
        disclosures.edit(office(), id, version(), "甲县水务局党组整改情况公开",
                "甲县水务局党组认真落实巡察反馈意见。\n其中违规为个别企业减免土地出让金的问题已整改。");
        refusedWith("摘要第2段", "不予公开事项（第2项）");

        // a 责任领导's name in the summary, an 经办人's in a shown item
        disclosures.edit(office(), id, version(), "甲县水务局党组整改情况公开",
                "甲县水务局党组认真落实巡察反馈意见。\n张副局长牵头整改。");
        refusedWith("摘要第2段", "责任领导的姓名");
        disclosures.edit(office(), id, version(), "甲县水务局党组整改情况公开", "甲县水务局党组认真落实巡察反馈意见。");
        DisclosureRepository.Item shown = item(1);
        disclosures.editItem(office(), id, version(), shown.id(), "公务接待超标准，由李经办清退。", shown.outcome(), null,
                null);
        refusedWith("第1项的公开内容", "经办人的姓名");
        disclosures.editItem(office(), id, version(), shown.id(), "公务接待超标准问题。", shown.outcome(), null, null);

        disclosures.approve(office(), id, version());
        // editing an approved disclosure is refused until it is taken back
        assertThatThrownBy(() -> disclosures.edit(office(), id, version(), "标题", "摘要"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("已审定");
        String code = disclosures.publish(office(), id, version());

        MvcResult page = mvc.perform(get("/r/disclosure/" + code)).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        String html = page.getResponse().getContentAsString();
        assertThat(html).contains("甲县水务局党组认真落实巡察反馈意见。", "公务接待超标准问题。", "已完成整改");
        assertThat(html).doesNotContain("减免土地出让金", "涉及招商引资敏感信息", "可能被敌对势力炒作", "不予公开",
                "张副局长", "李经办");
        // no tracker: no script at all, no resource from another host, no cookie, not cached
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("src=\"http", "href=\"http",
                "src=\"//", "href=\"//", "<iframe", "<img");
        assertThat(page.getResponse().getHeaders("Set-Cookie")).isEmpty();
        assertThat(page.getResponse().getCookies()).isEmpty();
        assertThat(page.getResponse().getHeader("Cache-Control")).contains("no-store");
        assertThat(page.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.getRequest().getSession(false)).isNull();

        // an unknown code and a withdrawn page are not found
        assertThat(mvc.perform(get("/r/disclosure/nosuchcode")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        disclosures.reopen(office(), id, version());
        assertThat(mvc.perform(get("/r/disclosure/" + code)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'DISCLOSURE_PUBLISHED'"
                + " AND object_id = :id").param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void eachRoleSeesOnlyWhatItMay() {
        assertThat(disclosures.list(sw.lw.scope("leader-a"))).extracting(DisclosureRepository.Disclosure::id)
                .contains(id);
        assertThat(disclosures.view(sw.lw.scope("leader-a"), id).d().writable()).isFalse();
        assertThatThrownBy(() -> disclosures.approve(sw.lw.scope("leader-a"), id, version()))
                .isInstanceOf(AccessDeniedException.class);
        for (String other : List.of("office-b", "target-a1", "discipline-a", "orgdept-a")) {
            assertThat(disclosures.list(sw.lw.scope(other))).extracting(DisclosureRepository.Disclosure::id)
                    .doesNotContain(id);
            assertThatThrownBy(() -> disclosures.view(sw.lw.scope(other), id)).isInstanceOf(NotFoundInScope.class);
        }
        assertThatThrownBy(() -> disclosures.open(sw.lw.scope("office-b"), sw.inspection, sw.lw.w.a1))
                .isInstanceOf(UserInputException.class);
    }

    @Test
    void theOfficePagesRenderTheDraftAndItsExemptionsForTheOfficeOnly() throws Exception {
        MvcResult list = mvc.perform(get("/supervision/disclosures").with(sw.lw.w.as("office-a"))).andReturn();
        assertThat(list.getResponse().getStatus()).isEqualTo(200);
        assertThat(list.getResponse().getContentAsString()).contains("/supervision/disclosures/" + id);
        MvcResult page = mvc.perform(get("/supervision/disclosures/" + id).with(sw.lw.w.as("office-a"))).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(page.getResponse().getContentAsString()).contains("不予公开：国家秘密", "第1项");
        assertThat(mvc.perform(get("/supervision/disclosures/" + id).with(sw.lw.w.as("office-b"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/supervision/disclosures/" + id).with(sw.lw.w.as("target-a1"))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
    }
}
