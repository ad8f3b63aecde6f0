package org.xuncha.inforequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small files for upload tests: real magic bytes, and hostile ones that only look right by name. */
public final class InfoRequestFiles {

    private InfoRequestFiles() {
    }

    public static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A real 8×8 PNG (images are decoded and re-encoded, so a header alone is refused as broken). */
    public static byte[] png() {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A Windows executable's first bytes. */
    public static byte[] exe() {
        byte[] b = new byte[256];
        b[0] = 'M';
        b[1] = 'Z';
        return b;
    }

    public static byte[] html() {
        return "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] docx() {
        return zip("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>");
    }

    public static byte[] xlsx() {
        return zip("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>");
    }

    /** A .docm in disguise: a document with a VBA project. */
    public static byte[] macroDocx() {
        return zip("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>", "word/vbaProject.bin", "x");
    }

    /** A zip that is no Office document. */
    public static byte[] plainZip() {
        return zip("readme.txt", "hello");
    }

    /** A document whose one part expands far beyond the allowed ratio. */
    public static byte[] bomb() {
        return zip("[Content_Types].xml", "<Types/>", "word/document.xml", "A".repeat(5_000_000));
    }

    public static byte[] large(int size) {
        byte[] b = new byte[size];
        System.arraycopy(pdf(), 0, b, 0, pdf().length);
        return b;
    }

    public static byte[] zip(String... namesAndContents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
