package org.xuncha.findings.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.findings.HeadingScheme;
import org.xuncha.identity.DataScopes;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.testing.TestFixtures;

/**
 * 问题分类: the built-in schemes as the office sees them, the default scheme per sector and the office's choice,
 * items and tags of one office invisible to another, who may read and change, bad input changing nothing, and the
 * audit record of every change.
 */
@SpringBootTest(properties = "xuncha.test.context=findings-taxonomy")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindingTaxonomyTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired FindingTaxonomy taxonomy;

    TestFixtures f;

    @BeforeAll
    void world() {
        f = new TestFixtures(jdbc, encoder, clock);
        f.region("539900", "分类市", "CITY", null);
        f.region("539901", "分类甲县", "COUNTY", "539900");
        f.region("539902", "分类乙县", "COUNTY", "539900");
        long city = f.body("分类市委巡察机构", "539900", "CITY", null);
        long a = f.body("分类甲县委巡察机构", "539901", "COUNTY", city);
        long b = f.body("分类乙县委巡察机构", "539902", "COUNTY", city);
        f.account("tax-office-a", Role.OFFICE, a, null);
        f.account("tax-office-b", Role.OFFICE, b, null);
        f.account("tax-leader-a", Role.LEADER, a, null);
        f.account("tax-member-a", Role.TEAM_MEMBER, a, null);
        long org = f.organization("TAX-A1", "分类甲县水务局党组", a, "539901", null);
        f.account("tax-target-a", Role.TARGET, a, org);
        f.account("tax-collab-a", Role.COLLABORATOR, a, null);
    }

    DataScope scope(String who) {
        return scopes.of(f.principal(who));
    }

    RequestPostProcessor as(String who) {
        XunchaPrincipal p = f.principal(who);
        return SecurityMockMvcRequestPostProcessors.authentication(
                new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
    }

    static List<String> labels(List<FindingTaxonomy.Node> nodes) {
        return nodes.stream().map(n -> n.item().label()).toList();
    }

    FindingTaxonomy.Scheme scheme(String who, HeadingScheme s) {
        return taxonomy.schemes(scope(who)).stream().filter(x -> x.scheme() == s).findFirst().orElseThrow();
    }

    long auditCount(String action) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = :a").param("a", action)
                .query(Long.class).single();
    }

    @Test
    void theBuiltInSchemesCarryTheirLevelOneHeadingsInOrder() {
        // as DOMAIN names them: 四个落实 (4), 四个聚焦 (4), 三个方面 (3)
        assertThat(labels(scheme("tax-office-a", HeadingScheme.FOUR_IMPLEMENTATIONS).items())).containsExactly(
                "落实党的路线方针政策和上级决策部署", "落实全面从严治党战略部署", "落实新时代党的组织路线",
                "落实巡视巡察、审计等监督发现问题整改");
        assertThat(labels(scheme("tax-office-a", HeadingScheme.FOUR_FOCUSES).items())).containsExactly(
                "聚焦决策部署在基层落实", "聚焦群众身边腐败问题和不正之风", "聚焦基层班子和干部队伍建设",
                "聚焦巡视巡察和各项监督检查反馈问题整改");
        assertThat(labels(scheme("tax-office-a", HeadingScheme.THREE_ASPECTS).items()))
                .containsExactly("党的领导弱化", "党的建设缺失", "全面从严治党不力");
        // a built-in level-2 item sits under its level-1 heading
        assertThat(labels(scheme("tax-office-a", HeadingScheme.FOUR_IMPLEMENTATIONS).items().get(1).children()))
                .contains("落实中央八项规定精神不到位");
    }

    @Test
    void townshipsAndVillagesDefaultToTheFourFocusesAndTheOfficeMayChooseOtherwise() {
        assertThat(taxonomy.schemeFor(scope("tax-office-b"), "TOWNSHIP")).isEqualTo(HeadingScheme.FOUR_FOCUSES);
        assertThat(taxonomy.schemeFor(scope("tax-office-b"), "VILLAGE")).isEqualTo(HeadingScheme.FOUR_FOCUSES);
        assertThat(taxonomy.schemeFor(scope("tax-office-b"), "DEPARTMENT")).isEqualTo(HeadingScheme.FOUR_IMPLEMENTATIONS);
        long before = auditCount("FINDING_SCHEME_CHOSEN");
        taxonomy.chooseScheme(scope("tax-office-b"), "STATE_ENTERPRISE", "THREE_ASPECTS");
        taxonomy.chooseScheme(scope("tax-office-b"), "STATE_ENTERPRISE", "FOUR_FOCUSES");
        assertThat(taxonomy.schemeFor(scope("tax-office-b"), "STATE_ENTERPRISE")).isEqualTo(HeadingScheme.FOUR_FOCUSES);
        assertThat(taxonomy.choices(scope("tax-office-b"))).anySatisfy(c -> {
            assertThat(c.sectorLabel()).isEqualTo("国有企业");
            assertThat(c.chosen()).isTrue();
        });
        assertThat(auditCount("FINDING_SCHEME_CHOSEN")).isEqualTo(before + 2);
        // another office keeps the default
        assertThat(taxonomy.schemeFor(scope("tax-office-a"), "STATE_ENTERPRISE")).isEqualTo(HeadingScheme.FOUR_IMPLEMENTATIONS);
        assertThatThrownBy(() -> taxonomy.chooseScheme(scope("tax-office-b"), "MARS", "FOUR_FOCUSES"))
                .isInstanceOf(UserInputException.class).hasMessage("请选择领域");
        assertThatThrownBy(() -> taxonomy.chooseScheme(scope("tax-office-b"), "VILLAGE", "FIVE"))
                .isInstanceOf(UserInputException.class).hasMessage("请选择问题标题体系");
    }

    @Test
    void anOfficesOwnItemsGoUnderTheSchemeUpToTheThirdLevelAndStayItsOwn() {
        long eightRules = scheme("tax-office-a", HeadingScheme.FOUR_IMPLEMENTATIONS).items().get(1).children().stream()
                .filter(n -> n.item().label().equals("落实中央八项规定精神不到位")).findFirst().orElseThrow().item().id();
        long third = taxonomy.addItem(scope("tax-office-a"), eightRules, "违规发放津贴补贴");
        var node = scheme("tax-office-a", HeadingScheme.FOUR_IMPLEMENTATIONS).items().get(1).children().stream()
                .filter(n -> n.item().id() == eightRules).findFirst().orElseThrow();
        assertThat(labels(node.children())).containsExactly("违规发放津贴补贴");
        assertThat(node.children().get(0).item().level()).isEqualTo(3);
        assertThat(node.children().get(0).item().levelLabel()).isEqualTo("三级标题");
        // county B sees none of it, and cannot hang anything under it
        var nodeB = scheme("tax-office-b", HeadingScheme.FOUR_IMPLEMENTATIONS).items().get(1).children().stream()
                .filter(n -> n.item().id() == eightRules).findFirst().orElseThrow();
        assertThat(nodeB.children()).isEmpty();
        assertThatThrownBy(() -> taxonomy.addItem(scope("tax-office-b"), third, "乙县的标题"))
                .isInstanceOf(NotFoundInScope.class);
        // no fourth level; no twin under one parent; no empty or overlong label
        assertThatThrownBy(() -> taxonomy.addItem(scope("tax-office-a"), third, "第四级"))
                .isInstanceOf(UserInputException.class).hasMessage("三级标题之下不能再分级");
        assertThatThrownBy(() -> taxonomy.addItem(scope("tax-office-a"), eightRules, " 违规发放津贴补贴 "))
                .isInstanceOf(UserInputException.class).hasMessage("同一上级标题下已有“违规发放津贴补贴”");
        assertThatThrownBy(() -> taxonomy.addItem(scope("tax-office-a"), eightRules, "  "))
                .isInstanceOf(UserInputException.class).hasMessage("请填写标题");
        assertThatThrownBy(() -> taxonomy.addItem(scope("tax-office-a"), eightRules, "长".repeat(101)))
                .isInstanceOf(UserInputException.class).hasMessage("标题不能超过 100 个字");
        assertThat(jdbc.sql("SELECT count(*) FROM finding_heading_item WHERE parent_id = :p").param("p", eightRules)
                .query(Long.class).single()).isEqualTo(1);
        // retired, not deleted; built-in items cannot be retired
        taxonomy.retireItem(scope("tax-office-a"), third);
        assertThat(jdbc.sql("SELECT active FROM finding_heading_item WHERE id = :id").param("id", third)
                .query(Boolean.class).single()).isFalse();
        assertThatThrownBy(() -> taxonomy.retireItem(scope("tax-office-a"), eightRules))
                .isInstanceOf(UserInputException.class).hasMessage("内置标题不能停用，可在其下添加本机构的标题");
        assertThat(auditCount("FINDING_HEADING_ADDED")).isGreaterThanOrEqualTo(1);
        assertThat(auditCount("FINDING_HEADING_RETIRED")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void topicTagsAreSharedBuiltInsPlusTheOfficesOwn() {
        assertThat(taxonomy.tags(scope("tax-member-a")).stream().map(TopicTag::label))
                .contains("扶贫", "三资", "乡村振兴", "扫黑除恶", "群众急难愁盼");
        long tag = taxonomy.addTag(scope("tax-office-a"), "粮食购销");
        assertThat(taxonomy.tags(scope("tax-leader-a")).stream().map(TopicTag::label)).contains("粮食购销");
        assertThat(taxonomy.tags(scope("tax-office-b")).stream().map(TopicTag::label)).doesNotContain("粮食购销");
        assertThatThrownBy(() -> taxonomy.addTag(scope("tax-office-a"), "扶贫"))
                .isInstanceOf(UserInputException.class).hasMessage("已有专题标签“扶贫”");
        assertThatThrownBy(() -> taxonomy.retireTag(scope("tax-office-b"), tag)).isInstanceOf(NotFoundInScope.class);
        taxonomy.retireTag(scope("tax-office-a"), tag);
        assertThat(taxonomy.tags(scope("tax-office-a"))).anySatisfy(t -> {
            assertThat(t.label()).isEqualTo("粮食购销");
            assertThat(t.active()).isFalse();
        });
    }

    @Test
    void onlyTheOfficeChangesAndNeitherTargetNorCollaboratorReads() {
        assertThatThrownBy(() -> taxonomy.addTag(scope("tax-leader-a"), "领导的标签")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> taxonomy.addTag(scope("tax-member-a"), "组员的标签")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> taxonomy.schemes(scope("tax-target-a"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> taxonomy.tags(scope("tax-collab-a"))).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM finding_topic_tag WHERE label IN ('领导的标签', '组员的标签')")
                .query(Long.class).single()).isZero();
    }

    @Test
    void thePageShowsTheSchemesAndARefusedChangeShowsItsMessage() throws Exception {
        mvc.perform(get("/findings/taxonomy").with(as("tax-member-a"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("聚焦群众身边腐败问题和不正之风")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("id=\"tag-form\""))));
        mvc.perform(post("/findings/taxonomy/tags").param("label", "").with(as("tax-office-a")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请填写专题标签")));
        mvc.perform(post("/findings/taxonomy/tags").param("label", "<script>alert(1)</script>").with(as("tax-office-a")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/findings/taxonomy").with(as("tax-office-a"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("&lt;script&gt;alert(1)&lt;/script&gt;")));
        mvc.perform(get("/api/findings/taxonomy").with(as("tax-leader-a"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("落实新时代党的组织路线")));
        mvc.perform(get("/findings/taxonomy").with(as("tax-target-a"))).andExpect(status().isForbidden());
    }
}
