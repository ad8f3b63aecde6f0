package org.xuncha.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Statistics per inspection and round: counts by channel, category and disposition, and petitions per station-day of
 * cross versus non-cross inspections; only inspections in the caller's scope count.
 */
@SpringBootTest(properties = "xuncha.test.context=intake")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeStatisticsTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;

    IntakeWorld w;

    @BeforeAll
    void world() throws Exception {
        w = new IntakeWorld(jdbc, encoder, clock, "istat", "5304");
        for (int i = 0; i < 3; i++) {
            report(w.code, i == 0 ? "INTEGRITY" : "MASSES", i);
        }
        report(w.otherCode, "WORK", 9);
    }

    void report(String code, String category, int n) throws Exception {
        int status = mvc.perform(post("/api/public/reports").contentType(MediaType.APPLICATION_JSON)
                .content("{\"channelCode\":\"" + code + "\",\"category\":\"" + category
                        + "\",\"content\":\"统计用的举报内容第" + n + "件。\",\"anonymous\":true}")
                .with(r -> {
                    r.setRemoteAddr("10.54.0." + (n + 1));
                    return r;
                })).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(201);
    }

    @Test
    void countsAndPetitionsPerStationDayCrossVersusNonCross() throws Exception {
        String json = mvc.perform(get("/api/petitions/statistics").with(w.as("office-a"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"total\":4")
                .contains("{\"code\":\"WEB\",\"label\":\"码上巡\",\"count\":4}")
                .contains("{\"code\":\"MASSES\",\"label\":\"违反群众纪律（侵害群众利益）\",\"count\":2}")
                .contains("{\"code\":\"\",\"label\":\"未分办\",\"count\":4}")
                // cross: the first team, stationed 9 days ago → 10 station-days, 3 petitions
                .contains("{\"label\":\"交叉巡察\",\"inspections\":1,\"petitions\":3,\"stationDays\":10}")
                // non-cross: the second (1 petition) and the third team (withdrawal date not set: counted to today)
                .contains("{\"label\":\"非交叉巡察\",\"inspections\":2,\"petitions\":1,\"stationDays\":20}");

        String one = mvc.perform(get("/api/petitions/statistics").param("inspection", "" + w.other)
                .with(w.as("office-a"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(one).contains("\"total\":1");
        long round = jdbc.sql("SELECT round_id FROM inspection WHERE id = :i").param("i", w.inspection)
                .query(Long.class).single();
        String page = mvc.perform(get("/petitions/statistics").param("round", "" + round).with(w.as("office-a")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"stats-total\">4<").contains("0.30").contains("0.05");
    }

    @Test
    void onlyInspectionsInScopeCount() throws Exception {
        assertThat(mvc.perform(get("/api/petitions/statistics").with(w.as("office-b"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("\"total\":0");
        assertThat(mvc.perform(get("/api/petitions/statistics").with(w.as("other-member"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("\"total\":1");
        assertThat(mvc.perform(get("/api/petitions/statistics").with(w.as("target-a1"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    @Test
    void theOfficesInspectionPageShowsThePublicAddressAndItsQrCode() throws Exception {
        var png = mvc.perform(get("/inspections/" + w.inspection + "/channel-qr.png").with(w.as("office-a")))
                .andReturn().getResponse();
        assertThat(png.getContentType()).isEqualTo("image/png");
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.getContentAsByteArray()));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        assertThat(new com.google.zxing.qrcode.QRCodeReader().decode(bitmap).getText()).endsWith("/r/" + w.code);
        assertThat(mvc.perform(get("/inspections/" + w.inspection + "/channel-qr.png").with(w.as("office-b")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        String page = mvc.perform(get("/inspections/" + w.inspection).with(w.as("office-a"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"public-qr\"").contains("/r/" + w.code);
    }
}
