package org.xuncha.findings.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.findings.comparison.Comparisons;
import org.xuncha.findings.worklog.TalkCategory;
import org.xuncha.findings.worklog.TeamWorkLogs;
import org.xuncha.findings.worklog.WorkLogDraft;
import org.xuncha.findings.worklog.WorkLogKind;
import org.xuncha.common.InspectionId;
import org.xuncha.identity.DataScopes;
import org.xuncha.intake.PetitionReference;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/**
 * A working paper's 问题来源 linked to the record it came from (issue 12 §2): a talk, a visit, records read (work logs
 * of that kind), a data comparison, a petition — each of the same inspection and readable by the writer. A record of
 * another inspection, of another kind, or a forged id is refused with one Chinese message and nothing changes; the
 * versions keep the link; the page, the 底稿审批单 and the API name the record by its label (a talk by date and
 * category only, never its sealed interviewee or notes); the TARGET and the other outsiders still read nothing.
 */
@SpringBootTest(properties = "xuncha.test.context=findings")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkingPaperSourceRecordTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired WorkingPapers papers;
    @Autowired Regulations regulations;
    @Autowired TeamWorkLogs logs;
    @Autowired Comparisons comparisons;
    @Autowired org.xuncha.intake.PetitionReferences petitionReferences;

    static final String INTERVIEWEE = "谈话对象戊某";
    static final String NOTES = "反映分管副局长收受施工方礼金的谈话记录";

    PaperWorld w;
    LocalDate day;
    long regulation;
    long talk;
    long visit;
    long records;
    long comparison;
    long petition;
    long otherTalk;
    long otherComparison;
    long otherPetition;

    @BeforeAll
    void world() {
        w = new PaperWorld(jdbc, encoder, clock, scopes, "wsr", "5863");
        regulation = regulations.list(w.scope("writer"), true).get(0).id();
        day = LocalDate.now(clock).minusDays(2);
        long writer = logs.teamChoices(w.scope("writer"), w.inspection).keySet().iterator().next();
        talk = logs.record(w.scope("writer"), w.inspection, new WorkLogDraft(WorkLogKind.TALK, day, "三楼谈话室", null,
                TalkCategory.MIDDLE_CADRE, List.of(writer), INTERVIEWEE, "工程管理科科长", NOTES, null, null, null, null,
                null, null), List.of());
        visit = logs.record(w.scope("writer"), w.inspection, new WorkLogDraft(WorkLogKind.VISIT, day, "城关镇",
                "走访饮水工程现场", null, List.of(), null, null, null, 6, null, null, null, null, null), List.of());
        records = logs.record(w.scope("writer"), w.inspection, new WorkLogDraft(WorkLogKind.RECORDS, day, null,
                "2025年财务凭证", null, List.of(), null, null, null, null, null, null, "2025年", 120, "王撰写"),
                List.of());
        long ndMember = logs.teamChoices(w.scope("nd-member"), w.noDeputy).keySet().iterator().next();
        otherTalk = logs.record(w.scope("nd-member"), w.noDeputy, new WorkLogDraft(WorkLogKind.TALK, day, "谈话室",
                null, TalkCategory.LEADERSHIP, List.of(ndMember), "另组谈话对象", "局长", "另组记录", null, null, null,
                null, null, null), List.of());
        comparison = comparisons.compare(w.scope("writer"), w.inspection, WorkingPaperComparisonEvidenceTests.order(),
                WorkingPaperComparisonEvidenceTests.payments(), WorkingPaperComparisonEvidenceTests.cremations());
        otherComparison = comparisons.compare(w.scope("nd-member"), w.noDeputy,
                WorkingPaperComparisonEvidenceTests.order(), WorkingPaperComparisonEvidenceTests.payments(),
                WorkingPaperComparisonEvidenceTests.cremations());
        intakeInspection(w.inspection);
        intakeInspection(w.noDeputy);
        petition = petition(w.inspection, "wsr-receipt-1");
        otherPetition = petition(w.noDeputy, "wsr-receipt-2");
    }

    /** intake's record of a stationed inspection, as its listener files it (PaperWorld writes inspection's rows). */
    void intakeInspection(long inspection) {
        jdbc.sql("""
                INSERT INTO intake_inspection (inspection_id, body_id, round_id, team_name, form_cross, stage,
                                               stationed_on)
                SELECT id, body_id, round_id, team_name, form_cross, stage, stationed_on FROM inspection WHERE id = :i
                """).param("i", inspection).update();
    }

    long petition(long inspection, String receiptHash) {
        jdbc.sql("""
                INSERT INTO petition (inspection_id, channel, category, content, anonymous, receipt_hash, status,
                                      received_on, received_at)
                VALUES (:i, 'LETTER', 'INTEGRITY', '举报分管副局长收受礼金', TRUE, :h, 'RECEIVED', :d, CURRENT_TIMESTAMP)
                """).param("i", inspection).param("h", receiptHash).param("d", day).update();
        return jdbc.sql("SELECT id FROM petition WHERE receipt_hash = :h").param("h", receiptHash)
                .query(Long.class).single();
    }

    WorkingPaperDraft draft(String title, ProblemSource source, Long record) {
        WorkingPaperDraft d = PaperSamples.draft(title, regulation);
        return new WorkingPaperDraft(d.title(), d.facts(), d.bases(), d.basisText(), source, "补充说明", record,
                d.subjectResp(), d.firstResp(), d.mainLeaderResp(), d.supervisionResp(), d.illegalYuan(),
                d.lossYuan(), d.finderUserId(), d.foundOn(), d.evidence());
    }

    long papersOfInspection() {
        return jdbc.sql("SELECT count(*) FROM working_paper WHERE inspection_id = :i").param("i", w.inspection)
                .query(Long.class).single();
    }

    // labels worked out by hand from the records above
    String talkLabel() {
        return "个别谈话 " + day + " · 中层干部";
    }

    String petitionLabel() {
        return "信访件" + petition + "号 · 违反廉洁纪律（贪污、受贿、吃拿卡要） · " + day + "收";
    }

    @Test
    void eachSupportedKindLinksItsRecordWithItsLabel() {
        record Case(ProblemSource source, long record, String label) {
        }
        List<Case> cases = List.of(
                new Case(ProblemSource.TALK, talk, talkLabel()),
                new Case(ProblemSource.VISIT, visit, "走访 " + day + " · 走访饮水工程现场"),
                new Case(ProblemSource.RECORDS, records, "调阅资料 " + day + " · 2025年财务凭证"),
                new Case(ProblemSource.DATA_COMPARISON, comparison,
                        "数据比对：低保与火化比对（低保发放名单 × 火化名单，匹配 1 条）"),
                new Case(ProblemSource.PETITION, petition, petitionLabel()));
        for (Case c : cases) {
            long id = papers.create(w.scope("writer"), w.inspection, draft("来源" + c.source(), c.source(), c.record()))
                    .value();
            WorkingPaperView p = papers.get(w.scope("writer"), id);
            assertThat(p.source()).isEqualTo(c.source());
            assertThat(p.sourceRecordId()).as(c.source().name()).isEqualTo(c.record());
            assertThat(p.sourceRecordLabel()).as(c.source().name()).isEqualTo(c.label());
            assertThat(p.sourceRef()).isEqualTo("补充说明");
        }
        // the talk's label names neither the interviewee nor the notes (sealed)
        assertThat(talkLabel()).doesNotContain(INTERVIEWEE).doesNotContain(NOTES);
    }

    @Test
    void aRecordOfAnotherInspectionOfAnotherKindOrAForgedIdIsRefusedAndNothingChanges() {
        String talkRefusal = "所选的来源记录不存在，或不是本次巡察的“个别谈话”记录，请重新选择";
        long before = papersOfInspection();
        record Refused(ProblemSource source, long record, String message) {
        }
        List<Refused> refused = List.of(
                new Refused(ProblemSource.TALK, otherTalk, talkRefusal),           // another inspection's talk
                new Refused(ProblemSource.TALK, visit, talkRefusal),               // a work log of another kind
                new Refused(ProblemSource.TALK, 987_654_321L, talkRefusal),        // forged
                new Refused(ProblemSource.DATA_COMPARISON, otherComparison,
                        "所选的来源记录不存在，或不是本次巡察的“数据比对”记录，请重新选择"),
                new Refused(ProblemSource.PETITION, otherPetition,
                        "所选的来源记录不存在，或不是本次巡察的“信访举报”记录，请重新选择"),
                new Refused(ProblemSource.PETITION, 987_654_321L,
                        "所选的来源记录不存在，或不是本次巡察的“信访举报”记录，请重新选择"),
                new Refused(ProblemSource.OTHER, talk, "问题来源为“其他”时不关联记录，请在来源说明中填写"),
                new Refused(ProblemSource.PRE_BRIEFING, talk, "问题来源为“巡前通报”时不关联记录，请在来源说明中填写"));
        for (Refused r : refused) {
            assertThatThrownBy(() -> papers.create(w.scope("writer"), w.inspection, draft("拒绝", r.source(),
                    r.record()))).as(r.source() + " " + r.record()).isInstanceOf(UserInputException.class)
                    .hasMessage(r.message());
        }
        assertThat(papersOfInspection()).isEqualTo(before);

        // an edit with a foreign record changes nothing either
        long id = papers.create(w.scope("writer"), w.inspection, draft("编辑拒绝", ProblemSource.TALK, talk)).value();
        WorkingPaperView p = papers.get(w.scope("writer"), id);
        assertThatThrownBy(() -> papers.edit(w.scope("writer"), id, p.rowVersion(),
                draft("编辑拒绝", ProblemSource.PETITION, otherPetition))).isInstanceOf(UserInputException.class);
        WorkingPaperView after = papers.get(w.scope("writer"), id);
        assertThat(after.rowVersion()).isEqualTo(p.rowVersion());
        assertThat(after.source()).isEqualTo(ProblemSource.TALK);
        assertThat(after.sourceRecordId()).isEqualTo(talk);
    }

    @Test
    void theVersionsKeepTheLinkEachHad() {
        long id = papers.create(w.scope("writer"), w.inspection, draft("版本", ProblemSource.TALK, talk)).value();
        papers.edit(w.scope("writer"), id, papers.get(w.scope("writer"), id).rowVersion(),
                draft("版本", ProblemSource.PETITION, petition));
        papers.edit(w.scope("writer"), id, papers.get(w.scope("writer"), id).rowVersion(),
                draft("版本", ProblemSource.OTHER, null));
        List<WorkingPaperRepository.Version> versions = papers.versions(w.scope("writer"), id);
        assertThat(versions).extracting(WorkingPaperRepository.Version::versionNo).containsExactly(3, 2, 1);
        assertThat(versions.get(2).sourceRecordId()).isEqualTo(talk);
        assertThat(versions.get(2).sourceRecordLabel()).isEqualTo(talkLabel());
        assertThat(versions.get(1).sourceRecordId()).isEqualTo(petition);
        assertThat(versions.get(1).sourceRecordLabel()).isEqualTo(petitionLabel());
        assertThat(versions.get(0).sourceRecordId()).isNull();
        assertThat(versions.get(0).sourceRecordLabel()).isNull();
        assertThat(papers.get(w.scope("writer"), id).sourceRecordId()).isNull();
    }

    @Test
    void theFormOffersTheRecordsAndThePageSlipAndApiNameTheLink() throws Exception {
        String form = mvc.perform(get("/working-papers/new?inspection=" + w.inspection).with(w.as("writer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("value=\"TALK:" + talk + "\"").contains(talkLabel())
                .contains("value=\"PETITION:" + petition + "\"").contains("value=\"DATA_COMPARISON:" + comparison + "\"")
                .doesNotContain("TALK:" + otherTalk + "\"").doesNotContain("PETITION:" + otherPetition + "\"")
                .doesNotContain(INTERVIEWEE);

        // a record of another kind than the chosen source is refused by the form, in Chinese, nothing stored
        long before = papersOfInspection();
        String refused = mvc.perform(multipart("/working-papers").param("inspection", Long.toString(w.inspection))
                        .param("title", "表单拒绝").param("facts", "事实").param("source", "TALK")
                        .param("evidenceDescription", "谈话记录")
                        .param("sourceRecord", "VISIT:" + visit).with(csrf()).with(w.as("writer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("所选的来源记录是“走访”记录，与问题来源“个别谈话”不一致，请重新选择");
        assertThat(papersOfInspection()).isEqualTo(before);

        String location = mvc.perform(multipart("/working-papers").param("inspection", Long.toString(w.inspection))
                        .param("title", "表单关联").param("facts", "事实").param("source", "TALK")
                        .param("sourceRecord", "TALK:" + talk).param("sourceRef", "同一问题另有来信")
                        .with(csrf()).with(w.as("writer")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String page = mvc.perform(get(location).with(w.as("writer"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("href=\"/work-logs/" + talk + "\"").contains(talkLabel()).contains("同一问题另有来信")
                .doesNotContain(INTERVIEWEE).doesNotContain(NOTES);
        String edit = mvc.perform(get(location + "/edit").with(w.as("writer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(edit).containsPattern("value=\"TALK:" + talk + "\"\\s+selected");

        byte[] docx = mvc.perform(get(location + "/slip").with(w.as("leader-a"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("来源记录：" + talkLabel()).doesNotContain(INTERVIEWEE);
        }
        String api = mvc.perform(get("/api/working-papers/" + id).with(w.as("office-a"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(api).contains("\"sourceRecordId\":" + talk).contains("\"sourceRecordLabel\":\"" + talkLabel() + "\"");
        String list = mvc.perform(get("/api/working-papers?inspection=" + w.inspection).with(w.as("office-a")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("\"sourceRecordId\":" + talk);

        // a petition link: the office opens the petition's page; the leading group reads the label but intake
        // does not let it open petitions, so it gets no link
        long fromPetition = papers.create(w.scope("writer"), w.inspection,
                draft("来自信访", ProblemSource.PETITION, petition)).value();
        assertThat(mvc.perform(get("/working-papers/" + fromPetition).with(w.as("office-a"))).andReturn()
                .getResponse().getContentAsString()).contains("href=\"/petitions/" + petition + "\"")
                .contains(petitionLabel());
        assertThat(mvc.perform(get("/working-papers/" + fromPetition).with(w.as("leader-a"))).andReturn()
                .getResponse().getContentAsString()).doesNotContain("href=\"/petitions/" + petition + "\"")
                .contains(petitionLabel());
    }

    @Test
    void theTargetAndTheOtherOutsidersStillReadNothing() throws Exception {
        long id = papers.create(w.scope("writer"), w.inspection, draft("外人", ProblemSource.TALK, talk)).value();
        for (String who : List.of("target-a1", "collaborator-a", "discipline-a", "orgdept-a", "office-b",
                "b-leader")) {
            assertThatThrownBy(() -> papers.get(w.scope(who), id)).as(who).isInstanceOf(NotFoundInScope.class);
            for (String url : List.of("/working-papers/" + id, "/api/working-papers/" + id,
                    "/api/working-papers?inspection=" + w.inspection, "/working-papers/new?inspection=" + w.inspection)) {
                String body = mvc.perform(get(url).with(w.as(who))).andReturn().getResponse().getContentAsString();
                assertThat(body).as(who + " " + url).doesNotContain(talkLabel()).doesNotContain("TALK:" + talk);
            }
        }
    }

    @Test
    void intakesReferencesFollowIntakesScopeAndCarryNoIdentity() {
        InspectionId inspection = InspectionId.of(w.inspection);
        assertThat(petitionReferences.of(w.scope("writer"), inspection)).extracting(PetitionReference::id)
                .containsExactly(petition);
        assertThat(petitionReferences.of(w.scope("office-a"), inspection)).extracting(PetitionReference::label)
                .containsExactly(petitionLabel());
        // the writer is not on the other inspection's team: its petition reads as absent, like a forged id
        assertThat(petitionReferences.find(w.scope("writer"), InspectionId.of(w.noDeputy), otherPetition)).isEmpty();
        assertThat(petitionReferences.find(w.scope("writer"), inspection, otherPetition)).isEmpty();
        assertThat(petitionReferences.find(w.scope("writer"), inspection, 987_654_321L)).isEmpty();
        for (String who : List.of("target-a1", "collaborator-a", "orgdept-a", "office-b", "b-leader", "leader-a")) {
            assertThat(petitionReferences.of(w.scope(who), inspection)).as(who).isEmpty();
            assertThat(petitionReferences.find(w.scope(who), inspection, petition)).as(who).isEmpty();
        }
    }
}
