package org.xuncha.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuncha.common.DataScope;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.web.PendingWork;

/**
 * The register and the handling of petitions: staff intake of letters, calls and visits (a visit's slip with its
 * receipt), triage, disposition, the discipline office's outcome, reply, closure by the team leader, the reporter
 * reading the reply; refused moves; and scope — the TARGET of the reported organization, another team, the office
 * of another county get nothing; the DISCIPLINE account sees only what was transferred to it.
 */
@SpringBootTest(properties = "xuncha.test.context=intake")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeHandlingTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired List<PendingWork> pendingWork;
    @Autowired TransferablePetitions transfers;
    @Autowired TransferredPetitionOutcomes transferredOutcomes;
    @Autowired TransactionTemplate tx;

    IntakeWorld w;

    @BeforeAll
    void world() {
        w = new IntakeWorld(jdbc, encoder, clock, "ihand", "5303");
    }

    String html(MockHttpServletResponse r) throws Exception {
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    MockHttpServletResponse postAs(String who, String path, Map<String, String> params) throws Exception {
        var request = post(path).with(csrf()).with(w.as(who));
        params.forEach(request::param);
        return mvc.perform(request).andReturn().getResponse();
    }

    int version(long id) {
        return jdbc.sql("SELECT version FROM petition WHERE id = :id").param("id", id).query(Integer.class).single();
    }

    String status(long id) {
        return jdbc.sql("SELECT status FROM petition WHERE id = :id").param("id", id).query(String.class).single();
    }

    /** A public report; returns {id, receipt}. */
    Object[] report(String code, String content) throws Exception {
        String json = mvc.perform(post("/api/public/reports").contentType(MediaType.APPLICATION_JSON)
                .content("{\"channelCode\":\"" + code + "\",\"organizationId\":null,\"category\":\"MASSES\",\"content\":\""
                        + content + "\",\"anonymous\":true}")
                .with(r -> {
                    r.setRemoteAddr("10.9." + (int) (Math.random() * 250) + "." + (int) (1 + Math.random() * 250));
                    return r;
                })).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String receipt = IntakePublicTests.receiptOf(json);
        long id = jdbc.sql("SELECT max(id) FROM petition").query(Long.class).single();
        return new Object[] {id, receipt};
    }

    String publicStatus(String receipt) throws Exception {
        return mvc.perform(post("/api/public/reports/status").contentType(MediaType.APPLICATION_JSON)
                .content("{\"receipt\":\"" + receipt + "\"}").with(r -> {
                    r.setRemoteAddr("10.8." + (int) (Math.random() * 250) + "." + (int) (1 + Math.random() * 250));
                    return r;
                })).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theRegisterPagesWithItsFiltersKept() throws Exception {
        for (int n = 0; n < 3; n++) {
            int n2 = n;
            assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/public/reports")
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .content("{\"channelCode\":\"" + w.code + "\",\"category\":\"WORK\","
                            + "\"content\":\"分页测试：第" + n2 + "件反映内容较为具体。\",\"anonymous\":true}")
                    .with(r -> {
                        r.setRemoteAddr("198.51.100." + (n2 + 10));
                        return r;
                    })).andReturn().getResponse().getStatus()).isEqualTo(201);
        }
        String page = html(mvc.perform(get("/petitions").param("size", "1").param("page", "1").param("channel", "WEB")
                .with(w.as("team-member"))).andReturn().getResponse());
        assertThat(page).contains("aria-label=\"分页\"").containsPattern("第 <span>2</span> / <span>\\d+</span> 页")
                .contains("channel=WEB").contains("page=0").contains("page=2").contains("上一页").contains("下一页");
    }

    @Test
    void aReportIsTriagedHandledRepliedAndClosedAndTheReporterReadsTheReply() throws Exception {
        Object[] r = report(w.code, "镇卫生院药品采购价格明显偏高，请查一查。");
        long id = (long) r[0];
        String receipt = (String) r[1];

        MockHttpServletResponse early = postAs("team-member", "/petitions/" + id + "/dispose",
                Map.of("version", "" + version(id), "disposition", "SELF"));
        assertThat(html(early)).contains("不能进行此操作");

        postAs("team-member", "/petitions/" + id + "/triage", Map.of("version", "" + version(id), "inScope", "true",
                "note", "属于巡察对象的问题"));
        assertThat(status(id)).isEqualTo("TRIAGED");
        MockHttpServletResponse wrong = postAs("team-member", "/petitions/" + id + "/dispose",
                Map.of("version", "" + version(id), "disposition", "OTHER_DEPARTMENT", "department", "县卫健局"));
        assertThat(html(wrong)).contains("应自办或转纪委监委信访室");
        postAs("team-member", "/petitions/" + id + "/dispose", Map.of("version", "" + version(id), "disposition", "SELF"));
        assertThat(status(id)).isEqualTo("HANDLING");

        MockHttpServletResponse noReply = postAs("team-leader", "/petitions/" + id + "/close",
                Map.of("version", "" + version(id), "closure", "REASONABLE_RESOLVED"));
        assertThat(html(noReply)).contains("办结前请先填写给举报人的答复");
        postAs("team-member", "/petitions/" + id + "/reply", Map.of("version", "" + version(id),
                "reply", "经核实，已督促卫生院按集中采购价格执行并退还差价。"));
        assertThat(publicStatus(receipt)).contains("\"status\":\"HANDLING\"").contains("退还差价");

        MockHttpServletResponse byMember = postAs("team-member", "/petitions/" + id + "/close",
                Map.of("version", "" + version(id), "closure", "REASONABLE_RESOLVED"));
        assertThat(byMember.getStatus()).isEqualTo(403);
        MockHttpServletResponse stale = postAs("team-leader", "/petitions/" + id + "/close",
                Map.of("version", "" + (version(id) - 1), "closure", "REASONABLE_RESOLVED"));
        assertThat(html(stale)).contains(Petitions.STALE);
        postAs("team-leader", "/petitions/" + id + "/close", Map.of("version", "" + version(id),
                "closure", "REASONABLE_RESOLVED"));
        assertThat(status(id)).isEqualTo("CLOSED");
        assertThat(publicStatus(receipt)).isEqualTo("{\"reply\":\"经核实，已督促卫生院按集中采购价格执行并退还差价。\",\"status\":\"CLOSED\"}");

        assertThat(jdbc.sql("SELECT to_status FROM petition_status_change WHERE petition_id = :id ORDER BY id")
                .param("id", id).query(String.class).list()).containsExactly("RECEIVED", "TRIAGED", "HANDLING", "CLOSED");
        assertThat(jdbc.sql("SELECT action FROM audit_record WHERE object_type = 'Petition' AND object_id = :id ORDER BY seq")
                .param("id", String.valueOf(id)).query(String.class).list()).containsExactly("PETITION_RECEIVED",
                "PETITION_TRIAGED", "PETITION_DISPOSED", "PETITION_REPLIED", "PETITION_CLOSED");

        // the history names who handled it by display name (recorded by the name they signed in with)
        jdbc.sql("UPDATE user_account SET display_name = '组员赵六' WHERE username = :u")
                .param("u", w.prefix + "team-member").update();
        String page = html(mvc.perform(get("/petitions/" + id).with(w.as("team-leader"))).andReturn().getResponse());
        assertThat(page).contains("<td title=\"" + w.prefix + "team-member\">组员赵六</td>")
                .doesNotContain(">" + w.prefix + "team-member<");
    }

    @Test
    void anOutOfScopePetitionGoesToAnotherDepartment() throws Exception {
        long id = (long) report(w.code, "邻居占用我家宅基地，法院判决后一直不执行。")[0];
        postAs("team-member", "/petitions/" + id + "/triage", Map.of("version", "" + version(id), "inScope", "false"));
        assertThat(html(postAs("team-member", "/petitions/" + id + "/dispose",
                Map.of("version", "" + version(id), "disposition", "OTHER_DEPARTMENT")))).contains("请填写接收部门");
        postAs("team-member", "/petitions/" + id + "/dispose", Map.of("version", "" + version(id),
                "disposition", "OTHER_DEPARTMENT", "department", "县人民法院"));
        assertThat(jdbc.sql("SELECT receiving_department FROM petition WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("县人民法院");
    }

    @Test
    void theTeamRegistersLettersCallsAndVisitsAndAVisitGetsASlip() throws Exception {
        MockHttpServletResponse slip = mvc.perform(multipart("/petitions")
                .file(new MockMultipartFile("files", "材料.pdf", "application/pdf", PetitionFiles.pdf()))
                .param("inspection", String.valueOf(w.inspection)).param("channel", "VISIT")
                .param("organization", String.valueOf(w.a2)).param("category", "LIVELIHOOD")
                .param("content", "来访人反映村里低保名单不公开。").param("anonymous", "false")
                .param("name", "来访人甲").param("phone", "13700001111")
                .with(csrf()).with(w.as("team-member"))).andReturn().getResponse();
        String page = html(slip);
        assertThat(page).contains("信访事项受理回执").contains("print-slip").contains("/r/status</span>").containsPattern("id=\"receipt\">[\\d ]{24}<");
        var row = jdbc.sql("SELECT channel, anonymous, reporter_phone_sealed FROM petition WHERE id = (SELECT max(id) FROM petition)")
                .query().singleRow();
        assertThat(row.get("channel")).isEqualTo("VISIT");
        assertThat((String) row.get("reporter_phone_sealed")).doesNotContain("13700001111");

        long count = jdbc.sql("SELECT count(*) FROM petition").query(Long.class).single();
        for (int twice = 0; twice < 2; twice++) {
            String answer = html(mvc.perform(multipart("/petitions").param("submission", "0123456789abcdef0123456789abcdef")
                    .param("inspection", String.valueOf(w.inspection)).param("channel", "LETTER")
                    .param("category", "WORK").param("content", "同一封来信登记两次的测试。").param("anonymous", "true")
                    .with(csrf()).with(w.as("team-member"))).andReturn().getResponse());
            assertThat(answer).contains(twice == 0 ? "信访事项受理回执" : "已经提交过了");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM petition").query(Long.class).single()).isEqualTo(count + 1);

        for (String channel : List.of("LETTER", "CALL")) {
            MockHttpServletResponse ok = mvc.perform(multipart("/petitions")
                    .param("inspection", String.valueOf(w.inspection)).param("channel", channel)
                    .param("category", "WORK").param("content", "反映某科室长期推诿扯皮。").param("anonymous", "true")
                    .with(csrf()).with(w.as("team-member"))).andReturn().getResponse();
            assertThat(html(ok)).contains("信访事项受理回执");
        }
        MockHttpServletResponse web = mvc.perform(multipart("/petitions")
                .param("inspection", String.valueOf(w.inspection)).param("channel", "WEB")
                .param("category", "WORK").param("content", "反映某科室长期推诿扯皮。").param("anonymous", "true")
                .with(csrf()).with(w.as("team-member"))).andReturn().getResponse();
        assertThat(html(web)).contains("请选择来信、来电或来访");
        MockHttpServletResponse foreign = mvc.perform(multipart("/petitions")
                .param("inspection", String.valueOf(w.inspectionB)).param("channel", "LETTER")
                .param("category", "WORK").param("content", "反映某科室长期推诿扯皮。").param("anonymous", "true")
                .with(csrf()).with(w.as("team-member"))).andReturn().getResponse();
        assertThat(foreign.getStatus()).isEqualTo(404);
    }

    @Test
    void scopeTargetOtherTeamOtherCountyAndDiscipline() throws Exception {
        long id = (long) report(w.code, "水务局领导公车私用，周末开公车钓鱼。")[0];
        report(w.codeB, "乙县教育局乱收费，请巡察组关注。");

        // the TARGET of the reported organization: no page, no count, no pending line
        assertThat(mvc.perform(get("/petitions").with(w.as("target-a1"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/petitions/" + id).with(w.as("target-a1"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        DataScope target = scopes.of(w.principal("target-a1"));
        assertThat(pendingWork.stream().flatMap(p -> p.pendingFor(target).stream())
                .filter(i -> i.label().contains("信访"))).isEmpty();
        assertThat(PetitionRepository.readable(target)).isEqualTo(" (1 = 0)");

        // another team of the same county, the office of another county
        for (String who : List.of("other-member", "office-b", "b-leader")) {
            assertThat(mvc.perform(get("/petitions/" + id).with(w.as(who))).andReturn().getResponse().getStatus())
                    .as(who).isEqualTo(404);
            String list = html(mvc.perform(get("/petitions").with(w.as(who))).andReturn().getResponse());
            assertThat(list).as(who).doesNotContain("公车私用");
            assertThat(mvc.perform(post("/petitions/" + id + "/triage").with(csrf()).with(w.as(who))
                    .param("version", "0").param("inScope", "true")).andReturn().getResponse().getStatus())
                    .as(who).isIn(403, 404);
        }
        // the office of the county and of the city read it
        for (String who : List.of("office-a", "office-city")) {
            assertThat(html(mvc.perform(get("/petitions").with(w.as(who))).andReturn().getResponse()))
                    .as(who).contains("公车私用");
        }

        // the discipline office sees nothing at disposal, only once the office transferred it (referral's 移交)
        assertThat(mvc.perform(get("/petitions/" + id).with(w.as("discipline-a"))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(html(mvc.perform(get("/petitions").with(w.as("discipline-a"))).andReturn().getResponse()))
                .doesNotContain("公车私用");
        postAs("team-leader", "/petitions/" + id + "/triage", Map.of("version", "" + version(id), "inScope", "true"));
        postAs("team-leader", "/petitions/" + id + "/dispose", Map.of("version", "" + version(id),
                "disposition", "DISCIPLINE"));
        assertThat(mvc.perform(get("/petitions/" + id).with(w.as("discipline-a"))).andReturn().getResponse()
                .getStatus()).as("disposed, not yet transferred").isEqualTo(404);
        assertThat(html(mvc.perform(get("/petitions").with(w.as("discipline-a"))).andReturn().getResponse()))
                .doesNotContain("公车私用");
        assertThat((Boolean) tx.execute(t -> transfers.markTransferred(PetitionId.of(id), "甲县纪委监委",
                org.xuncha.common.BodyId.of(w.countyA), java.time.OffsetDateTime.now(clock)))).isTrue();
        assertThat(mvc.perform(get("/petitions/" + id).with(w.as("discipline-a"))).andReturn().getResponse()
                .getStatus()).as("transferred").isEqualTo(200);
        String list = html(mvc.perform(get("/petitions").with(w.as("discipline-a"))).andReturn().getResponse());
        assertThat(list).contains("公车私用").doesNotContain("乙县教育局乱收费").contains("/referrals/received");
        assertThat(mvc.perform(get("/petitions/" + id).with(w.as("discipline-b"))).andReturn().getResponse()
                .getStatus()).as("another county's discipline office").isEqualTo(404);
        // 转办 (referral's redirect) to a department: the 纪委 it leaves reads it no more; to county B's 纪委: that
        // one reads it and A's does not; back to A's 纪委 for the rest of the flow
        assertThat((Boolean) tx.execute(t -> transfers.markRedirected(PetitionId.of(id), "甲县审计局", null))).isTrue();
        assertThat(mvc.perform(get("/petitions/" + id).with(w.as("discipline-a"))).andReturn().getResponse()
                .getStatus()).as("redirected away from the 纪委").isEqualTo(404);
        assertThat(html(mvc.perform(get("/petitions").with(w.as("discipline-a"))).andReturn().getResponse()))
                .doesNotContain("公车私用");
        tx.execute(t -> transfers.markRedirected(PetitionId.of(id), "乙县纪委监委", org.xuncha.common.BodyId.of(w.countyB)));
        assertThat(mvc.perform(get("/petitions/" + id).with(w.as("discipline-b"))).andReturn().getResponse()
                .getStatus()).as("redirected to county B's 纪委").isEqualTo(200);
        assertThat(mvc.perform(get("/petitions/" + id).with(w.as("discipline-a"))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        tx.execute(t -> transfers.markRedirected(PetitionId.of(id), "甲县纪委监委", org.xuncha.common.BodyId.of(w.countyA)));
        assertThat(mvc.perform(get("/petitions/" + id).with(w.as("discipline-a"))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/petitions/" + id).with(w.as("discipline-b"))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        DataScope discipline = scopes.of(w.principal("discipline-a"));
        assertThat(pendingWork.stream().flatMap(p -> p.pendingFor(discipline).stream())
                .filter(i -> i.label().contains("转办信访件"))).as("the 纪委's 待办 is referral's").isEmpty();

        // the team cannot close before the outcome; intake's own outcome endpoint is gone; the outcome recorded in
        // referral comes in through TransferredPetitionOutcomes; then the team closes
        postAs("team-leader", "/petitions/" + id + "/reply", Map.of("version", "" + version(id),
                "reply", "已转纪委监委依规处理。"));
        assertThat(html(postAs("team-leader", "/petitions/" + id + "/close", Map.of("version", "" + version(id),
                "closure", "ILLEGAL_HANDLED")))).contains("须待其登记办理结果后办结");
        assertThat(postAs("discipline-a", "/petitions/" + id + "/outcome", Map.of("version", "" + version(id),
                "outcome", "x")).getStatus()).isIn(404, 405);
        assertThat((Boolean) tx.execute(t -> transferredOutcomes.recordOutcome(PetitionId.of(id), "经初核，给予诫勉谈话。",
                java.time.OffsetDateTime.now(clock), null))).isTrue();
        assertThat(html(mvc.perform(get("/petitions/" + id).with(w.as("team-leader"))).andReturn().getResponse()))
                .contains("经初核，给予诫勉谈话。");
        postAs("team-leader", "/petitions/" + id + "/close", Map.of("version", "" + version(id),
                "closure", "ILLEGAL_HANDLED"));
        assertThat(status(id)).isEqualTo("CLOSED");
    }

    @Test
    void overduePetitionsAreFlaggedAndCountedForTheTeam() throws Exception {
        long id = (long) report(w.code, "村干部挪用集体土地补偿款，多次反映无果。")[0];
        postAs("team-member", "/petitions/" + id + "/triage", Map.of("version", "" + version(id), "inScope", "true"));
        postAs("team-member", "/petitions/" + id + "/dispose", Map.of("version", "" + version(id), "disposition", "SELF"));
        jdbc.sql("UPDATE petition SET due_on = :d WHERE id = :id").param("d", java.time.LocalDate.now(clock).minusDays(3))
                .param("id", id).update();
        String list = html(mvc.perform(get("/petitions").param("overdue", "true").with(w.as("team-member")))
                .andReturn().getResponse());
        assertThat(list).contains("挪用集体土地补偿款").contains("xc-overdue-flag");
        DataScope team = scopes.of(w.principal("team-member"));
        assertThat(pendingWork.stream().flatMap(p -> p.pendingFor(team).stream())
                .filter(i -> i.label().equals("未办结的信访件")).findFirst().orElseThrow().overdue()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void unsealingNeedsAReasonAndIsOnlyForThoseWhoHandleIt() throws Exception {
        String json = mvc.perform(post("/api/public/reports").contentType(MediaType.APPLICATION_JSON)
                .content("{\"channelCode\":\"" + w.code + "\",\"category\":\"LIFE\",\"content\":\"某领导长期违规出入私人会所。\","
                        + "\"anonymous\":false,\"name\":\"实名甲\",\"phone\":\"13600002222\"}")
                .with(r -> {
                    r.setRemoteAddr("10.7.7.7");
                    return r;
                })).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        IntakePublicTests.receiptOf(json);
        long id = jdbc.sql("SELECT max(id) FROM petition").query(Long.class).single();
        String detail = html(mvc.perform(get("/petitions/" + id).with(w.as("office-a"))).andReturn().getResponse());
        assertThat(detail).contains("实名").doesNotContain("实名甲").doesNotContain("13600002222")
                .doesNotContain("unseal-form");
        assertThat(postAs("office-a", "/petitions/" + id + "/unseal", Map.of("reason", "想看看")).getStatus())
                .isEqualTo(403);
        assertThat(html(postAs("team-member", "/petitions/" + id + "/unseal", Map.of("reason", ""))))
                .contains("请填写查看理由").doesNotContain("13600002222");
        assertThat(html(postAs("team-member", "/petitions/" + id + "/unseal", Map.of("reason", "约谈举报人核实情况"))))
                .contains("13600002222").contains("实名甲");
        assertThat(postAs("other-member", "/petitions/" + id + "/unseal", Map.of("reason", "约谈举报人核实情况"))
                .getStatus()).isEqualTo(404);
        String list = html(mvc.perform(get("/petitions").with(w.as("team-member"))).andReturn().getResponse());
        assertThat(list).doesNotContain("实名甲").doesNotContain("13600002222");
    }

    @Test
    void theRegisterAsJsonKeepsTheScopeAndCarriesNoIdentity() throws Exception {
        mvc.perform(post("/api/public/reports").contentType(MediaType.APPLICATION_JSON)
                .content("{\"channelCode\":\"" + w.code + "\",\"category\":\"WORK\",\"content\":\"接口登记簿测试用的实名举报。\","
                        + "\"anonymous\":false,\"name\":\"接口甲\",\"phone\":\"13500003333\"}")
                .with(r -> {
                    r.setRemoteAddr("10.6.6.6");
                    return r;
                }));
        long id = jdbc.sql("SELECT max(id) FROM petition").query(Long.class).single();
        String list = html(mvc.perform(get("/api/petitions").param("inspection", "" + w.inspection)
                .with(w.as("team-member"))).andReturn().getResponse());
        assertThat(list).contains("接口登记簿测试用的实名举报").contains("\"anonymous\":false").doesNotContain("接口甲")
                .doesNotContain("13500003333").doesNotContain("sealed").doesNotContain("receipt");
        assertThat(mvc.perform(get("/api/petitions/" + id).with(w.as("team-member"))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/api/petitions/" + id).with(w.as("office-b"))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(html(mvc.perform(get("/api/petitions").with(w.as("other-member"))).andReturn().getResponse()))
                .doesNotContain("接口登记簿测试用的实名举报");
    }

    MockHttpServletResponse apiAs(String who, String path, String json) throws Exception {
        return mvc.perform(post(path).with(csrf()).with(w.as(who)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andReturn().getResponse();
    }

    @Test
    void theWholeHandlingThroughTheJsonApi() throws Exception {
        MockHttpServletResponse created = apiAs("team-member", "/api/petitions", "{\"inspectionId\":" + w.inspection
                + ",\"channel\":\"CALL\",\"organizationId\":" + w.a1 + ",\"category\":\"INTEGRITY\","
                + "\"content\":\"来电反映水务局采购水表价格虚高。\",\"anonymous\":true}");
        assertThat(created.getStatus()).isEqualTo(201);
        String receipt = IntakePublicTests.receiptOf(html(created));
        long id = jdbc.sql("SELECT max(id) FROM petition").query(Long.class).single();
        assertThat(apiAs("team-member", "/api/petitions", "{\"inspectionId\":" + w.inspection
                + ",\"channel\":\"WEB\",\"category\":\"WORK\",\"content\":\"内容足够长的一段来电内容。\",\"anonymous\":true}")
                .getStatus()).isEqualTo(400);

        assertThat(apiAs("other-member", "/api/petitions/" + id + "/triage", "{\"version\":0,\"inScope\":true}")
                .getStatus()).isEqualTo(404);
        assertThat(html(apiAs("team-member", "/api/petitions/" + id + "/triage", "{\"version\":" + version(id)
                + ",\"inScope\":true}"))).contains("\"status\":\"TRIAGED\"");
        MockHttpServletResponse stale = apiAs("team-member", "/api/petitions/" + id + "/dispose",
                "{\"version\":" + (version(id) - 1) + ",\"disposition\":\"SELF\"}");
        assertThat(stale.getStatus()).isEqualTo(400);
        assertThat(html(stale)).contains(Petitions.STALE);
        assertThat(html(apiAs("team-member", "/api/petitions/" + id + "/dispose", "{\"version\":" + version(id)
                + ",\"disposition\":\"SELF\",\"dueOn\":\"" + java.time.LocalDate.now(clock).plusDays(20) + "\"}")))
                .contains("\"status\":\"HANDLING\"").contains("\"disposition\":\"SELF\"");
        apiAs("team-member", "/api/petitions/" + id + "/reply", "{\"version\":" + version(id)
                + ",\"reply\":\"已责成水务局重新询价。\"}");
        assertThat(apiAs("team-member", "/api/petitions/" + id + "/close", "{\"version\":" + version(id)
                + ",\"closure\":\"REASONABLE_RESOLVED\"}").getStatus()).isEqualTo(403);
        assertThat(html(apiAs("team-leader", "/api/petitions/" + id + "/close", "{\"version\":" + version(id)
                + ",\"closure\":\"REASONABLE_RESOLVED\"}"))).contains("\"status\":\"CLOSED\"");
        assertThat(publicStatus(receipt)).contains("已责成水务局重新询价").contains("CLOSED");
    }
}
