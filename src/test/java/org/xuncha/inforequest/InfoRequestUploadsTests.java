package org.xuncha.inforequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.web.multipart.MultipartFile;
import org.xuncha.platform.web.UserInputException;

/** Upload checks of 巡前通报 answers: type by magic bytes, caps, safe names. No Spring context. */
class InfoRequestUploadsTests {

    @Test
    void typeComesFromTheBytesNotTheName() {
        assertThat(InfoRequestUploads.check("报告.pdf", InfoRequestFiles.pdf()).contentType()).isEqualTo("application/pdf");
        assertThat(InfoRequestUploads.check("照片.PNG", InfoRequestFiles.png()).contentType()).isEqualTo("image/png");
        assertThat(InfoRequestUploads.check("材料.docx", InfoRequestFiles.docx()).fileName()).isEqualTo("材料.docx");
        assertThat(InfoRequestUploads.check("台账.xlsx", InfoRequestFiles.xlsx()).contentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        // a PDF named .exe is stored as a PDF, with the extension of what it is
        assertThat(InfoRequestUploads.check("report.exe", InfoRequestFiles.pdf()).fileName()).isEqualTo("report.pdf");
        for (byte[] hostile : List.of(InfoRequestFiles.exe(), InfoRequestFiles.html(), InfoRequestFiles.plainZip())) {
            assertThatThrownBy(() -> InfoRequestUploads.check("看似正常.pdf", hostile))
                    .isInstanceOf(UserInputException.class).hasMessageContaining("不是允许的文件类型");
        }
        assertThatThrownBy(() -> InfoRequestUploads.check("看似正常.docx", InfoRequestFiles.macroDocx()))
                .isInstanceOf(UserInputException.class).hasMessageContaining("含有宏");
        assertThatThrownBy(() -> InfoRequestUploads.check("看似正常.docx", InfoRequestFiles.bomb()))
                .isInstanceOf(UserInputException.class).hasMessageContaining("压缩炸弹");
    }

    @Test
    void namesLoseTheirPathControlAndReservedCharacters() {
        assertThat(InfoRequestUploads.check("../../etc/passwd.pdf", InfoRequestFiles.pdf()).fileName()).isEqualTo("passwd.pdf");
        assertThat(InfoRequestUploads.check("C:\\Users\\x\\审计\r\n报告\u202E.pdf", InfoRequestFiles.pdf()).fileName())
                .isEqualTo("审计__报告_.pdf");
        assertThat(InfoRequestUploads.check("\"><script>.pdf", InfoRequestFiles.pdf()).fileName()).isEqualTo("___script_.pdf");
        assertThat(InfoRequestUploads.check(null, InfoRequestFiles.pdf()).fileName()).isEqualTo("附件.pdf");
        assertThat(InfoRequestUploads.check("...", InfoRequestFiles.pdf()).fileName()).isEqualTo("附件.pdf");
        assertThat(InfoRequestUploads.check("长".repeat(300) + ".pdf", InfoRequestFiles.pdf()).fileName())
                .hasSizeLessThanOrEqualTo(InfoRequestUploads.MAX_NAME).endsWith(".pdf");
    }

    @Test
    void sizeAndCountAreCapped() {
        MultipartFile big = new MockMultipartFile("files", "大文件.pdf", "application/pdf",
                InfoRequestFiles.large((int) InfoRequestUploads.MAX_BYTES + 1));
        assertThatThrownBy(() -> InfoRequestUploads.check(List.of(big))).isInstanceOf(UserInputException.class)
                .hasMessageContaining("10 MB");
        MultipartFile ok = new MockMultipartFile("files", "a.pdf", "application/pdf", InfoRequestFiles.pdf());
        assertThat(InfoRequestUploads.check(Collections.nCopies(5, ok))).hasSize(5);
        assertThatThrownBy(() -> InfoRequestUploads.check(Collections.nCopies(6, ok)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("最多 5 个");
        MultipartFile none = new MockMultipartFile("files", "", "application/octet-stream", new byte[0]);
        assertThat(InfoRequestUploads.check(List.of(none))).isEmpty();
        MultipartFile empty = new MockMultipartFile("files", "空.pdf", "application/pdf", new byte[0]);
        assertThatThrownBy(() -> InfoRequestUploads.check(List.of(empty))).hasMessageContaining("空文件");
    }
}
