package org.xuncha.supervision.talk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.common.DataScope;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.ledger.LedgerWorlds;
import org.xuncha.supervision.AccountabilityForm;
import org.xuncha.supervision.NoticeKind;
import org.xuncha.supervision.SupervisingBody;
import org.xuncha.supervision.SupervisionCounts;
import org.xuncha.supervision.SupervisionFigures;
import org.xuncha.supervision.TalkStatus;
import org.xuncha.supervision.TalkeeKind;

/**
 * 约谈 with their follow-up, 问责 counted by form, 通报 published to the units they name (issue 15 §1): refusals that
 * change nothing, each role's scope (the TARGET reads no talk or accountability and only the published 通报 naming
 * it; another county's office reads nothing; DISCIPLINE reads and cannot write), names never in the audit log, the
 * figures, the pages. World under prefix "stk", city 6103.
 */
@SpringBootTest(properties = "xuncha.test.context=rectification-ledger")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TalksTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired Talks talks;
    @Autowired SupervisionFigures figures;
    @Autowired MockMvc mvc;

    LedgerWorlds.World lw;
    LocalDate today;

    @BeforeAll
    void world() {
        lw = LedgerWorlds.of(jdbc, encoder, clock, scopes, "stk", "6103");
        today = LocalDate.now(clock);
    }

    DataScope office() {
        return lw.scope("office-a");
    }

    Talks.TalkEntry talk(long organization) {
        return new Talks.TalkEntry(organization, SupervisingBody.DISCIPLINE, "王纪检", TalkeeKind.LEADING, "赵局长",
                today, "整改进度滞后", "月底前完成整改", null, null);
    }

    @Test
    void aTalkIsFollowedUpOnceAndItsNamesNeverReachTheAuditLog() {
        long id = talks.recordTalk(office(), talk(lw.a1()));
        TalkRepository.Talk t = talks.talks(office()).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        assertThat(t.status()).isEqualTo(TalkStatus.TRACKING);
        assertThatThrownBy(() -> talks.followUp(office(), id, 1, " ")).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> talks.followUp(lw.scope("discipline-a"), id, 1, "已整改"))
                .isInstanceOf(AccessDeniedException.class);
        talks.followUp(office(), id, 1, "已整改到位");
        assertThatThrownBy(() -> talks.followUp(office(), id, 2, "再次")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("已落实");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE object_type = 'SupervisionTalk' AND object_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE detail LIKE '%赵局长%' OR detail LIKE '%王纪检%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void badInputAndAnOrganizationOutsideTheOfficesBodyChangeNothing() {
        long before = jdbc.sql("SELECT count(*) FROM supervision_talk").query(Long.class).single();
        assertThatThrownBy(() -> talks.recordTalk(lw.scope("office-b"), talk(lw.a1())))
                .isInstanceOf(UserInputException.class).hasMessageContaining("不在本巡察机构的监督范围内");
        assertThatThrownBy(() -> talks.recordTalk(office(), new Talks.TalkEntry(lw.a1(), SupervisingBody.OFFICE, "甲",
                TalkeeKind.DEPUTY, "乙", today.plusDays(1), "事由", "承诺", null, null)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("不能晚于今天");
        assertThatThrownBy(() -> talks.recordTalk(office(), new Talks.TalkEntry(lw.a1(), SupervisingBody.OFFICE, "甲",
                TalkeeKind.DEPUTY, "乙", today, "事由", "承诺", null, 999_999_999L)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("不是该单位的事项");
        assertThatThrownBy(() -> talks.recordTalk(lw.scope("discipline-a"), talk(lw.a1())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM supervision_talk").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void eachRoleReadsOnlyWhatItMayAndTheFiguresCountAccountabilityByForm() {
        long talk = talks.recordTalk(office(), talk(lw.a1()));
        long acc = talks.recordAccountability(office(), new Talks.AccountabilityEntry(lw.a1(), "钱某", "副局长",
                "整改不力", AccountabilityForm.ADMONITION_TALK, SupervisingBody.DISCIPLINE, today, null));
        talks.recordAccountability(office(), new Talks.AccountabilityEntry(lw.a2(), "孙某", "科长", "虚假整改",
                AccountabilityForm.PARTY_DISCIPLINE, SupervisingBody.DISCIPLINE, today, null));
        for (String reader : List.of("office-a", "office-city", "discipline-a", "orgdept-a", "leader-a")) {
            assertThat(talks.talks(lw.scope(reader))).as(reader).extracting(TalkRepository.Talk::id).contains(talk);
            assertThat(talks.accountability(lw.scope(reader))).as(reader)
                    .extracting(TalkRepository.Accountability::id).contains(acc);
        }
        for (String other : List.of("office-b", "target-a1", "target-b1", "collaborator-a")) {
            assertThat(talks.talks(lw.scope(other))).as(other).extracting(TalkRepository.Talk::id)
                    .doesNotContain(talk);
            assertThat(talks.accountability(lw.scope(other))).as(other)
                    .extracting(TalkRepository.Accountability::id).doesNotContain(acc);
        }
        SupervisionCounts c = figures.countsOf(office(), org.xuncha.common.BodyId.of(
                jdbc.sql("SELECT body_id FROM party_organization WHERE id = :o").param("o", lw.a1()).query(Long.class)
                        .single()), today, today);
        assertThat(c.accountability(AccountabilityForm.ADMONITION_TALK)).isGreaterThanOrEqualTo(1);
        assertThat(c.accountability(AccountabilityForm.PARTY_DISCIPLINE)).isGreaterThanOrEqualTo(1);
        assertThat(c.talks()).isGreaterThanOrEqualTo(1);
        SupervisionCounts target = figures.countsOf(lw.scope("target-a1"));
        assertThat(target.talks()).isZero();
        assertThat(target.accountability()).isZero();
        assertThat(figures.countsOf(lw.scope("office-b")).accountability()).isZero();
    }

    @Test
    void aNoticeIsSeenByTheUnitsItNamesOnlyOncePublished() {
        long id = talks.draftNotice(office(), NoticeKind.CRITICISM, "关于整改不力单位的通报", "甲县水务局党组整改进度滞后。",
                today, List.of(lw.a1()));
        assertThat(talks.notices(lw.scope("target-a1"))).extracting(TalkRepository.Notice::id).doesNotContain(id);
        talks.publish(office(), id, 1);
        assertThat(talks.notices(lw.scope("target-a1"))).extracting(TalkRepository.Notice::id).contains(id);
        assertThat(talks.notices(lw.scope("target-a2"))).extracting(TalkRepository.Notice::id).doesNotContain(id);
        assertThat(talks.notices(lw.scope("office-b"))).extracting(TalkRepository.Notice::id).doesNotContain(id);
        assertThatThrownBy(() -> talks.publish(office(), id, 2)).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> talks.draftNotice(lw.scope("office-b"), NoticeKind.PRAISE, "表扬", "内容", today,
                List.of(lw.a1()))).isInstanceOf(UserInputException.class).hasMessageContaining("监督范围内");
        assertThat(figures.countsOf(lw.scope("target-a1")).noticesPublished()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void thePagesRecordWithPostRedirectGetAndTheTargetIsRefusedTalks() throws Exception {
        mvc.perform(post("/supervision/talks").with(lw.as("office-a")).with(csrf())
                        .param("organization", String.valueOf(lw.a1())).param("talkerBody", "OFFICE")
                        .param("talkerName", "周主任").param("talkeeKind", "DEPUTY").param("talkeeName", "吴副局长")
                        .param("talkedOn", today.toString()).param("reason", "红色预警事项较多").param("promise", "两周内整改"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/supervision/talks").with(lw.as("office-a"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("吴副局长")));
        mvc.perform(post("/supervision/talks").with(lw.as("office-a")).with(csrf())
                        .param("organization", String.valueOf(lw.a1())).param("talkedOn", "明天"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("form-error")));
        mvc.perform(get("/supervision/talks").with(lw.as("target-a1"))).andExpect(status().isForbidden());
        mvc.perform(get("/supervision/notices").with(lw.as("target-a1"))).andExpect(status().isOk());
        mvc.perform(get("/api/supervision/figures").with(lw.as("office-a"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.talks").isNumber());
    }
}
