package org.xuncha.findings.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.common.DataScope;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.web.UserInputException;

/**
 * What a working paper records: its number in the office's scheme (no gaps or duplicates, also under concurrent
 * creation), amounts in fen, evidence numbered 证据1…, append-only versions, and bad input refused with a Chinese
 * message that changes nothing (not even the counter).
 */
@SpringBootTest(properties = "xuncha.test.context=findings")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkingPaperRecordTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired WorkingPapers papers;
    @Autowired Regulations regulations;
    @Autowired PaperNumbering numbering;

    PaperWorld w;
    long regulation;

    @BeforeAll
    void world() {
        w = new PaperWorld(jdbc, encoder, clock, scopes, "wpr", "5812");
        regulation = regulations.list(w.scope("writer"), true).get(0).id();
    }

    DataScope s(String who) {
        return w.scope(who);
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void numbersFollowTheDefaultSchemeThenTheOfficesOwnWithoutGaps() {
        int year = LocalDate.now(clock).getYear();
        // noDeputy is 甲县委第四巡察组 of 清江甲县委巡察机构: short name 清, team part 四组
        long first = papers.create(s("nd-member"), w.noDeputy, PaperSamples.draft("一", regulation)).value();
        assertThat(papers.get(s("nd-member"), first).paperNo()).isEqualTo("[" + year + "]清巡四组-01号");
        // a refused creation takes no number
        assertThatThrownBy(() -> papers.create(s("nd-member"), w.noDeputy, PaperSamples.draft(" ", regulation)))
                .isInstanceOf(UserInputException.class);
        numbering.set(s("office-a"), "{简称}巡底〔{年}〕{组}{序号}号", "清甲");
        long second = papers.create(s("nd-member"), w.noDeputy, PaperSamples.draft("二", regulation)).value();
        assertThat(papers.get(s("nd-member"), second).paperNo()).isEqualTo("清甲巡底〔" + year + "〕四组02号");
        assertThatThrownBy(() -> numbering.set(s("office-a"), "[{年}]清巡", "清"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("须包含 {序号}");
        assertThatThrownBy(() -> numbering.set(s("nd-leader"), "{序号}", "清"))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        jdbc.sql("DELETE FROM working_paper_numbering WHERE body_id = :b").param("b", w.countyA).update();
    }

    @Test
    void teamPartsAndShortNames() {
        assertThat(PaperNumbering.teamPart("清江市委第三巡察组")).isEqualTo("三组");
        assertThat(PaperNumbering.teamPart("清江市委第一交叉巡察组（清流县）")).isEqualTo("交叉一组");
        assertThat(PaperNumbering.teamPart("专项组")).isEqualTo("专项组");
        assertThat(PaperNumbering.defaultShortName("中共清江市委巡察工作领导小组")).isEqualTo("清");
    }

    @Test
    void concurrentCreationsGetEveryNumberOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Long>> jobs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String title = "并发" + i;
                String who = i % 2 == 0 ? "writer" : "finder";
                jobs.add(() -> papers.create(s(who), w.inspection,
                        PaperSamples.draft(title, regulation)).value());
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Long> f : pool.invokeAll(jobs)) {
                ids.add(f.get());
            }
            List<Integer> seqs = new ArrayList<>(jdbc.sql("SELECT seq FROM working_paper WHERE inspection_id = :i")
                    .param("i", w.inspection).query(Integer.class).list());
            Collections.sort(seqs);
            List<Integer> expected = new ArrayList<>();
            for (int n = 1; n <= seqs.size(); n++) {
                expected.add(n);
            }
            assertThat(seqs).hasSizeGreaterThanOrEqualTo(8).isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void amountsAreEnteredInYuanAndStoredInFen() {
        assertThat(Fen.parseYuan("违规资金", "12,345.6").value()).isEqualTo(1_234_560L);
        assertThat(Fen.parseYuan("违规资金", "0.05").value()).isEqualTo(5L);
        assertThat(Fen.parseYuan("违规资金", "").value()).isZero();
        assertThat(new Fen(999_999).shown()).isEqualTo("9,999.99元");
        assertThat(new Fen(1_000_000).shown()).isEqualTo("1.00万元");
        assertThat(new Fen(123_456_789).shown()).isEqualTo("123.46万元");
        assertThatThrownBy(() -> Fen.parseYuan("违规资金", "-1")).hasMessage("违规资金不能为负数");
        assertThatThrownBy(() -> Fen.parseYuan("损失金额", "1.234")).hasMessage("损失金额最多保留两位小数（到分）");
        assertThatThrownBy(() -> Fen.parseYuan("损失金额", "十元")).hasMessage("损失金额应为以元为单位的金额，例如 12345.67");
    }

    @Test
    void badInputIsRefusedInChineseAndChangesNothing() {
        long papersBefore = count("working_paper");
        long filesBefore = count("working_paper_evidence_file");
        long versionsBefore = count("working_paper_version");
        Integer counterBefore = jdbc.sql("SELECT max(last_no) FROM working_paper_counter WHERE inspection_id = :i")
                .param("i", w.inspection).query(Integer.class).single();
        assertThatThrownBy(() -> papers.create(s("writer"), w.inspection, PaperSamples.draft("", regulation)))
                .isInstanceOf(UserInputException.class).hasMessage("请填写问题标题");
        assertThatThrownBy(() -> papers.create(s("writer"), w.inspection,
                PaperSamples.draft("负数", regulation, "-100", List.of())))
                .isInstanceOf(UserInputException.class).hasMessage("违规资金不能为负数");
        assertThatThrownBy(() -> papers.create(s("writer"), w.inspection, PaperSamples.draft("伪造法规", 999_999L)))
                .isInstanceOf(UserInputException.class).hasMessage("所选法规不存在或已停用，请重新选择");
        assertThatThrownBy(() -> papers.create(s("writer"), w.inspection, PaperSamples.draft("坏文件", regulation,
                "1", List.of(new WorkingPaperDraft.Evidence(null, "凭证", List.of(
                        new WorkingPaperDraft.Upload("好.pdf", PaperSamples.pdf()),
                        new WorkingPaperDraft.Upload("凭证.pdf", PaperSamples.pdfWithJavaScript())))))))
                .isInstanceOf(UserInputException.class).hasMessageStartingWith("证据1：").hasMessageContaining("凭证.pdf");
        assertThatThrownBy(() -> papers.create(s("writer"), w.inspection, PaperSamples.draft("无说明", regulation,
                "1", List.of(new WorkingPaperDraft.Evidence(null, " ", List.of(
                        new WorkingPaperDraft.Upload("好.pdf", PaperSamples.pdf())))))))
                .isInstanceOf(UserInputException.class).hasMessage("证据1请填写材料说明");
        assertThatThrownBy(() -> papers.create(s("writer"), w.inspection, new WorkingPaperDraft("无来源", "事实",
                List.of(), null, null, null, null, null, null, null, null, null, null, null, List.of())))
                .isInstanceOf(UserInputException.class).hasMessage("请选择问题来源");
        assertThatThrownBy(() -> papers.create(s("writer"), 987_654_321L, PaperSamples.draft("伪造巡察", regulation)))
                .isInstanceOf(org.xuncha.platform.web.NotFoundInScope.class);
        assertThatThrownBy(() -> papers.edit(s("writer"), 987_654_321L, 0, PaperSamples.draft("伪造底稿", regulation)))
                .isInstanceOf(org.xuncha.platform.web.NotFoundInScope.class);
        assertThat(count("working_paper")).isEqualTo(papersBefore);
        assertThat(count("working_paper_evidence_file")).isEqualTo(filesBefore);
        assertThat(count("working_paper_version")).isEqualTo(versionsBefore);
        assertThat(jdbc.sql("SELECT max(last_no) FROM working_paper_counter WHERE inspection_id = :i")
                .param("i", w.inspection).query(Integer.class).single()).isEqualTo(counterBefore);
    }

    @Test
    void evidenceKeepsItsFilesAndIsRenumberedOnEdit() {
        long id = papers.create(s("writer"), w.inspection, PaperSamples.draft("证据", regulation, "1", List.of(
                new WorkingPaperDraft.Evidence(null, "甲", List.of(new WorkingPaperDraft.Upload("a.pdf",
                        PaperSamples.pdf()))),
                new WorkingPaperDraft.Evidence(null, "乙", List.of())))).value();
        WorkingPaperView p = papers.get(s("writer"), id);
        long kept = p.evidence().get(0).id();
        papers.edit(s("writer"), id, p.rowVersion(), PaperSamples.draft("证据", regulation, "1", List.of(
                new WorkingPaperDraft.Evidence(null, "丙", List.of()),
                new WorkingPaperDraft.Evidence(kept, "甲（原件）", List.of()))));
        WorkingPaperView edited = papers.get(s("writer"), id);
        assertThat(edited.evidence()).extracting(e -> e.label() + e.description())
                .containsExactly("证据1丙", "证据2甲（原件）");
        assertThat(edited.evidence().get(1).files()).hasSize(1);
        // an item of another paper cannot be named
        long other = papers.create(s("writer"), w.inspection, PaperSamples.draft("别的", regulation)).value();
        long foreign = papers.get(s("writer"), other).evidence().get(0).id();
        assertThatThrownBy(() -> papers.edit(s("writer"), id, edited.rowVersion(), PaperSamples.draft("证据",
                regulation, "1", List.of(new WorkingPaperDraft.Evidence(foreign, "偷", List.of())))))
                .isInstanceOf(UserInputException.class).hasMessage("证据1不是本底稿的佐证材料，请刷新后重试");
    }

    @Test
    void versionsAreKeptAsWrittenAndTheRepositoryOnlyInsertsThem() throws Exception {
        long id = papers.create(s("writer"), w.inspection, PaperSamples.draft("第一稿", regulation)).value();
        papers.edit(s("writer"), id, papers.get(s("writer"), id).rowVersion(), PaperSamples.draft("第二稿", regulation));
        List<WorkingPaperRepository.Version> versions = papers.versions(s("writer"), id);
        assertThat(versions).extracting(WorkingPaperRepository.Version::versionNo).containsExactly(2, 1);
        assertThat(versions.get(1).title()).isEqualTo("第一稿");
        assertThat(versions.get(1).basis()).contains("第一百二十二条");
        assertThat(versions.get(1).evidence()).isEqualTo("证据1：2025年公务接待清单及报销凭证");
        assertThat(versions.get(1).actor()).isEqualTo("王撰写");
        String source = Files.readString(Path.of(
                "src/main/java/org/xuncha/findings/paper/WorkingPaperRepository.java"), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").toUpperCase(java.util.Locale.ROOT);
        for (String table : List.of("WORKING_PAPER_VERSION", "WORKING_PAPER_STEP")) {
            assertThat(source).as(table).doesNotContain("UPDATE " + table).doesNotContain("DELETE FROM " + table)
                    .doesNotContain("MERGE INTO " + table).contains("INSERT INTO " + table);
        }
        for (String file : List.of("WorkingPapers.java", "Regulations.java", "PaperNumbering.java")) {
            String other = Files.readString(Path.of("src/main/java/org/xuncha/findings/paper/" + file),
                    StandardCharsets.UTF_8).toUpperCase(java.util.Locale.ROOT);
            assertThat(other).as(file).doesNotContain("WORKING_PAPER_VERSION").doesNotContain("WORKING_PAPER_STEP");
        }
    }
}
