package org.xuncha.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;

/** The one download: a Chinese file name round-trips through the header as RFC 5987, with nosniff and no caching. */
@Tag("pure")
class FileDownloadTests {

    @Test
    void aChineseFileNameRoundTripsAsRfc5987() {
        String name = "审计报告 (1).pdf";
        var response = FileDownload.of(name, "application/pdf", new byte[] {1});
        String header = response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
        assertThat(header).startsWith("attachment;")
                .contains("filename*=UTF-8''%E5%AE%A1%E8%AE%A1%E6%8A%A5%E5%91%8A%20%281%29.pdf");
        ContentDisposition parsed = ContentDisposition.parse(header);
        assertThat(parsed.isAttachment()).isTrue();
        assertThat(parsed.getFilename()).isEqualTo(name);
        assertThat(parsed.getCharset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(response.getHeaders().getContentType()).hasToString("application/pdf");
    }

    @Test
    void anUnknownStoredTypeGoesAsOctetStreamAndAStreamedDownloadGetsTheSameHeaders() {
        assertThat(FileDownload.of("x", "not a type", new byte[0]).getHeaders().getContentType())
                .hasToString("application/octet-stream");
        MockHttpServletResponse response = new MockHttpServletResponse();
        FileDownload.prepare(response, "党组织导入模板.xlsx", FileDownload.XLSX);
        assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo(FileDownload.contentDisposition("党组织导入模板.xlsx"))
                .contains("filename*=UTF-8''%E5%85%9A%E7%BB%84%E7%BB%87%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF.xlsx");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getContentType()).startsWith(FileDownload.XLSX.toString());
    }
}
