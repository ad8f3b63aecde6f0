package org.xuncha.supervision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.xuncha.common.DataScope;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.supervision.EvaluationConcluded;
import org.xuncha.supervision.EvaluationConsequence;

/**
 * An evaluation end to end on the services, against the real ledger figures: the office copies the 扶风 example,
 * publishes it (a published version is immutable; revising makes version 2 as a draft, and the evaluation keeps
 * version 1), opens an evaluation of the FEEDBACK inspection with its group; 整改任务完成 fills itself from the 整改率;
 * the group scores the rest (a deduction needs its reason, a score outside 0..max is refused), submits; the office
 * confirms — a1 by hand 80.50 较好 with no consequence, a2 vetoed by its five confirmed red cards to 差 with three
 * actions and an {@link EvaluationConcluded}; each change audited. Then who sees which sheet. City 6121.
 */
@SpringBootTest(properties = "xuncha.test.context=supervision-evaluation")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@RecordApplicationEvents
class EvaluationFlowTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired EvaluationModels models;
    @Autowired Evaluations evaluations;
    @Autowired ModelRepository modelRepository;

    EvaluationWorld w;
    DataScope office;
    DataScope member;
    long model;
    long evaluation;
    long sheetA1;
    long sheetA2;

    @BeforeAll
    void world() {
        w = new EvaluationWorld(jdbc, encoder, clock, scopes, "sev", "6121");
        office = w.scope("office-a");
        member = w.scope("fb-member");
        model = models.create(office, null, "FUFENG");
        models.publish(office, model, models.model(office, model).rowVersion());
        evaluation = evaluations.open(office, w.inspection, model, Set.of(w.user("fb-member")));
        List<EvaluationRepository.SheetRow> sheets = evaluations.evaluation(office, evaluation).sheets();
        sheetA1 = sheets.stream().filter(s -> s.organizationId() == w.a1).findFirst().orElseThrow().id();
        sheetA2 = sheets.stream().filter(s -> s.organizationId() == w.a2).findFirst().orElseThrow().id();
    }

    long indicator(long sheet, String name) {
        return evaluations.page(office, sheet).lines().stream().filter(l -> l.indicator().name().equals(name))
                .findFirst().orElseThrow().indicatorId();
    }

    int version(long sheet) {
        return evaluations.sheet(office, sheet).rowVersion();
    }

    void score(long sheet, String indicator, String score, String reason) {
        evaluations.score(member, sheet, version(sheet), indicator(sheet, indicator), score, reason);
    }

    long audits(String action, Object id) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = :a AND object_id = :id")
                .param("a", action).param("id", String.valueOf(id)).query(Long.class).single();
    }

    @Test
    void aPublishedVersionIsImmutableAndRevisingMakesTheNextVersion() {
        ModelDefinition v1 = modelRepository.content(model).definition();
        assertThatThrownBy(() -> models.saveDraft(office, model, models.model(office, model).rowVersion(), v1))
                .isInstanceOf(UserInputException.class).hasMessageContaining("已发布的版本不能修改");
        assertThatThrownBy(() -> models.publish(office, model, models.model(office, model).rowVersion()))
                .isInstanceOf(UserInputException.class);
        long v2 = models.revise(office, model);
        assertThat(models.revise(office, model)).as("one draft at a time").isEqualTo(v2);
        ModelRepository.ModelRow row = models.model(office, v2);
        assertThat(row.versionNo()).isEqualTo(2);
        assertThat(row.status()).isEqualTo(ModelStatus.DRAFT);
        assertThat(row.lineageId()).isEqualTo(model);
        ModelDefinition changed = new ModelDefinition(v1.name(), List.of(v1.indicators().get(0),
                v1.indicators().get(1), v1.indicators().get(2),
                new ModelDefinition.Indicator("群众满意度", ModelArithmeticTests.p("5"), null, null, List.of())),
                v1.vetoes(), v1.bands());
        models.saveDraft(office, v2, row.rowVersion(), changed);
        assertThatThrownBy(() -> models.saveDraft(office, v2, row.rowVersion(), changed))
                .as("the row version read").hasMessageContaining("已被他人修改");
        assertThatThrownBy(() -> models.publish(office, v2, models.model(office, v2).rowVersion()))
                .hasMessage("各项指标权重合计为 95 分，须恰好为 100 分");
        assertThat(modelRepository.content(model).definition()).as("version 1 unchanged").isEqualTo(v1);
        assertThat(jdbc.sql("SELECT model_id FROM supervision_evaluation WHERE id = :e").param("e", evaluation)
                .query(Long.class).single()).as("the evaluation keeps the version it used").isEqualTo(model);
        assertThatThrownBy(() -> evaluations.open(office, w.inspection, v2, Set.of(w.user("fb-member"))))
                .hasMessageContaining("尚未发布");
        assertThat(audits("EVALUATION_MODEL_PUBLISHED", model)).isEqualTo(1);
        assertThat(audits("EVALUATION_MODEL_REVISED", v2)).isEqualTo(1);
        assertThatThrownBy(() -> models.publish(w.scope("office-city"), model, 0))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> models.model(w.scope("office-b"), model)).isInstanceOf(NotFoundInScope.class);
    }

    @Test
    void theGroupScoresTheOfficeConfirmsAndTheGradeSetsOffItsConsequences() {
        // a1: 整改任务完成 filled from the 整改率 3/4: 60 × 3 / 4 = 45.00
        Evaluations.SheetPage a1 = evaluations.page(member, sheetA1);
        Evaluations.Line task = a1.lines().stream().filter(l -> l.indicator().name().equals("整改任务完成"))
                .findFirst().orElseThrow();
        assertThat(task.score().score()).isEqualByComparingTo("45.00");
        assertThat(task.score().basis()).isEqualTo("整改率 3/4");
        assertThat(a1.sheet().figures()).isEqualTo(new Figures(4, 3, 3, 3, 0));

        assertThatThrownBy(() -> score(sheetA1, "组织领导", "15.5", null)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("须在 0 到 15 分之间");
        assertThatThrownBy(() -> score(sheetA1, "组织领导", "-1", "x")).hasMessageContaining("须在 0 到 15 分之间");
        assertThatThrownBy(() -> score(sheetA1, "组织领导", "13", " ")).hasMessageContaining("须写明扣分理由");
        assertThatThrownBy(() -> score(sheetA1, "整改任务完成", "60", null)).hasMessageContaining("自动计分");
        assertThatThrownBy(() -> evaluations.score(w.scope("office-a"), sheetA1, version(sheetA1),
                indicator(sheetA1, "组织领导"), "15", null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> evaluations.submit(member, sheetA1, version(sheetA1)))
                .hasMessage("尚有 3 项指标未评分，不能提交");
        assertThat(evaluations.page(office, sheetA1).lines().stream().filter(Evaluations.Line::scored).count())
                .as("nothing changed by the refusals").isEqualTo(1);

        score(sheetA1, "组织领导", "13", "专题民主生活会推迟召开");
        score(sheetA1, "责任落实", "15", null);
        score(sheetA1, "群众满意度", "7.5", "满意度测评75%");
        assertThatThrownBy(() -> evaluations.submit(member, sheetA1, version(sheetA1) - 1))
                .hasMessageContaining("已被他人修改");
        evaluations.submit(member, sheetA1, version(sheetA1));
        // by hand: 13 + 15 + 45 + 7.5 = 80.50 → 较好 (80 ≤ 80.5 < 90)
        EvaluationRepository.SheetRow s1 = evaluations.sheet(office, sheetA1);
        assertThat(s1.status()).isEqualTo(SheetStatus.SUBMITTED);
        assertThat(s1.total()).isEqualByComparingTo("80.50");
        assertThat(s1.grade()).isEqualTo("较好");
        assertThatThrownBy(() -> score(sheetA1, "责任落实", "14", "x")).hasMessageContaining("不能再评分");

        evaluations.returnToGroup(office, sheetA1, version(sheetA1));
        assertThat(evaluations.sheet(office, sheetA1).status()).isEqualTo(SheetStatus.SCORING);
        evaluations.submit(member, sheetA1, version(sheetA1));
        assertThatThrownBy(() -> evaluations.confirm(w.scope("office-city"), sheetA1, version(sheetA1)))
                .as("the city reads, the county decides").isInstanceOf(AccessDeniedException.class);
        evaluations.confirm(office, sheetA1, version(sheetA1));
        assertThat(evaluations.sheet(office, sheetA1).status()).isEqualTo(SheetStatus.CONFIRMED);
        assertThat(evaluations.page(office, sheetA1).actions()).as("较好 has no consequence").isEmpty();

        // a2: 60 × 2 / 2 = 60.00; scored 15 + 15 + 10 = 100.00, but 5 confirmed red cards reach the veto → 差
        score(sheetA2, "组织领导", "15", null);
        score(sheetA2, "责任落实", "15", null);
        score(sheetA2, "群众满意度", "10", null);
        evaluations.submit(member, sheetA2, version(sheetA2));
        evaluations.confirm(office, sheetA2, version(sheetA2));
        EvaluationRepository.SheetRow s2 = evaluations.sheet(office, sheetA2);
        assertThat(s2.total()).isEqualByComparingTo("100.00");
        assertThat(s2.vetoed()).isTrue();
        assertThat(s2.grade()).isEqualTo("差");
        List<EvaluationRepository.ActionRow> actions = evaluations.page(office, sheetA2).actions();
        assertThat(actions).extracting(EvaluationRepository.ActionRow::consequence).containsExactly(
                EvaluationConsequence.RE_RECTIFICATION, EvaluationConsequence.TALK_WITH_PRINCIPAL,
                EvaluationConsequence.INTEGRITY_VETO);
        assertThat(actions).allMatch(a -> a.status() == ActionStatus.TODO);

        EvaluationRepository.ActionRow talk = actions.get(1);
        assertThatThrownBy(() -> evaluations.markDone(office, talk.id(), talk.rowVersion(), "http://x"))
                .hasMessageContaining("以 / 开头");
        evaluations.markDone(office, talk.id(), talk.rowVersion(), "/supervision/talks/1");
        assertThat(evaluations.action(office, talk.id()).status()).isEqualTo(ActionStatus.DONE);
        assertThatThrownBy(() -> evaluations.markDone(office, talk.id(), talk.rowVersion() + 1, null))
                .hasMessage("该事项已办结");

        assertThat(audits("EVALUATION_OPENED", evaluation)).isEqualTo(1);
        assertThat(audits("EVALUATION_SCORED", sheetA1)).isEqualTo(3);
        assertThat(audits("EVALUATION_SUBMITTED", sheetA1)).isEqualTo(2);
        assertThat(audits("EVALUATION_RETURNED", sheetA1)).isEqualTo(1);
        assertThat(audits("EVALUATION_CONFIRMED", sheetA2)).isEqualTo(1);
        assertThat(audits("EVALUATION_ACTION_DONE", talk.id())).isEqualTo(1);
    }

    @Autowired ApplicationEvents events;

    @Test
    void confirmingPublishesTheConclusionWithItsActions() {
        long m = models.create(office, "事件用模型", "ESHAN");
        models.publish(office, m, models.model(office, m).rowVersion());
        long e = evaluations.open(office, w.inspection, m, Set.of(w.user("fb-member")));
        long sheet = evaluations.evaluation(office, e).sheets().stream().filter(s -> s.organizationId() == w.a1)
                .findFirst().orElseThrow().id();
        // 峨山: 整改率 30 × 3/4 = 22.50; 按期报结率 20 × 3/3 = 20.00; 虚假整改 10 − 2 × 0 = 10.00
        // the group: 看责任落实 10, 看问题整改 10, 四测评 5 → 22.5 + 20 + 10 + 10 + 10 + 5 = 77.50 → 合格
        for (Map.Entry<String, String> s : Map.of("看责任落实", "10", "看问题整改", "10", "四测评", "5").entrySet()) {
            score(sheet, s.getKey(), s.getValue(), "扣分理由");
        }
        evaluations.submit(member, sheet, version(sheet));
        evaluations.confirm(office, sheet, version(sheet));
        EvaluationConcluded c = events.stream(EvaluationConcluded.class)
                .filter(x -> x.evaluation().value() == e).findFirst().orElseThrow();
        assertThat(c.total()).isEqualByComparingTo("77.50");
        assertThat(c.grade()).isEqualTo("合格");
        assertThat(c.vetoed()).isFalse();
        assertThat(c.organization().value()).isEqualTo(w.a1);
        assertThat(c.inspection().value()).isEqualTo(w.inspection);
        assertThat(c.consequences()).isEmpty();
        assertThatThrownBy(() -> evaluations.open(office, w.inspection, m, Set.of(w.user("fb-member"))))
                .hasMessageContaining("已用此模型版本开展过评估");
        assertThatThrownBy(() -> evaluations.open(office, w.inspection, model, Set.of(w.user("orgdept-a"))))
                .hasMessageContaining("评估组成员须为本级巡察干部账号");
        assertThatThrownBy(() -> evaluations.open(w.scope("office-b"), w.inspection, model,
                Set.of(w.user("fb-member")))).isInstanceOf(UserInputException.class);
    }
}
