package org.xuncha.referral.letter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.openxml4j.opc.internal.PackagePropertiesPart;
import org.xuncha.platform.crypto.KeyedHash;

/**
 * The signature part of a 移交函 .docx and the digests of its other parts, through POI's OPC package (never a zip
 * reader of its own: uploads are read as zips only by platform.upload). The signature lives in a part of its own,
 * {@value #PART}, related from the package ({@value #RELATIONSHIP}) with a content type of its own: Word, WPS and
 * LibreOffice ignore a relationship type they do not know, so the letter opens as any other, and the part travels
 * with every copy of the file.
 *
 * <p>The digests cover every part but the signature part, relationship parts included (so the relationship to the
 * signature part is itself covered, and an added or removed part shows): the SM3 of its bytes as stored, with its
 * content type; the core properties part, which POI reads into a model, by a canonical text of its properties.
 */
final class LetterPackage {

    static final String PART = "/xuncha/transfer-letter-signature.xml";
    static final String CONTENT_TYPE = "application/vnd.xuncha.transfer-letter-signature+xml";
    static final String RELATIONSHIP = "https://xuncha.org/relationships/transfer-letter-signature";
    static final String ALGORITHM = "SM3withSM2";

    private static final Pattern STATEMENT = Pattern.compile("<statement>([A-Za-z0-9+/=]*)</statement>");
    private static final Pattern SIGNATURE = Pattern.compile("<signature>([A-Za-z0-9+/=]*)</signature>");

    /** What the signature part holds. */
    record Signed(byte[] statement, byte[] signature) {
    }

    /** The file could not be read as an OPC package. */
    static final class Unreadable extends Exception {
        Unreadable(Throwable cause) {
            super(cause);
        }
    }

    private LetterPackage() {
    }

    /** The signature part's XML: the statement and the signature, both base64. */
    static byte[] signatureXml(byte[] statement, byte[] signature) {
        Base64.Encoder b64 = Base64.getEncoder();
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<transferLetterSignature xmlns=\"urn:xuncha:transfer-letter-signature:1\" algorithm=\"" + ALGORITHM
                + "\" publisher=\"巡察工作综合管理平台\">\n"
                + "<statement>" + b64.encodeToString(statement) + "</statement>\n"
                + "<signature>" + b64.encodeToString(signature) + "</signature>\n"
                + "</transferLetterSignature>\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The .docx with the signature part set to {@code xml}: added with its relationship when absent, else replaced. */
    static byte[] withSignaturePart(byte[] docx, byte[] xml) throws Unreadable {
        OPCPackage pkg = open(docx);
        try {
            PackagePartName name = PackagingURIHelper.createPartName(PART);
            PackagePart part = pkg.getPart(name);
            if (part == null) {
                part = pkg.createPart(name, CONTENT_TYPE);
                pkg.addRelationship(name, TargetMode.INTERNAL, RELATIONSHIP);
            }
            try (OutputStream out = part.getOutputStream()) {
                out.write(xml);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(docx.length + xml.length + 1024);
            pkg.save(bytes);
            return bytes.toByteArray();
        } catch (IOException | InvalidFormatException | RuntimeException e) {
            throw new Unreadable(e);
        } finally {
            pkg.revert();
        }
    }

    /** The signature part's statement and signature; empty when the file has no (complete) signature part. */
    static Optional<Signed> signed(byte[] docx) throws Unreadable {
        OPCPackage pkg = open(docx);
        try {
            PackagePart part = null;
            for (PackageRelationship r : pkg.getRelationshipsByType(RELATIONSHIP)) {
                part = pkg.getPart(r);
            }
            if (part == null) {
                part = pkg.getPart(PackagingURIHelper.createPartName(PART));
            }
            if (part == null) {
                return Optional.empty();
            }
            String xml;
            try (InputStream in = part.getInputStream()) {
                xml = new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
            }
            Matcher statement = STATEMENT.matcher(xml);
            Matcher signature = SIGNATURE.matcher(xml);
            if (!statement.find() || !signature.find() || statement.group(1).isEmpty()
                    || signature.group(1).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Signed(Base64.getDecoder().decode(statement.group(1)),
                    Base64.getDecoder().decode(signature.group(1))));
        } catch (IOException | InvalidFormatException | RuntimeException e) {
            throw new Unreadable(e);
        } finally {
            pkg.revert();
        }
    }

    /** Every part but the signature part, by name, with its content type and SM3. */
    static Map<String, LetterStatement.PartDigest> digests(byte[] docx) throws Unreadable {
        OPCPackage pkg = open(docx);
        try {
            Map<String, LetterStatement.PartDigest> digests = new TreeMap<>();
            for (PackagePart part : pkg.getParts()) {
                String name = part.getPartName().getName();
                if (name.equals(PART)) {
                    continue;
                }
                byte[] content;
                if (part instanceof PackagePropertiesPart properties) {
                    content = canonical(properties);
                } else {
                    try (InputStream in = part.getInputStream()) {
                        content = in.readAllBytes();
                    }
                }
                digests.put(name, new LetterStatement.PartDigest(part.getContentType(), sm3(content)));
            }
            return digests;
        } catch (IOException | InvalidFormatException | RuntimeException e) {
            throw new Unreadable(e);
        } finally {
            pkg.revert();
        }
    }

    /** SM3, hex (platform's {@link KeyedHash#sm3}). */
    static String sm3(byte[] data) {
        return HexFormat.of().formatHex(KeyedHash.sm3(data));
    }

    /** What a person is told a part is. */
    static String describe(String name) {
        String label;
        if (name.equals("/word/document.xml")) {
            label = "正文";
        } else if (name.startsWith("/word/footer")) {
            label = "页脚";
        } else if (name.startsWith("/word/header")) {
            label = "页眉";
        } else if (name.equals("/word/styles.xml")) {
            label = "样式";
        } else if (name.startsWith("/word/media/")) {
            label = "图片";
        } else if (name.startsWith("/docProps/")) {
            label = "文档属性";
        } else if (name.endsWith(".rels")) {
            label = "部件关系";
        } else {
            label = "文档部件";
        }
        return name.substring(1) + "（" + label + "）";
    }

    private static OPCPackage open(byte[] docx) throws Unreadable {
        try {
            return OPCPackage.open(new ByteArrayInputStream(docx));
        } catch (IOException | InvalidFormatException | RuntimeException e) {
            throw new Unreadable(e);
        }
    }

    private static byte[] canonical(PackagePropertiesPart p) {
        Map<String, String> values = new TreeMap<>();
        values.put("category", p.getCategoryProperty().orElse(""));
        values.put("contentStatus", p.getContentStatusProperty().orElse(""));
        values.put("contentType", p.getContentTypeProperty().orElse(""));
        values.put("created", p.getCreatedProperty().isPresent() ? nonNull(p.getCreatedPropertyString()) : "");
        values.put("creator", p.getCreatorProperty().orElse(""));
        values.put("description", p.getDescriptionProperty().orElse(""));
        values.put("identifier", p.getIdentifierProperty().orElse(""));
        values.put("keywords", p.getKeywordsProperty().orElse(""));
        values.put("language", p.getLanguageProperty().orElse(""));
        values.put("lastModifiedBy", p.getLastModifiedByProperty().orElse(""));
        values.put("lastPrinted", p.getLastPrintedProperty().isPresent() ? nonNull(p.getLastPrintedPropertyString()) : "");
        // the String getters of an absent date answer "now": only a date the file holds is read
        values.put("modified", p.getModifiedProperty().isPresent() ? nonNull(p.getModifiedPropertyString()) : "");
        values.put("revision", p.getRevisionProperty().orElse(""));
        values.put("subject", p.getSubjectProperty().orElse(""));
        values.put("title", p.getTitleProperty().orElse(""));
        values.put("version", p.getVersionProperty().orElse(""));
        StringBuilder s = new StringBuilder();
        values.forEach((k, v) -> s.append(k).append('\t').append(LetterStatement.escape(v)).append('\n'));
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
