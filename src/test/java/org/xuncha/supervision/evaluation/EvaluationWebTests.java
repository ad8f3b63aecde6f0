package org.xuncha.supervision.evaluation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.identity.DataScopes;

/**
 * The evaluation's pages and JSON API end to end (post/redirect/get; a refusal re-renders with its Chinese message
 * and changes nothing): the office copies the 扶风 example, is refused publishing weights of 95 with the sum named,
 * publishes 100, opens an evaluation with its group; the member scores on the page (a score above the maximum
 * refused) and through the API, submits; the office confirms on the page; the TARGET reads its result and the
 * report, another TARGET gets 404 from page and API alike. City 6124.
 */
@SpringBootTest(properties = "xuncha.test.context=supervision-evaluation")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationWebTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired Evaluations evaluations;

    EvaluationWorld w;

    @BeforeAll
    void world() {
        w = new EvaluationWorld(jdbc, encoder, clock, scopes, "sew", "6124");
    }

    long newest(String table) {
        return jdbc.sql("SELECT max(id) FROM " + table).query(Long.class).single();
    }

    int version(String table, long id) {
        return jdbc.sql("SELECT row_version FROM " + table + " WHERE id = :id").param("id", id)
                .query(Integer.class).single();
    }

    @Test
    void theOfficeDefinesAModelTheGroupScoresAndTheTargetReadsItsResult() throws Exception {
        mvc.perform(get("/supervision/evaluation-models").with(w.as("office-a"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("扶风式")));
        mvc.perform(post("/supervision/evaluation-models").param("template", "FUFENG").with(w.as("office-a"))
                .with(csrf())).andExpect(status().is3xxRedirection());
        long model = jdbc.sql("SELECT max(m.id) FROM supervision_evaluation_model m JOIN inspection_body_view b"
                + " ON b.id = m.body_id WHERE b.name = '清江甲县委巡察机构'").query(Long.class).single();
        String page = "/supervision/evaluation-models/" + model;
        mvc.perform(get(page).with(w.as("office-a"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("整改任务完成 | 60 | 整改率 |")));
        mvc.perform(post(page).param("version", String.valueOf(version("supervision_evaluation_model", model)))
                        .param("name", "本县评估模型")
                        .param("indicators", "组织领导 | 15\n责任落实 | 15\n整改任务完成 | 60 | 整改率\n群众满意度 | 5")
                        .param("bands", "好 | 90 | 通报表扬\n较好 | 80\n一般 | 60 | 二次整改\n差 | 0 | 约谈主要负责人、回头看")
                        .param("vetoes", "红牌数 | 5 | 五项以上虚假整改")
                        .with(w.as("office-a")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(page + "/publish")
                        .param("version", String.valueOf(version("supervision_evaluation_model", model)))
                        .with(w.as("office-a")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("各项指标权重合计为 95 分，须恰好为 100 分")));
        mvc.perform(post(page).param("version", String.valueOf(version("supervision_evaluation_model", model)))
                        .param("name", "本县评估模型")
                        .param("indicators", "组织领导 | 15\n责任落实 | 15\n整改任务完成 | 60 | 整改率\n群众满意度 | 10")
                        .param("rules", "组织领导 | 未召开专题民主生活会 | 5")
                        .param("bands", "好 | 90 | 通报表扬\n较好 | 80\n一般 | 60 | 二次整改\n差 | 0 | 约谈主要负责人、回头看")
                        .param("vetoes", "红牌数 | 5 | 五项以上虚假整改")
                        .with(w.as("office-a")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(page + "/publish")
                        .param("version", String.valueOf(version("supervision_evaluation_model", model)))
                        .with(w.as("office-a")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/supervision/evaluation-models/" + model).with(w.as("office-a")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.indicators.length()").value(4))
                .andExpect(jsonPath("$.bands[3].consequences[0]").value("TALK_WITH_PRINCIPAL"));
        mvc.perform(get(page).with(w.as("office-b"))).andExpect(status().isNotFound());

        mvc.perform(get("/supervision/evaluations").with(w.as("office-a"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("本县评估模型")));
        mvc.perform(post("/supervision/evaluations").param("inspection", String.valueOf(w.inspection))
                        .param("model", String.valueOf(model)).with(w.as("office-a")).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请指定评估组成员")));
        mvc.perform(post("/supervision/evaluations").param("inspection", String.valueOf(w.inspection))
                        .param("model", String.valueOf(model)).param("members", String.valueOf(w.user("fb-member")))
                        .with(w.as("office-a")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long evaluation = newest("supervision_evaluation");
        long sheet = jdbc.sql("SELECT id FROM supervision_evaluation_sheet WHERE evaluation_id = :e"
                + " AND organization_id = :o").param("e", evaluation).param("o", w.a1).query(Long.class).single();
        long leading = jdbc.sql("SELECT i.id FROM supervision_evaluation_indicator i JOIN supervision_evaluation e"
                + " ON e.model_id = i.model_id WHERE e.id = :e AND i.name = '组织领导'").param("e", evaluation)
                .query(Long.class).single();
        long duty = leading + 1;
        long masses = leading + 3;
        String sheetPage = "/supervision/evaluations/sheets/" + sheet;

        mvc.perform(get(sheetPage).with(w.as("fb-member"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("自动：整改率 3/4")));
        mvc.perform(post(sheetPage + "/scores").param("version", String.valueOf(version("supervision_evaluation_sheet", sheet)))
                        .param("indicator", String.valueOf(leading)).param("score", "16")
                        .with(w.as("fb-member")).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("须在 0 到 15 分之间")));
        mvc.perform(post(sheetPage + "/scores").param("version", String.valueOf(version("supervision_evaluation_sheet", sheet)))
                        .param("indicator", String.valueOf(leading)).param("score", "12")
                        .param("reason", "未召开专题民主生活会").with(w.as("fb-member")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/api/supervision/evaluations/sheets/" + sheet + "/scores").with(w.as("fb-member"))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + version("supervision_evaluation_sheet", sheet) + ",\"indicator\":"
                                + duty + ",\"score\":\"15\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.runningTotal").value(72.0));
        mvc.perform(post("/api/supervision/evaluations/sheets/" + sheet + "/scores").with(w.as("fb-member"))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + version("supervision_evaluation_sheet", sheet) + ",\"indicator\":"
                                + masses + ",\"score\":\"9\"}"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("须写明扣分理由")));
        mvc.perform(post("/api/supervision/evaluations/sheets/" + sheet + "/scores").with(w.as("fb-member"))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + version("supervision_evaluation_sheet", sheet) + ",\"indicator\":"
                                + masses + ",\"score\":\"9\",\"reason\":\"满意度90%\"}"))
                .andExpect(status().isOk());
        mvc.perform(post(sheetPage + "/submit").param("version", String.valueOf(version("supervision_evaluation_sheet", sheet)))
                        .with(w.as("fb-member")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(sheetPage).with(w.as("target-a1"))).andExpect(status().isNotFound());
        mvc.perform(post(sheetPage + "/confirm").param("version", String.valueOf(version("supervision_evaluation_sheet", sheet)))
                        .with(w.as("office-a")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        // by hand: 12 + 15 + 60 × 3/4 + 9 = 12 + 15 + 45 + 9 = 81.00 → 较好
        mvc.perform(get(sheetPage).with(w.as("target-a1"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("81.00")))
                .andExpect(content().string(containsString("较好")))
                .andExpect(content().string(not(containsString("submit-form"))));
        mvc.perform(get("/api/supervision/evaluations").with(w.as("target-a1"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].grade").value("较好"));
        mvc.perform(get(sheetPage + "/report.docx").with(w.as("target-a1"))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("wordprocessingml")));
        mvc.perform(get(sheetPage).with(w.as("target-a2"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/supervision/evaluations/sheets/" + sheet).with(w.as("target-a2")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/supervision/evaluations/" + evaluation + "/results.xlsx").with(w.as("orgdept-a")))
                .andExpect(status().isOk());
        mvc.perform(get(sheetPage).with(w.as("writer"))).andExpect(status().isNotFound());
        mvc.perform(get("/supervision/evaluations/" + evaluation).with(w.as("office-a"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("甲县财政局党组")))
                .andExpect(content().string(containsString("results-export")));
        mvc.perform(get("/supervision/evaluations/" + evaluation).with(w.as("target-a1"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("甲县财政局党组"))))
                .andExpect(content().string(not(containsString("results-export"))));
        mvc.perform(get(page).with(w.as("office-a"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("revise-form")));

        // a2: 15 + 15 + 60 × 2/2 + 10 = 100.00, vetoed by its five confirmed red cards → 差 → 约谈主要负责人、回头看
        long sheetA2 = jdbc.sql("SELECT id FROM supervision_evaluation_sheet WHERE evaluation_id = :e"
                + " AND organization_id = :o").param("e", evaluation).param("o", w.a2).query(Long.class).single();
        var member = w.scope("fb-member");
        for (Evaluations.Line l : evaluations.page(member, sheetA2).lines()) {
            if (l.byGroup()) {
                evaluations.score(member, sheetA2, evaluations.sheet(member, sheetA2).rowVersion(), l.indicatorId(),
                        l.indicator().weight().toPlainString(), null);
            }
        }
        evaluations.submit(member, sheetA2, evaluations.sheet(member, sheetA2).rowVersion());
        String a2Page = "/supervision/evaluations/sheets/" + sheetA2;
        mvc.perform(post(a2Page + "/confirm").param("version",
                        String.valueOf(version("supervision_evaluation_sheet", sheetA2)))
                        .with(w.as("office-a")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long talk = jdbc.sql("SELECT id FROM supervision_evaluation_action WHERE sheet_id = :s"
                + " AND consequence = 'TALK_WITH_PRINCIPAL'").param("s", sheetA2).query(Long.class).single();
        mvc.perform(get(a2Page).with(w.as("office-a"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("sheet-veto")))
                .andExpect(content().string(containsString("约谈主要负责人")))
                .andExpect(content().string(containsString("标记已办")));
        mvc.perform(post("/supervision/evaluations/actions/" + talk + "/done")
                        .param("version", String.valueOf(version("supervision_evaluation_action", talk)))
                        .param("link", "javascript:alert(1)").with(w.as("office-a")).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("以 / 开头")));
        mvc.perform(post("/supervision/evaluations/actions/" + talk + "/done")
                        .param("version", String.valueOf(version("supervision_evaluation_action", talk)))
                        .param("link", "/supervision/talks/7").with(w.as("office-a")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(a2Page).with(w.as("target-a2"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/supervision/talks/7")))
                .andExpect(content().string(not(containsString("标记已办"))));
        mvc.perform(post(page + "/revise").with(w.as("office-a")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/supervision/evaluation-models/" + newest("supervision_evaluation_model"))
                        .with(w.as("office-a"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("第2版")))
                .andExpect(content().string(containsString("model-form")));
    }
}
