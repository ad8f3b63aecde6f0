package org.xuncha.platform.upload;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The one re-encoding of an uploaded image: decoded after its dimensions are checked (a small file cannot expand to
 * gigabytes of pixels), then fresh pixels written as JPEG (from a JPEG) or PNG (from PNG or GIF): no EXIF, GPS or
 * other metadata survives.
 */
final class ImageCopy {

    static final long MAX_PIXELS = 40_000_000L;
    static final String BROKEN = "图片已损坏或无法识别";
    static final String HUGE = "图片像素过多";
    static final String BUSY = "服务器繁忙，请稍后再提交";

    /**
     * Decoding a large photo takes a few hundred MB for a moment (pixels, plus the fresh copy): at most two at a time
     * in the whole process, so that many public uploads at once queue instead of exhausting the heap.
     */
    private static final Semaphore DECODING = new Semaphore(2, true);

    private ImageCopy() {
    }

    /** The type the clean copy of an image of type {@code in} has. */
    static FileType output(FileType in) {
        return in == FileType.JPEG ? FileType.JPEG : FileType.PNG;
    }

    /** A metadata-free copy; throws a {@link Refusal} for a broken or oversized image. */
    static byte[] copy(byte[] bytes, FileType in) {
        try {
            if (!DECODING.tryAcquire(60, TimeUnit.SECONDS)) {
                throw new Refusal(BUSY);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refusal(BUSY);
        }
        try {
            return decodeAndWrite(bytes, output(in));
        } finally {
            DECODING.release();
        }
    }

    private static byte[] decodeAndWrite(byte[] bytes, FileType out) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new Refusal(BROKEN);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    throw new Refusal(HUGE);
                }
                BufferedImage image = reader.read(0);
                BufferedImage plain = new BufferedImage(image.getWidth(), image.getHeight(),
                        out == FileType.JPEG ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
                var g = plain.createGraphics();
                try {
                    g.drawImage(image, 0, 0, null);
                } finally {
                    g.dispose();
                }
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                if (!ImageIO.write(plain, out == FileType.JPEG ? "jpeg" : "png", buffer)) {
                    throw new Refusal(BROKEN);
                }
                return buffer.toByteArray();
            } finally {
                reader.dispose();
            }
        } catch (Refusal e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new Refusal(BROKEN);
        }
    }
}
