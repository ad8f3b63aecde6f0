package org.xuncha.referral.letter;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical text an SM2 signature of a 移交函 covers: the signing body and the key's fingerprint, the letter's
 * content and the SM3 digest of every part of the .docx but the signature part. UTF-8, one record per line, fields
 * separated by tabs; backslash, tab, CR and LF inside a value are escaped ({@code \\ \t \r \n}), so that every
 * letter has exactly one statement and a statement reads back as the letter it was made from.
 *
 * <pre>
 * XUNCHA-TRANSFER-LETTER 1
 * 签发机关	…	(the office: the body whose letter this is; the installation's one SM2 key signs for it)
 * 签名密钥	SM3 of the public key (X.509), hex
 * 文号	…
 * 主送	…
 * 成文日期	2026-12-02
 * 附注	…	(empty when none)
 * 线索	序号	类别	标题	来源	涉及人数	问题性质	(one per line)
 * 部件	/word/document.xml	content type	SM3 hex	(one per part, by name)
 * </pre>
 */
record LetterStatement(LetterContent letter, String keyFingerprint, Map<String, PartDigest> parts) {

    static final String HEADER = "XUNCHA-TRANSFER-LETTER 1";

    /** A part of the file: its content type and the SM3 (hex) of its bytes. */
    record PartDigest(String contentType, String sm3) {
    }

    byte[] bytes() {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        line(s, "签发机关", letter.officeName());
        line(s, "签名密钥", keyFingerprint);
        line(s, "文号", letter.letterNo());
        line(s, "主送", letter.receiverLabel());
        line(s, "成文日期", letter.issuedOn().toString());
        line(s, "附注", letter.note() == null ? "" : letter.note());
        for (LetterLine l : letter.lines()) {
            line(s, "线索", String.valueOf(l.position()), l.subjectLabel(), l.title(), l.source(),
                    String.valueOf(l.personCount()), l.violationLabel() == null ? "" : l.violationLabel());
        }
        parts.forEach((name, d) -> line(s, "部件", name, d.contentType(), d.sm3()));
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a statement back; empty when it is not one (then it cannot have been signed by the platform either). */
    static Optional<LetterStatement> parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        if (lines.length < 8 || !lines[0].equals(HEADER) || !lines[lines.length - 1].isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> single = new LinkedHashMap<>();
        List<LetterLine> rows = new ArrayList<>();
        Map<String, PartDigest> parts = new LinkedHashMap<>();
        try {
            for (int i = 1; i < lines.length - 1; i++) {
                String[] f = lines[i].split("\t", -1);
                for (int j = 0; j < f.length; j++) {
                    f[j] = unescape(f[j]);
                }
                switch (f[0]) {
                    case "线索" -> {
                        if (f.length != 7) {
                            return Optional.empty();
                        }
                        rows.add(new LetterLine(Integer.parseInt(f[1]), f[2], f[3], f[4], Integer.parseInt(f[5]),
                                f[6].isEmpty() ? null : f[6]));
                    }
                    case "部件" -> {
                        if (f.length != 4) {
                            return Optional.empty();
                        }
                        parts.put(f[1], new PartDigest(f[2], f[3]));
                    }
                    default -> {
                        if (f.length != 2 || single.put(f[0], f[1]) != null) {
                            return Optional.empty();
                        }
                    }
                }
            }
            String note = single.get("附注");
            LetterContent letter = new LetterContent(required(single, "文号"), required(single, "签发机关"),
                    required(single, "主送"), LocalDate.parse(required(single, "成文日期")),
                    note == null || note.isEmpty() ? null : note, rows);
            return Optional.of(new LetterStatement(letter, required(single, "签名密钥"), parts));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("statement without " + name);
        }
        return value;
    }

    private static void line(StringBuilder s, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                s.append('\t');
            }
            s.append(escape(fields[i] == null ? "" : fields[i]));
        }
        s.append('\n');
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == value.length()) {
                throw new IllegalArgumentException("dangling escape");
            }
            switch (value.charAt(i)) {
                case '\\' -> out.append('\\');
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                default -> throw new IllegalArgumentException("unknown escape");
            }
        }
        return out.toString();
    }
}
