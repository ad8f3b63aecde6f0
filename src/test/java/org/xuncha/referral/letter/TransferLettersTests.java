package org.xuncha.referral.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.documents.DocumentTemplates;
import org.xuncha.documents.WordFiles;
import org.xuncha.platform.web.UserInputException;

/**
 * Issue 13 §1, "A tampered or re-signed letter fails verification and says why": a letter issued by
 * {@link TransferLetters} verifies from its bytes alone and against the archive; a character changed in its text, a
 * signature by another SM2 key over a statement that matches the changed file, a missing signature part, a file that
 * is no .docx, a number the archive does not hold and an archived letter of the same number that is another one
 * each fail with their reason.
 */
@SpringBootTest(properties = "xuncha.test.context=referral")
class TransferLettersTests {

    /** Bodies of the archive rows written here (no foreign key: only the letter number and digest are read). */
    static final long BODY = 5885;
    static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired TransferLetters letters;
    @Autowired DocumentTemplates templates;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @Test
    void anIssuedLetterVerifiesFromItsBytesAndAgainstTheArchive() throws Exception {
        LetterContent content = letter("测移〔2026〕5885-1号");
        IssuedLetter issued = letters.issue(content);

        String text = WordFiles.text(issued.docx());
        assertThat(text).contains("关于移交巡察发现问题线索的函", "测移〔2026〕5885-1号", "中共清江市委巡察工作领导小组办公室",
                "清江市纪委监委：", "《中国共产党巡视工作条例》", "3个月内", "某科长违规收受礼金", "清江市委第三巡察组", "信访",
                "廉洁纪律", "2人", "附注：名单另附", "2026年12月2日印发", "3件").doesNotContain("${");
        assertThat(issued.digest()).hasSize(64).isEqualTo(LetterPackage.sm3(statementOf(issued.docx())));
        assertThat(issued.signature()).isNotBlank().hasSizeLessThanOrEqualTo(400);

        LetterVerification before = letters.verify(issued.docx());
        assertThat(before.verdict()).isEqualTo(LetterVerdict.UNKNOWN_NUMBER);
        assertThat(before.reason()).isEqualTo("文号不存在：本平台没有文号为测移〔2026〕5885-1号的移交函");
        assertThat(before.letter()).isEqualTo(content);

        archive(content.letterNo(), issued.digest());
        LetterVerification after = letters.verify(issued.docx().clone());
        assertThat(after.valid()).isTrue();
        assertThat(after.reason()).isEqualTo("签名有效，与存档一致");
        assertThat(after.archived()).isTrue();
        assertThat(after.letter()).isEqualTo(content);
        assertThat(after.letter().lines()).hasSize(3);
    }

    @Test
    void aCharacterChangedInTheTextFailsNamingThePart() throws Exception {
        LetterContent content = letter("测移〔2026〕5885-2号");
        IssuedLetter issued = letters.issue(content);
        archive(content.letterNo(), issued.digest());

        byte[] tampered = withDocumentXml(issued.docx(), xml -> xml.replace("某科长违规收受礼金", "某股长违规收受礼金"));
        assertThat(WordFiles.text(tampered)).contains("某股长违规收受礼金");

        LetterVerification result = letters.verify(tampered);
        assertThat(result.verdict()).isEqualTo(LetterVerdict.CONTENT_CHANGED);
        assertThat(result.reason()).isEqualTo("正文已被修改：word/document.xml（正文）已被修改");
        assertThat(result.letter().letterNo()).isEqualTo("测移〔2026〕5885-2号");
    }

    @Test
    void anAddedPartIsAChange() throws Exception {
        IssuedLetter issued = letters.issue(letter("测移〔2026〕5885-3号"));
        Map<String, byte[]> entries = new LinkedHashMap<>(WordFiles.entries(issued.docx()));
        entries.put("[Content_Types].xml", new String(entries.get("[Content_Types].xml"), StandardCharsets.UTF_8)
                .replace("</Types>", "<Override PartName=\"/word/extra.xml\" ContentType=\"application/xml\"/></Types>")
                .getBytes(StandardCharsets.UTF_8));
        entries.put("word/extra.xml", "<x/>".getBytes(StandardCharsets.UTF_8));

        LetterVerification result = letters.verify(WordFiles.zip(entries));
        assertThat(result.verdict()).isEqualTo(LetterVerdict.CONTENT_CHANGED);
        assertThat(result.reason()).isEqualTo("正文已被修改：多出word/extra.xml（文档部件）");
    }

    @Test
    void aLetterChangedAndReSignedWithAnotherSm2KeyFails() throws Exception {
        LetterContent content = letter("测移〔2026〕5885-4号");
        IssuedLetter issued = letters.issue(content);
        archive(content.letterNo(), issued.digest());
        byte[] changed = withDocumentXml(issued.docx(), xml -> xml.replace("清江市纪委监委", "清江市委组织部"));
        LetterContent claimed = new LetterContent(content.letterNo(), content.officeName(), "清江市委组织部",
                content.issuedOn(), content.note(), content.lines());

        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
        generator.initialize(new ECGenParameterSpec("sm2p256v1"), new SecureRandom());
        KeyPair other = generator.generateKeyPair();
        for (String fingerprint : List.of(letters.fingerprint(), LetterPackage.sm3(other.getPublic().getEncoded()))) {
            LetterStatement statement = new LetterStatement(claimed, fingerprint, LetterPackage.digests(changed));
            Signature sm2 = Signature.getInstance("SM3withSM2", new BouncyCastleProvider());
            sm2.initSign(other.getPrivate());
            sm2.update(statement.bytes());
            byte[] forged = LetterPackage.withSignaturePart(changed,
                    LetterPackage.signatureXml(statement.bytes(), sm2.sign()));
            assertThat(LetterPackage.digests(forged)).isEqualTo(statement.parts());

            LetterVerification result = letters.verify(forged);
            assertThat(result.verdict()).isEqualTo(LetterVerdict.SIGNATURE_INVALID);
            assertThat(result.reason()).isEqualTo("签名无效或非本平台签发");
            assertThat(result.letter()).isNull();
        }
    }

    @Test
    void aStatementEditedInsideTheSignaturePartFails() throws Exception {
        IssuedLetter issued = letters.issue(letter("测移〔2026〕5885-5号"));
        LetterPackage.Signed signed = LetterPackage.signed(issued.docx()).orElseThrow();
        byte[] edited = new String(signed.statement(), StandardCharsets.UTF_8).replace("清江市纪委监委", "清江市委组织部")
                .getBytes(StandardCharsets.UTF_8);
        byte[] forged = LetterPackage.withSignaturePart(issued.docx(),
                LetterPackage.signatureXml(edited, signed.signature()));

        assertThat(letters.verify(forged).verdict()).isEqualTo(LetterVerdict.SIGNATURE_INVALID);
    }

    @Test
    void aLetterWithoutItsSignaturePartIsUnsigned() throws Exception {
        byte[] unsigned = templates.fillBuiltIn(TransferLetterKind.KIND,
                TransferLetterKind.content(letter("测移〔2026〕5885-6号"))).content();
        LetterVerification plain = letters.verify(unsigned);
        assertThat(plain.verdict()).isEqualTo(LetterVerdict.UNSIGNED);
        assertThat(plain.reason()).isEqualTo("未签名或签名信息缺失");

        IssuedLetter issued = letters.issue(letter("测移〔2026〕5885-7号"));
        Map<String, byte[]> entries = new LinkedHashMap<>(WordFiles.entries(issued.docx()));
        assertThat(entries.remove(LetterPackage.PART.substring(1))).isNotNull();
        assertThat(letters.verify(WordFiles.zip(entries)).verdict()).isEqualTo(LetterVerdict.UNSIGNED);

        byte[] emptied = LetterPackage.withSignaturePart(issued.docx(), "<transferLetterSignature/>".getBytes(StandardCharsets.UTF_8));
        assertThat(letters.verify(emptied).verdict()).isEqualTo(LetterVerdict.UNSIGNED);
    }

    @Test
    void anotherLetterArchivedUnderTheSameNumberIsAMismatch() {
        LetterContent content = letter("测移〔2026〕5885-8号");
        IssuedLetter first = letters.issue(content);
        archive(content.letterNo(), first.digest());
        IssuedLetter second = letters.issue(new LetterContent(content.letterNo(), content.officeName(),
                content.receiverLabel(), content.issuedOn(), "另一份", content.lines()));

        LetterVerification result = letters.verify(second.docx());
        assertThat(result.verdict()).isEqualTo(LetterVerdict.ARCHIVE_MISMATCH);
        assertThat(result.reason()).isEqualTo("与存档不一致：文号测移〔2026〕5885-8号的存档移交函不是这一份");
        assertThat(letters.verify(first.docx()).valid()).isTrue();
    }

    @Test
    void aFileThatIsNoDocxIsRefusedByTheUploadCheckAndTheRefusalAudited() {
        long before = verifications();
        LetterVerification result = letters.verifyAndRecord("函.docx", "不是文件".getBytes(StandardCharsets.UTF_8), "web");
        assertThat(result.verdict()).isEqualTo(LetterVerdict.NOT_A_DOCX);
        assertThat(result.reason()).isEqualTo("文件不是有效的 Word 文档（.docx）");
        assertThat(verifications()).isEqualTo(before + 1);
        assertThat(lastVerification()).isEqualTo("FAILURE null via=web verdict=NOT_A_DOCX");

        assertThat(letters.verify("PK\u0003\u0004garbage".getBytes(StandardCharsets.ISO_8859_1)).verdict())
                .isEqualTo(LetterVerdict.NOT_A_DOCX);
    }

    @Test
    void aVerificationIsAudited() {
        LetterContent content = letter("测移〔2026〕5885-9号");
        IssuedLetter issued = letters.issue(content);
        archive(content.letterNo(), issued.digest());
        assertThat(letters.verifyAndRecord("函.docx", issued.docx(), "cli").valid()).isTrue();
        assertThat(lastVerification()).isEqualTo("SUCCESS 测移〔2026〕5885-9号 via=cli verdict=VALID");
    }

    @Test
    void anIncompleteLetterIsRefusedInChinese() {
        LetterContent c = letter("测移〔2026〕5885-10号");
        assertThatThrownBy(() -> letters.issue(new LetterContent(c.letterNo(), c.officeName(), c.receiverLabel(),
                c.issuedOn(), null, List.of()))).isInstanceOf(UserInputException.class).hasMessage("移交函至少列出一件问题线索");
        assertThatThrownBy(() -> letters.issue(new LetterContent(" ", c.officeName(), c.receiverLabel(),
                c.issuedOn(), null, c.lines()))).isInstanceOf(UserInputException.class)
                .hasMessage("移交函须有文号、发文机关、主送机关和成文日期");
        assertThatThrownBy(() -> letters.issue(new LetterContent(c.letterNo(), c.officeName(), c.receiverLabel(),
                c.issuedOn(), null, List.of(new LetterLine(2, "问题线索", "标题", "信访", 1, null)))))
                .isInstanceOf(UserInputException.class).hasMessageStartingWith("移交函第1行不完整");
    }

    @Test
    void theStatementReadsBackAsTheLetterWhateverItsTextHolds() {
        LetterContent tricky = new LetterContent("测移\t〔2026〕\\n1号", "办\n公室", "纪委\r监委", LocalDate.of(2026, 2, 28),
                "附注\t含\\制表符", List.of(new LetterLine(1, "信访件", "标题\t\n", "信访", 0, null)));
        LetterStatement statement = new LetterStatement(tricky, "ab12",
                Map.of("/word/document.xml", new LetterStatement.PartDigest("application/xml", "00")));
        assertThat(LetterStatement.parse(statement.bytes())).contains(statement);
        assertThat(LetterStatement.parse("XUNCHA-TRANSFER-LETTER 1\n文号\tx\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    static LetterContent letter(String no) {
        return new LetterContent(no, "中共清江市委巡察工作领导小组办公室", "清江市纪委监委", LocalDate.of(2026, 12, 2),
                "名单另附", List.of(
                new LetterLine(1, "问题线索", "某科长违规收受礼金", "清江市委第三巡察组", 1, "廉洁纪律"),
                new LetterLine(2, "问题线索", "工程项目围标串标", "清江市委第三巡察组", 2, "廉洁纪律"),
                new LetterLine(3, "信访件", "反映某村干部优亲厚友", "信访", 1, null)));
    }

    /** Writes the letter to the archive as referral.transfer does (only the columns verification reads matter). */
    void archive(String letterNo, String digest) {
        int seq = SEQ.incrementAndGet();
        jdbc.sql("""
                INSERT INTO transfer_letter (body_id, letter_year, letter_seq, letter_no, receiver_kind, receiver_body_id,
                                             item_count, signed_digest, created_by, created_by_name, created_at)
                VALUES (:b, 2026, :s, :no, 'DISCIPLINE', :b, 3, :d, 1, '巡察办', :at)
                """).param("b", BODY).param("s", 1000 + seq).param("no", letterNo).param("d", digest)
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
    }

    static byte[] statementOf(byte[] docx) throws Exception {
        return LetterPackage.signed(docx).orElseThrow().statement();
    }

    static byte[] withDocumentXml(byte[] docx, java.util.function.UnaryOperator<String> change) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>(WordFiles.entries(docx));
        String xml = new String(entries.get("word/document.xml"), StandardCharsets.UTF_8);
        String changed = change.apply(xml);
        assertThat(changed).isNotEqualTo(xml);
        entries.put("word/document.xml", changed.getBytes(StandardCharsets.UTF_8));
        return WordFiles.zip(entries);
    }

    long verifications() {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'LETTER_VERIFIED'").query(Long.class).single();
    }

    String lastVerification() {
        return jdbc.sql("SELECT result, object_id, detail FROM audit_record WHERE action = 'LETTER_VERIFIED' ORDER BY seq DESC LIMIT 1")
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).single();
    }
}
