package org.xuncha.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.common.Role;
import org.xuncha.platform.upload.HostileUploads;
import org.xuncha.platform.upload.UploadCheck;
import org.xuncha.platform.upload.UploadRefused;
import org.xuncha.inspection.EntryAnnouncementDocumentWorld;

/**
 * /document-templates: every registered kind with its placeholders and their meanings; the office downloads the
 * built-in template, replaces it with its own (checked: a refused file stores nothing and is audited as refused),
 * downloads its own, previews the template in use filled with the kind's sample, and reverts; another county is
 * not affected; a kind nobody registered is not found.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentTemplatePagesTests {

    static final String UPLOAD = "/document-templates/entry-announcement";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired DocumentKinds kinds;

    EntryAnnouncementDocumentWorld world;
    RequestPostProcessor officeA;
    RequestPostProcessor officeB;
    RequestPostProcessor leaderA;

    @BeforeAll
    void world() {
        world = new EntryAnnouncementDocumentWorld(jdbc, encoder, "DTP", "827200");
        officeA = EntryAnnouncementDocumentWorld.as(world.account("-office-a", Role.OFFICE, world.countyA), Role.OFFICE,
                world.countyA);
        officeB = EntryAnnouncementDocumentWorld.as(world.account("-office-b", Role.OFFICE, world.countyB), Role.OFFICE,
                world.countyB);
        leaderA = EntryAnnouncementDocumentWorld.as(world.account("-leader-a", Role.LEADER, world.countyA), Role.LEADER,
                world.countyA);
    }

    byte[] stored(long body) {
        return jdbc.sql("SELECT content FROM document_template WHERE body_id = :b AND kind = 'ENTRY_ANNOUNCEMENT'")
                .param("b", body).query((rs, n) -> rs.getBytes(1)).optional().orElse(null);
    }

    long audits(long body, String action, String result) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = :a AND object_id = :id AND result = :r")
                .param("a", action).param("id", body + ":ENTRY_ANNOUNCEMENT").param("r", result)
                .query(Long.class).single();
    }

    /** Text as Thymeleaf's th:text writes it. */
    static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    ResultActions upload(String name, byte[] content, RequestPostProcessor who) throws Exception {
        return mvc.perform(multipart(UPLOAD).file(new MockMultipartFile("file", name,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", content)).with(csrf()).with(who));
    }

    @Test
    void theOfficeReplacesTheTemplateDownloadsItAndRevertsToTheBuiltInOne() throws Exception {
        mvc.perform(get("/document-templates").with(officeA))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("进驻公告模板")))
                .andExpect(content().string(containsString("内置模板")))
                .andExpect(content().string(containsString("${二维码}")))
                .andExpect(content().string(not(containsString("id=\"revert-entry-announcement\""))));
        byte[] builtIn = mvc.perform(get("/document-templates/entry-announcement/built-in.docx").with(officeA))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(builtIn).isEqualTo(WordFiles.builtIn());
        mvc.perform(get("/document-templates/entry-announcement/own.docx").with(officeA)).andExpect(status().isNotFound());

        byte[] own = WordFiles.withDocumentXml(xml -> xml.replace("特此公告。", "特此公告（江北定制）。"));
        long uploads = audits(world.countyA, "DOCUMENT_TEMPLATE_UPLOADED", "SUCCESS");
        upload("江北区进驻公告.docx", own, officeA)
                .andExpect(redirectedUrl("/document-templates"))
                .andExpect(flash().attribute("message", "已启用本机构的进驻公告模板"));
        assertThat(stored(world.countyA)).isEqualTo(own);
        assertThat(audits(world.countyA, "DOCUMENT_TEMPLATE_UPLOADED", "SUCCESS")).isEqualTo(uploads + 1);
        mvc.perform(get("/document-templates").with(officeA))
                .andExpect(content().string(containsString("本机构模板")))
                .andExpect(content().string(containsString("江北区进驻公告.docx")))
                .andExpect(content().string(containsString("id=\"revert-entry-announcement\"")));
        assertThat(mvc.perform(get("/document-templates/entry-announcement/own.docx").with(officeA))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()).isEqualTo(own);

        // the other county still has the built-in template
        assertThat(stored(world.countyB)).isNull();
        mvc.perform(get("/document-templates").with(officeB))
                .andExpect(content().string(not(containsString("江北区进驻公告.docx"))));
        mvc.perform(get("/document-templates/entry-announcement/own.docx").with(officeB)).andExpect(status().isNotFound());
        mvc.perform(post(UPLOAD + "/revert").with(csrf()).with(officeB)).andExpect(redirectedUrl("/document-templates"));
        assertThat(stored(world.countyA)).isEqualTo(own);

        long reverts = audits(world.countyA, "DOCUMENT_TEMPLATE_REVERTED", "SUCCESS");
        mvc.perform(post(UPLOAD + "/revert").with(csrf()).with(officeA))
                .andExpect(redirectedUrl("/document-templates"))
                .andExpect(flash().attribute("message", "已恢复使用内置的进驻公告模板"));
        assertThat(stored(world.countyA)).isNull();
        assertThat(audits(world.countyA, "DOCUMENT_TEMPLATE_REVERTED", "SUCCESS")).isEqualTo(reverts + 1);
    }

    @Test
    void refusedUploadsStoreNothingSayWhyAndAreAudited() throws Exception {
        byte[] before = stored(world.countyB);
        long refusals = audits(world.countyB, "DOCUMENT_TEMPLATE_UPLOADED", "FAILURE");
        Map<String, byte[]> zipBomb = WordFiles.entries(WordFiles.builtIn());
        zipBomb.put("word/media/image1.png", new byte[30 * 1024 * 1024]);
        Map<String, byte[]> files = Map.of(
                "文件不是有效的 Word 文档（.docx）", "纯文本".getBytes(StandardCharsets.UTF_8),
                "文件超过 2 MB 的大小上限", Arrays.copyOf(WordFiles.builtIn(), 2 * 1024 * 1024 + 1),
                DocumentTemplateFile.ZIP_BOMB, WordFiles.zip(zipBomb),
                "模板缺少必需的占位符：${二维码}", WordFiles.withDocumentXml(xml -> xml.replace("${二维码}", "")));
        for (var file : files.entrySet()) {
            upload("坏模板.docx", file.getValue(), officeB)
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(file.getKey())));
        }
        mvc.perform(multipart(UPLOAD).with(csrf()).with(officeB))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请选择要上传的 .docx 模板文件")));
        assertThat(stored(world.countyB)).isEqualTo(before);
        assertThat(audits(world.countyB, "DOCUMENT_TEMPLATE_UPLOADED", "FAILURE")).isEqualTo(refusals + files.size());
    }

    /** Platform's hostile corpus, which every upload entry point is tried with: refused, said why, nothing stored. */
    @Test
    void theHostileUploadCorpusIsRefusedWithAChineseMessageAndNothingStored() throws Exception {
        byte[] before = stored(world.countyB);
        long refusals = audits(world.countyB, "DOCUMENT_TEMPLATE_UPLOADED", "FAILURE");
        var corpus = HostileUploads.refusedEverywhere();
        for (HostileUploads.HostileFile h : corpus) {
            String expected = expectedRefusal(h.bytes());
            assertThat(expected).as(h.what()).startsWith("文件").matches("(?s).*[\\u4e00-\\u9fff].*");
            upload(h.name(), h.bytes(), officeB).andExpect(status().isOk())
                    .andExpect(content().string(containsString(expected)));
        }
        upload("IMG_0001.jpg", HostileUploads.jpegWithGps(), officeB).andExpect(status().isOk())
                .andExpect(content().string(containsString(DocumentTemplateFile.NOT_DOCX)));
        assertThat(stored(world.countyB)).isEqualTo(before);
        assertThat(audits(world.countyB, "DOCUMENT_TEMPLATE_UPLOADED", "FAILURE")).isEqualTo(refusals + corpus.size() + 1);
    }

    private static String expectedRefusal(byte[] bytes) {
        try {
            UploadCheck.check(DocumentTemplateFile.POLICY, "x.docx", bytes);
        } catch (UploadRefused e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted by the template policy");
    }

    @Test
    void onlyTheOfficeManagesTemplates() throws Exception {
        mvc.perform(get("/document-templates").with(leaderA)).andExpect(status().isForbidden());
        upload("x.docx", WordFiles.builtIn(), leaderA).andExpect(status().isForbidden());
        mvc.perform(get("/document-templates/unknown/built-in.docx").with(officeA)).andExpect(status().isNotFound());
        assertThat(stored(world.countyA)).isNull();
    }

    @Test
    void thePageListsEveryRegisteredKindWithItsPlaceholdersAndWhatTheyMean() throws Exception {
        String page = mvc.perform(get("/document-templates").with(officeA)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(kinds.all()).isNotEmpty();
        for (DocumentKind kind : kinds.all()) {
            assertThat(page).contains("id=\"template-" + kind.slug() + "\"", kind.name() + "模板",
                    "/document-templates/" + kind.slug() + "/preview.docx");
            for (TemplatePlaceholder p : kind.placeholders()) {
                assertThat(page).contains(p.token(), escaped(p.meaning()));
            }
        }
        assertThat(page).contains("必需", "（图片）", "派出巡察组的党委，如“清江市委”", "清巡〔2026〕3号");
    }

    @Test
    void thePreviewFillsTheTemplateInUseWithTheSampleAndFollowsTheOwnTemplate() throws Exception {
        byte[] builtIn = mvc.perform(get("/document-templates/entry-announcement/preview.docx").with(officeB))
                .andExpect(status().isOk())
                .andExpect(content().contentType(WordDownloads.DOCX))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.startsWith("attachment;"),
                        org.hamcrest.Matchers.endsWith(" filename*=UTF-8''" + WordFiles.rfc5987("进驻公告（示例）.docx")))))
                .andReturn().getResponse().getContentAsByteArray();
        String text = WordFiles.text(builtIn);
        assertThat(text).doesNotContain("${").contains("清巡〔2026〕3号", "中共清江市委第二巡察组进驻清江市水利局党组的公告",
                "清江市水利局党组全体党员、干部和群众：", "0591-87654321", "特此公告。");
        assertThat(WordFiles.pictures(builtIn)).hasSize(1);

        byte[] own = WordFiles.withDocumentXml(xml -> xml.replace("特此公告。", "特此公告（江南区预览）。"));
        upload("江南区进驻公告.docx", own, officeB).andExpect(redirectedUrl("/document-templates"));
        try {
            byte[] preview = mvc.perform(get("/document-templates/entry-announcement/preview.docx").with(officeB))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            assertThat(WordFiles.text(preview)).contains("特此公告（江南区预览）。", "中共清江市委第二巡察组")
                    .doesNotContain("${");
            assertThat(WordFiles.text(mvc.perform(get("/document-templates/entry-announcement/preview.docx")
                    .with(officeA)).andReturn().getResponse().getContentAsByteArray()))
                    .doesNotContain("江南区预览");
        } finally {
            mvc.perform(post(UPLOAD + "/revert").with(csrf()).with(officeB)).andExpect(redirectedUrl("/document-templates"));
        }
        assertThat(stored(world.countyB)).isNull();
    }

    @Test
    void aKindNobodyRegisteredIsNotFoundOnEveryAddress() throws Exception {
        for (String path : List.of("/document-templates/unknown/built-in.docx", "/document-templates/unknown/own.docx",
                "/document-templates/unknown/preview.docx", "/document-templates/ENTRY_ANNOUNCEMENT/preview.docx")) {
            mvc.perform(get(path).with(officeA)).andExpect(status().isNotFound());
        }
        mvc.perform(multipart("/document-templates/unknown").file(new MockMultipartFile("file", "x.docx",
                "application/octet-stream", WordFiles.builtIn())).with(csrf()).with(officeA))
                .andExpect(status().isNotFound());
        mvc.perform(post("/document-templates/unknown/revert").with(csrf()).with(officeA))
                .andExpect(status().isNotFound());
        assertThat(stored(world.countyA)).isNull();
    }
}
