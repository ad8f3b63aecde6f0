package org.xuncha.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xuncha.platform.web.UserInputException;

/** The PDF part of the attachment check: compressed streams are read, within a bound. */
@Tag("pure")
class PetitionUploadsTests {

    @Test
    void aPdfWithOnlyCompressedTextIsAccepted() {
        PetitionFile file = PetitionUploads.check("材料.pdf", PetitionFiles.pdfWithCompressedText());
        assertThat(file).isNotNull();
    }

    @Test
    void javaScriptInACompressedObjectStreamIsFound() {
        byte[] pdf = PetitionFiles.pdfWithCompressedJavaScript();
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1).toLowerCase()).doesNotContain("javascript");
        assertThatThrownBy(() -> PetitionUploads.check("材料.pdf", pdf)).isInstanceOf(UserInputException.class)
                .hasMessageContaining(org.xuncha.platform.upload.UploadCheck.ACTIVE_PDF);
    }

    @Test
    void aPdfInAnEncodingTheCheckCannotReadIsRefused() {
        byte[] pdf = PetitionFiles.pdfWithHexEncodedJavaScript();
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1).toLowerCase()).doesNotContain("javascript");
        assertThatThrownBy(() -> PetitionUploads.check("材料.pdf", pdf)).isInstanceOf(UserInputException.class)
                .hasMessageContaining(org.xuncha.platform.upload.UploadCheck.UNREADABLE_PDF);
    }

    @Test
    void aCompressionBombIsRefusedWithoutInflatingItAll() {
        // 80 MB of zeros deflate to well under 1 MB; inflating them all would pass the 64 MB bound
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        byte[] zeros = new byte[1024 * 1024];
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int i = 0; i < 80; i++) {
            deflater.setInput(zeros);
            while (!deflater.needsInput()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.writeBytes(("%PDF-1.4\n1 0 obj\n<< /Filter /FlateDecode /Length " + compressed.size() + " >>\nstream\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        pdf.writeBytes(compressed.toByteArray());
        pdf.writeBytes("\nendstream\nendobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(pdf.size()).isLessThan((int) PetitionUploads.MAX_BYTES);
        assertThatThrownBy(() -> PetitionUploads.check("大.pdf", pdf.toByteArray())).isInstanceOf(UserInputException.class)
                .hasMessageContaining(org.xuncha.platform.upload.UploadCheck.PDF_TOO_DEEP);
    }
}
