package org.xuncha.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code as a black-and-white PNG, drawn from zxing's module matrix with a whole number of pixels per module
 * (sharp when printed) and the standard quiet zone of four modules. Error correction M: the code survives a
 * crease or a smudge on a printed notice.
 *
 * @param png    the PNG bytes
 * @param pixels width and height of the square image
 */
public record QrCodePicture(byte[] png, int pixels) {

    static final int PIXELS_PER_MODULE = 8;
    static final int QUIET_ZONE_MODULES = 4;

    public static QrCodePicture of(String text) {
        BitMatrix modules;
        try {
            // width/height 0: one pixel per module, so the scaling below is exact
            modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.MARGIN, QUIET_ZONE_MODULES));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text cannot be encoded as a QR code", e);
        }
        int size = modules.getWidth() * PIXELS_PER_MODULE;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        int white = 0xFFFFFF;
        int black = 0x000000;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, modules.get(x / PIXELS_PER_MODULE, y / PIXELS_PER_MODULE) ? black : white);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new QrCodePicture(out.toByteArray(), size);
    }
}
