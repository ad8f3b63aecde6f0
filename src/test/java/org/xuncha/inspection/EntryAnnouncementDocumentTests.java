package org.xuncha.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.common.Role;
import org.xuncha.documents.DocumentTemplates;
import org.xuncha.documents.QrCodePictureTests;
import org.xuncha.documents.WordDownloads;
import org.xuncha.documents.WordFiles;
import org.xuncha.identity.DataScopes;
import org.xuncha.identity.PrincipalFactory;

/**
 * GET /inspections/{id}/announcement.docx (and /api/…): the document says what the inspection's announcement says,
 * carries the QR code of the public channel, is audited as an export, follows the body's own template, and is only
 * handed out in scope (404 otherwise) and once the inspection is stationed with a channel code (400 otherwise).
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntryAnnouncementDocumentTests {

    static final String CODE = "EADq7Kx2mPzX9vTw";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired DocumentTemplates templates;
    @Autowired DataScopes scopes;

    EntryAnnouncementDocumentWorld world;
    long stationed;
    long preparing;
    long withoutAnnouncement;
    long withoutChannel;
    RequestPostProcessor officeA;
    long officeAId;
    RequestPostProcessor officeB;
    RequestPostProcessor cityOffice;
    RequestPostProcessor leaderA;
    RequestPostProcessor leaderB;
    RequestPostProcessor teamLeader;
    RequestPostProcessor member;
    RequestPostProcessor memberElsewhere;

    @BeforeAll
    void world() {
        world = new EntryAnnouncementDocumentWorld(jdbc, encoder, "EAD", "827100");
        long a = world.countyA;
        long target = world.organization("-ORG-1", "江北区水利局党组", a);
        long other = world.organization("-ORG-2", "江北区财政局党组", a);
        long round = world.round(a);
        stationed = world.inspection(a, round, "第一巡察组", InspectionStage.STATIONED);
        world.target(stationed, target);
        world.announce(stationed, CODE);
        preparing = world.inspection(a, round, "第二巡察组", InspectionStage.PREPARING);
        world.target(preparing, other);
        world.announce(preparing, null);
        withoutAnnouncement = world.inspection(a, round, "第三巡察组", InspectionStage.STATIONED);
        withoutChannel = world.inspection(a, round, "第四巡察组", InspectionStage.REPORTING);
        world.announce(withoutChannel, null);

        long leaderPerson = world.inspector("-P1", "林思远", a);
        long memberPerson = world.inspector("-P2", "周明", a);
        long elsewherePerson = world.inspector("-P3", "吴桐", a);
        long teamLeaderAccount = world.account("-team-leader", Role.TEAM_LEADER, a);
        long memberAccount = world.account("-member", Role.TEAM_MEMBER, a);
        long elsewhereAccount = world.account("-member-elsewhere", Role.TEAM_MEMBER, a);
        world.member(stationed, leaderPerson, "LEADER", teamLeaderAccount);
        world.member(stationed, memberPerson, "MEMBER", memberAccount);
        world.member(preparing, elsewherePerson, "MEMBER", elsewhereAccount);

        officeAId = world.account("-office-a", Role.OFFICE, a);
        officeA = EntryAnnouncementDocumentWorld.as(officeAId, Role.OFFICE, a);
        officeB = EntryAnnouncementDocumentWorld.as(world.account("-office-b", Role.OFFICE, world.countyB), Role.OFFICE,
                world.countyB);
        cityOffice = EntryAnnouncementDocumentWorld.as(world.account("-office-city", Role.OFFICE, world.city),
                Role.OFFICE, world.city);
        leaderA = EntryAnnouncementDocumentWorld.as(world.account("-leader-a", Role.LEADER, a), Role.LEADER, a);
        leaderB = EntryAnnouncementDocumentWorld.as(world.account("-leader-b", Role.LEADER, world.countyB),
                Role.LEADER, world.countyB);
        teamLeader = EntryAnnouncementDocumentWorld.as(teamLeaderAccount, Role.TEAM_LEADER, a);
        member = EntryAnnouncementDocumentWorld.as(memberAccount, Role.TEAM_MEMBER, a);
        memberElsewhere = EntryAnnouncementDocumentWorld.as(elsewhereAccount, Role.TEAM_MEMBER, a);
    }

    long exports(long inspection) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'EXPORT' AND object_type = 'EntryAnnouncement'"
                + " AND object_id = :id").param("id", String.valueOf(inspection)).query(Long.class).single();
    }

    byte[] download(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void theOfficeDownloadsTheAnnouncementWithItsQrCodeAndTheExportIsAudited() throws Exception {
        long before = exports(stationed);
        String fileName = "中共江北区委第一巡察组进驻江北区水利局党组的公告.docx";
        byte[] docx = mvc.perform(get("/inspections/" + stationed + "/announcement.docx").with(officeA))
                .andExpect(status().isOk())
                .andExpect(content().contentType(WordDownloads.DOCX))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.startsWith("attachment;"),
                        org.hamcrest.Matchers.endsWith("filename*=UTF-8''" + WordFiles.rfc5987(fileName)))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(WordFiles.rfc5987(fileName)).startsWith("%E4%B8%AD%E5%85%B1").endsWith(".docx");

        String text = WordFiles.text(docx);
        assertThat(text).doesNotContain("${")
                .contains("中共江北区委第一巡察组进驻江北区水利局党组的公告")
                .contains("根据江北区委巡察工作统一部署，中共江北区委第一巡察组（组长：林思远）自2026年3月2日起对江北区水利局党组开展乡村振兴专项巡察")
                .contains("0591-87654321").contains("截至2026年4月25日").contains("清江市A001号邮政信箱")
                .contains("违反中央八项规定精神问题；\n群众身边的不正之风和腐败问题")
                .contains("http://localhost:8080/r/" + CODE)
                .contains("中共江北区委巡察工作领导小组办公室");
        var pictures = WordFiles.pictures(docx);
        assertThat(pictures).hasSize(1);
        assertThat(QrCodePictureTests.decode(pictures.get(0).png())).isEqualTo("http://localhost:8080/r/" + CODE);
        assertThat(exports(stationed)).isEqualTo(before + 1);
    }

    @Test
    void theTeamGetsItThroughTheApiAndThePageAlike() throws Exception {
        for (RequestPostProcessor who : List.of(member, teamLeader)) {
            byte[] page = download("/inspections/" + stationed + "/announcement.docx", who);
            byte[] api = download("/api/inspections/" + stationed + "/announcement.docx", who);
            assertThat(WordFiles.text(api)).isEqualTo(WordFiles.text(page))
                    .contains("中共江北区委第一巡察组");
        }
    }

    @Test
    void readersOfTheBodyGetItAndTheCityOfficeReadsItsCounties() throws Exception {
        for (RequestPostProcessor who : List.of(leaderA, cityOffice)) {
            assertThat(WordFiles.text(download("/inspections/" + stationed + "/announcement.docx", who)))
                    .contains("江北区水利局党组");
        }
    }

    @Test
    void outsideTheScopeItIsNotFoundAndNothingIsAudited() throws Exception {
        long before = exports(stationed);
        for (RequestPostProcessor who : List.of(officeB, leaderB, memberElsewhere)) {
            mvc.perform(get("/inspections/" + stationed + "/announcement.docx").with(who)).andExpect(status().isNotFound());
            mvc.perform(get("/api/inspections/" + stationed + "/announcement.docx").with(who))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/inspections/987654321/announcement.docx").with(officeA)).andExpect(status().isNotFound());
        mvc.perform(get("/inspections/0/announcement.docx").with(officeA)).andExpect(status().isNotFound());
        assertThat(exports(stationed)).isEqualTo(before);
    }

    @Test
    void beforeTheTeamIsStationedWithAChannelCodeThereIsNoAnnouncement() throws Exception {
        mvc.perform(get("/inspections/" + preparing + "/announcement.docx").with(officeA))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("巡察组尚未进驻（当前阶段：准备），进驻后才能生成进驻公告")));
        mvc.perform(get("/api/inspections/" + preparing + "/announcement.docx").with(officeA))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("巡察组尚未进驻（当前阶段：准备），进驻后才能生成进驻公告"));
        mvc.perform(get("/api/inspections/" + withoutAnnouncement + "/announcement.docx").with(officeA))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("尚未填写进驻公告")));
        mvc.perform(get("/api/inspections/" + withoutChannel + "/announcement.docx").with(officeA))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("公开举报渠道码")));
        assertThat(exports(preparing) + exports(withoutAnnouncement) + exports(withoutChannel)).isZero();
    }

    @Test
    void theBodysOwnTemplateIsUsedUntilTheOfficeRevertsToTheBuiltInOne() throws Exception {
        byte[] own = WordFiles.withDocumentXml(xml -> xml.replace("特此公告。", "特此公告（江北区定制模板）。"));
        var scope = scopes.of(PrincipalFactory.create(officeAId, "o", "o", "x", java.util.Set.of(Role.OFFICE),
                world.countyA, null, null, true, false));
        WordFiles.replace(templates, scope, EntryAnnouncementKind.KIND, "定制.docx", own, "tester");
        try {
            assertThat(WordFiles.text(download("/inspections/" + stationed + "/announcement.docx", member)))
                    .contains("特此公告（江北区定制模板）。").contains("中共江北区委第一巡察组").doesNotContain("${");
        } finally {
            assertThat(WordFiles.revert(templates, scope, EntryAnnouncementKind.KIND)).isTrue();
        }
        assertThat(WordFiles.text(download("/inspections/" + stationed + "/announcement.docx", member)))
                .contains("特此公告。").doesNotContain("定制模板");
    }
}
