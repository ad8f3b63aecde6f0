package org.xuncha.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("pure")
public class QrCodePictureTests {

    /** Decodes a PNG with zxing core only (RGBLuminanceSource; the javase module is not needed). */
    public static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.FALSE)).getText();
    }

    @Test
    void theCodeDecodesBackToTheAddress() throws Exception {
        String url = "https://xuncha.example.gov.cn/r/Q7xK2mP9aZ4tR8wN";
        QrCodePicture qr = QrCodePicture.of(url);
        assertThat(decode(qr.png())).isEqualTo(url);
    }

    @Test
    void theImageIsASquarePngWithWholePixelsPerModuleAndAQuietZone() throws IOException {
        QrCodePicture qr = QrCodePicture.of("http://localhost:8080/r/abc123");
        assertThat(qr.png()).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(qr.png()));
        assertThat(image.getWidth()).isEqualTo(qr.pixels()).isEqualTo(image.getHeight());
        assertThat(qr.pixels() % QrCodePicture.PIXELS_PER_MODULE).isZero();
        int modules = qr.pixels() / QrCodePicture.PIXELS_PER_MODULE - 2 * QrCodePicture.QUIET_ZONE_MODULES;
        assertThat((modules - 17) % 4).as("a QR symbol is 17 + 4·version modules wide").isZero();
        int quiet = QrCodePicture.QUIET_ZONE_MODULES * QrCodePicture.PIXELS_PER_MODULE;
        for (int i = 0; i < qr.pixels(); i++) {
            assertThat(image.getRGB(i, quiet - 1) & 0xFFFFFF).isEqualTo(0xFFFFFF);
            assertThat(image.getRGB(quiet - 1, i) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        }
        assertThat(image.getRGB(quiet, quiet) & 0xFFFFFF).as("finder pattern corner").isZero();
    }
}
