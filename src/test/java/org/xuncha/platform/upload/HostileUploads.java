package org.xuncha.platform.upload;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/**
 * The hostile corpus every upload entry point is tried with (public attachment, information-request answer,
 * template upload, spreadsheet import), generated here so that no hostile file sits in the repository. Each file is
 * refused by every entry point; the photo with GPS metadata is accepted where images are and stored without it.
 */
public final class HostileUploads {

    /** Text the GPS photo's metadata carries; it must not survive into what is stored. */
    public static final String GPS_MARKER = "GPSLatitude=23.1291;GPSLongitude=113.2644;XunchaMarker";

    /** One hostile file: the name and content type a client would claim, the bytes, what it is. */
    public record HostileFile(String what, String name, String contentType, byte[] bytes) {
        @Override
        public String toString() {
            return what;
        }
    }

    private HostileUploads() {
    }

    /** Every file of the corpus that each entry point must refuse. */
    public static List<HostileFile> refusedEverywhere() {
        return List.of(
                new HostileFile("zip bomb", "材料.docx", "application/octet-stream", zipBomb()),
                new HostileFile("too many entries", "材料.xlsx", "application/octet-stream", tooManyEntries()),
                new HostileFile("PDF with /JavaScript", "材料.pdf", "application/pdf", pdfWithJavaScript()),
                new HostileFile("PDF with /OpenAction /Launch", "材料.pdf", "application/pdf", pdfWithLaunch()),
                new HostileFile("PDF+zip polyglot", "材料.pdf", "application/pdf", pdfZipPolyglot()),
                new HostileFile("html renamed .pdf", "材料.pdf", "application/pdf", htmlRenamedPdf()),
                new HostileFile("oversize", "材料.pdf", "application/pdf", oversize()));
    }

    /** A .docx-shaped archive whose one part of 8 MB of zeros deflates to a few kilobytes. */
    public static byte[] zipBomb() {
        return zip(2, new byte[8 * 1024 * 1024]);
    }

    /** A .docx/.xlsx-shaped archive with 2,500 entries (every policy allows at most 1,000). */
    public static byte[] tooManyEntries() {
        return zip(2_500, null);
    }

    public static byte[] pdfWithJavaScript() {
        return ascii("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R /Names << /JavaScript 3 0 R >> >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
                + "3 0 obj << /Names [(x) << /S /JavaScript /JS (app.alert('x')) >>] >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n");
    }

    public static byte[] pdfWithLaunch() {
        return ascii("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R "
                + "/OpenAction << /S /Launch /F (cmd.exe) /Win << /F (cmd.exe) /P (/c calc) >> >> >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    }

    /** A harmless PDF followed by a zip archive: a PDF reader and an unzipper each see their own file. */
    public static byte[] pdfZipPolyglot() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(plainPdf());
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("payload.js"));
            zip.write(ascii("alert(1)"));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] htmlRenamedPdf() {
        return "<!DOCTYPE html><html><body><script>alert(document.cookie)</script>举报材料</body></html>"
                .getBytes(StandardCharsets.UTF_8);
    }

    /** 10 MB and one byte starting like a PDF: above every policy's size cap. */
    public static byte[] oversize() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        byte[] head = plainPdf();
        System.arraycopy(head, 0, big, 0, head.length);
        return big;
    }

    /** A JPEG whose APP1 (Exif) segment carries GPS coordinates and {@link #GPS_MARKER}, as a phone writes. */
    public static byte[] jpegWithGps() {
        byte[] plain = image("jpeg");
        byte[] exif = ("Exif\0\0MM\0*" + GPS_MARKER).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1);
        int length = exif.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exif);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    public static byte[] plainPdf() {
        return ascii("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    }

    /** An archive with the parts a .docx and a .xlsx are recognised by, {@code count} entries in all. */
    private static byte[] zip(int count, byte[] big) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "[Content_Types].xml", ascii("<?xml version=\"1.0\"?><Types/>"));
            put(zip, "word/document.xml", big != null ? big : ascii("<w:document/>"));
            put(zip, "xl/workbook.xml", ascii("<workbook/>"));
            for (int i = 3; i < count; i++) {
                put(zip, "customXml/item" + i + ".xml", ascii("<x/>"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /** A small plain picture written by ImageIO in {@code format} (jpeg, png, gif); also the intake tests' photos. */
    public static byte[] image(String format) {
        BufferedImage img = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new Color(40, 90, 200));
        g.fillRect(0, 0, 32, 24);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
