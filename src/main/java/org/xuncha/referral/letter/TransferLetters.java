package org.xuncha.referral.letter;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.documents.DocumentTemplates;
import org.xuncha.platform.crypto.Sm2Signatures;
import org.xuncha.platform.upload.UploadCheck;
import org.xuncha.platform.upload.UploadRefused;
import org.xuncha.platform.web.UserInputException;

/**
 * Issues and verifies 移交函 (docs/security.md "Letter signatures"). {@link #issue} writes the letter from its document
 * kind ({@link TransferLetterKind}), adds a signature part to the .docx holding a canonical statement of the letter —
 * the signing body and key, number, office, receiver, date, every line, and the SM3 of every other part of the file
 * ({@link LetterStatement}) — and the platform's SM2 signature over it. The installation has one SM2 key
 * ({@code platform.crypto.XunchaKeys}): it signs for the office named in the statement (签发机关), so "the office's
 * key" of issue 13 is the platform's.
 *
 * <p>{@link #verify} needs nothing but the file and the platform's public key, so any copy verifies; it says why a
 * file fails, in the order it looks: not a .docx, no signature part, a signature that is not the platform's (a letter
 * re-signed with another key fails here), a part changed, added or removed, and — when the database can be read — a
 * number not in the archive or a letter other than the one archived under its number.
 */
@Service
@org.springframework.modulith.NamedInterface("letter")
public class TransferLetters {

    static final String ACTION = "LETTER_VERIFIED";
    static final String OBJECT = "LetterVerification";

    private final DocumentTemplates templates;
    private final Sm2Signatures signatures;
    private final LetterArchive archive;
    private final AuditTrail audit;

    TransferLetters(DocumentTemplates templates, Sm2Signatures signatures, LetterArchive archive, AuditTrail audit) {
        this.templates = templates;
        this.signatures = signatures;
        this.archive = archive;
        this.audit = audit;
    }

    /** Writes and signs the letter from the built-in template. */
    public IssuedLetter issue(LetterContent c) {
        check(c);
        return sign(c, templates.fillBuiltIn(TransferLetterKind.KIND, TransferLetterKind.content(c)).content());
    }

    /** Writes and signs the letter from the template the office's body uses (its own, or the built-in one). */
    public IssuedLetter issue(BodyId office, LetterContent c) {
        check(c);
        return sign(c, templates.fill(office, TransferLetterKind.KIND, TransferLetterKind.content(c)).content());
    }

    /** Verifies a file (see the class comment); records nothing. */
    public LetterVerification verify(byte[] docx) {
        Optional<LetterPackage.Signed> signed;
        try {
            signed = LetterPackage.signed(docx);
        } catch (LetterPackage.Unreadable e) {
            return LetterVerification.failed(LetterVerdict.NOT_A_DOCX, null);
        }
        if (signed.isEmpty()) {
            return LetterVerification.failed(LetterVerdict.UNSIGNED, null);
        }
        byte[] statementBytes = signed.get().statement();
        Optional<LetterStatement> statement = LetterStatement.parse(statementBytes);
        if (!Sm2Signatures.verify(signatures.publicKey(), statementBytes, signed.get().signature())
                || statement.isEmpty() || !statement.get().keyFingerprint().equals(fingerprint())) {
            return LetterVerification.failed(LetterVerdict.SIGNATURE_INVALID, null);
        }
        LetterContent letter = statement.get().letter();
        Map<String, LetterStatement.PartDigest> now;
        try {
            now = LetterPackage.digests(docx);
        } catch (LetterPackage.Unreadable e) {
            return LetterVerification.failed(LetterVerdict.NOT_A_DOCX, null);
        }
        List<String> changes = changes(statement.get().parts(), now);
        if (!changes.isEmpty()) {
            return new LetterVerification(LetterVerdict.CONTENT_CHANGED,
                    LetterVerdict.CONTENT_CHANGED.label() + "：" + String.join("；", changes), letter, false);
        }
        List<String> stored;
        try {
            stored = archive.digestsOf(letter.letterNo());
        } catch (DataAccessException e) {
            return new LetterVerification(LetterVerdict.VALID, "签名有效（数据库不可用，未与存档核对）", letter, false);
        }
        if (stored.isEmpty()) {
            return new LetterVerification(LetterVerdict.UNKNOWN_NUMBER, LetterVerdict.UNKNOWN_NUMBER.label() + "：本平台没有文号为"
                    + letter.letterNo() + "的移交函", letter, true);
        }
        if (!stored.contains(LetterPackage.sm3(statementBytes))) {
            return new LetterVerification(LetterVerdict.ARCHIVE_MISMATCH, LetterVerdict.ARCHIVE_MISMATCH.label()
                    + "：文号" + letter.letterNo() + "的存档移交函不是这一份", letter, true);
        }
        return new LetterVerification(LetterVerdict.VALID, "签名有效，与存档一致", letter, true);
    }

    /**
     * Checks an uploaded or given file with the platform's upload check (a .docx, sized for a letter, zip caps, no
     * macros), verifies it and records the verification in the audit trail (LETTER_VERIFIED, SUCCESS or FAILURE
     * with the verdict; the object is the letter number when the statement is the platform's). A refused file is a
     * NOT_A_DOCX verification whose reason is the refusal.
     */
    public LetterVerification verifyAndRecord(String fileName, byte[] file, String via) {
        LetterVerification result;
        try {
            UploadCheck.check(LetterUploads.POLICY, fileName, file);
            result = verify(file);
        } catch (UploadRefused e) {
            result = new LetterVerification(LetterVerdict.NOT_A_DOCX, e.getMessage(), null, false);
        }
        audit.record(ACTION, OBJECT, result.letter() == null ? null : result.letter().letterNo(),
                result.valid() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                "via=" + via + " verdict=" + result.verdict().name());
        return result;
    }

    /** SM3 (hex) of the platform's public key as X.509: the 签名密钥 of every statement. */
    String fingerprint() {
        PublicKey key = signatures.publicKey();
        return LetterPackage.sm3(key.getEncoded());
    }

    private IssuedLetter sign(LetterContent c, byte[] filled) {
        try {
            byte[] prepared = LetterPackage.withSignaturePart(filled, LetterPackage.signatureXml(new byte[0], new byte[0]));
            LetterStatement statement = new LetterStatement(c, fingerprint(), LetterPackage.digests(prepared));
            byte[] bytes = statement.bytes();
            byte[] signature = signatures.sign(bytes);
            byte[] docx = LetterPackage.withSignaturePart(prepared, LetterPackage.signatureXml(bytes, signature));
            // the package is written twice: the second write must leave every digested part as the first wrote it
            if (!LetterPackage.digests(docx).equals(statement.parts())) {
                throw new IllegalStateException("the signed letter " + c.letterNo() + " changed while it was signed");
            }
            return new IssuedLetter(docx, LetterPackage.sm3(bytes), java.util.Base64.getEncoder().encodeToString(signature));
        } catch (LetterPackage.Unreadable e) {
            throw new IllegalStateException("the letter " + c.letterNo() + " cannot be signed", e);
        }
    }

    private static List<String> changes(Map<String, LetterStatement.PartDigest> signed,
                                        Map<String, LetterStatement.PartDigest> now) {
        List<String> changes = new ArrayList<>();
        signed.forEach((name, digest) -> {
            LetterStatement.PartDigest found = now.get(name);
            if (found == null) {
                changes.add("缺少" + LetterPackage.describe(name));
            } else if (!found.equals(digest)) {
                changes.add(LetterPackage.describe(name) + "已被修改");
            }
        });
        now.keySet().stream().filter(name -> !signed.containsKey(name))
                .forEach(name -> changes.add("多出" + LetterPackage.describe(name)));
        return changes;
    }

    /** A letter the platform can sign: what a person may get wrong is refused in Chinese (the batch checks first). */
    private static void check(LetterContent c) {
        if (c == null || blank(c.letterNo()) || blank(c.officeName()) || blank(c.receiverLabel())
                || c.issuedOn() == null) {
            throw new UserInputException("移交函须有文号、发文机关、主送机关和成文日期");
        }
        if (c.lines().isEmpty()) {
            throw new UserInputException("移交函至少列出一件问题线索");
        }
        for (int i = 0; i < c.lines().size(); i++) {
            LetterLine line = c.lines().get(i);
            if (line.position() != i + 1 || blank(line.title()) || blank(line.subjectLabel()) || line.personCount() < 0) {
                throw new UserInputException("移交函第" + (i + 1) + "行不完整：须按序号排列，并有类别、标题和涉及人数");
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
