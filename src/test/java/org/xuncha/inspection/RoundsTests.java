package org.xuncha.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/** Rounds: planning in the office's own terms, date rules, numbering, edits, scope and the timeline. */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundsTests {

    @Autowired Rounds rounds;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    InspectionWorld w;

    @BeforeAll
    void world() {
        w = new InspectionWorld(jdbc, encoder, "RDT", "4704");
    }

    RoundDraft draft(long term, Integer ordinal, LocalDate station, LocalDate withdraw, LocalDate feedback) {
        return new RoundDraft(term, ordinal, null, station, withdraw, feedback, null, null, null, null);
    }

    @Test
    void anOfficePlansNumberedRoundsInItsOwnTerm() {
        DataScope office = w.office(w.bodyA);
        long id = rounds.create(office, draft(w.termA, null, LocalDate.of(w.year, 5, 6), LocalDate.of(w.year, 6, 30),
                LocalDate.of(w.year, 8, 1)));
        RoundView r = rounds.get(office, id);
        assertThat(r.ordinal()).isEqualTo(2);
        assertThat(r.name()).isEqualTo("第2轮");
        assertThat(r.writable()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'ROUND_CREATED' AND object_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> rounds.create(office, draft(w.termA, 2, LocalDate.of(w.year, 5, 6),
                LocalDate.of(w.year, 6, 30), null))).isInstanceOf(UserInputException.class).hasMessageContaining("已有第2轮");
        assertThatThrownBy(() -> rounds.create(office, draft(w.termA, null, LocalDate.of(w.year, 5, 6),
                LocalDate.of(w.year, 5, 1), null))).isInstanceOf(UserInputException.class).hasMessageContaining("计划撤离日期");
        assertThatThrownBy(() -> rounds.create(office, draft(w.termA, null, LocalDate.of(w.year, 5, 6),
                LocalDate.of(w.year, 6, 1), LocalDate.of(w.year, 5, 20)))).isInstanceOf(UserInputException.class)
                .hasMessageContaining("计划反馈日期");
        assertThatThrownBy(() -> rounds.create(office, draft(w.termA, null, LocalDate.of(w.year + 9, 5, 6),
                LocalDate.of(w.year + 9, 6, 1), null))).isInstanceOf(UserInputException.class).hasMessageContaining("届期");
    }

    @Test
    void roundsAreOnlyPlannedInTheOwnBodysTerms() {
        assertThatThrownBy(() -> rounds.create(w.office(w.city), draft(w.termA, null, LocalDate.of(w.year, 5, 6),
                LocalDate.of(w.year, 6, 30), null))).isInstanceOf(UserInputException.class).hasMessageContaining("本级");
        assertThatThrownBy(() -> rounds.create(w.office(w.bodyB), draft(w.termA, null, LocalDate.of(w.year, 5, 6),
                LocalDate.of(w.year, 6, 30), null))).isInstanceOf(UserInputException.class).hasMessageContaining("不存在");
        assertThatThrownBy(() -> rounds.create(w.leader(w.bodyA), draft(w.termA, null, LocalDate.of(w.year, 5, 6),
                LocalDate.of(w.year, 6, 30), null))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void editsCheckTheVersionAndMayCorrectActualDates() {
        DataScope office = w.office(w.bodyB);
        RoundView r = rounds.get(office, w.roundB);
        rounds.edit(office, r.id(), new RoundDraft(null, null, "第一轮（春季）", r.plannedStationOn(), r.plannedWithdrawOn(),
                null, LocalDate.of(w.year, 3, 3), null, null, r.version()));
        RoundView edited = rounds.get(office, r.id());
        assertThat(edited.name()).isEqualTo("第一轮（春季）");
        assertThat(edited.actualStationOn()).isEqualTo(LocalDate.of(w.year, 3, 3));
        assertThatThrownBy(() -> rounds.edit(office, r.id(), new RoundDraft(null, null, null, r.plannedStationOn(),
                r.plannedWithdrawOn(), null, null, null, null, r.version()))).isInstanceOf(UserInputException.class)
                .hasMessageContaining("已被他人修改");
        assertThatThrownBy(() -> rounds.edit(w.office(w.city), r.id(), RoundDraft.of(edited)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rounds.edit(w.office(w.bodyA), r.id(), RoundDraft.of(edited)))
                .isInstanceOf(NotFoundInScope.class);
    }

    @Test
    void theCityReadsItsCountiesRoundsAndTheTimelineSpansThem() {
        DataScope city = w.office(w.city);
        assertThat(rounds.list(city, null, null, 0, 50).items()).extracting(RoundView::id)
                .contains(w.cityRound, w.roundA, w.roundB);
        assertThat(rounds.list(city, null, w.bodyA, 0, 50).items()).extracting(RoundView::id)
                .contains(w.roundA).doesNotContain(w.roundB, w.cityRound);
        assertThat(rounds.get(city, w.roundA).writable()).isFalse();
        assertThat(rounds.list(w.office(w.bodyA), null, null, 0, 50).items()).extracting(RoundView::id)
                .contains(w.roundA).doesNotContain(w.roundB, w.cityRound);
        assertThat(rounds.list(w.team(Role.TEAM_MEMBER, w.bodyA), null, null, 0, 50).total()).isZero();
        assertThat(rounds.timeline(city, null, LocalDate.of(w.year, 1, 1), LocalDate.of(w.year, 12, 31)))
                .extracting(RoundTimelineRow::roundId).contains(w.cityRound, w.roundA, w.roundB);
        assertThat(rounds.timeline(city, null, LocalDate.of(w.year + 3, 1, 1), LocalDate.of(w.year + 3, 12, 31)))
                .extracting(RoundTimelineRow::roundId).doesNotContain(w.cityRound, w.roundA, w.roundB);
        assertThat(rounds.timeline(w.leader(w.bodyA), null, LocalDate.of(w.year, 1, 1), LocalDate.of(w.year, 12, 31)))
                .extracting(RoundTimelineRow::roundId).contains(w.roundA).doesNotContain(w.roundB);
    }
}
