package org.xuncha.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Known answers from the national standards (GB/T 32905 SM3, GB/T 32907 SM4), an HMAC-SM3 built by hand,
 * the field cipher's guarantees, and SM2 signatures checked against OpenSSL. No Spring context.
 */
@Tag("pure")
class CryptoKnownAnswerTests {

    static final HexFormat HEX = HexFormat.of();

    @TempDir
    static Path keyDir;

    static XunchaKeys keys;

    @BeforeAll
    static void keys() {
        keys = new XunchaKeys(keyDir, "", "", "", "");
    }

    // --- SM3, GB/T 32905-2016 Appendix A -------------------------------------------------------------------

    @Test
    void sm3OfAbcIsTheStandardsFirstExample() {
        assertThat(KeyedHash.hex(KeyedHash.sm3("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void sm3OfSixteenAbcdIsTheStandardsSecondExample() {
        assertThat(KeyedHash.hex(KeyedHash.sm3("abcd".repeat(16).getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    // --- SM4, GB/T 32907-2016 Appendix A -------------------------------------------------------------------

    static final byte[] SM4_KEY = HEX.parseHex("0123456789abcdeffedcba9876543210");

    @Test
    void sm4EncryptsTheStandardBlock() {
        SM4Engine engine = new SM4Engine();
        engine.init(true, new KeyParameter(SM4_KEY));
        byte[] out = new byte[16];
        engine.processBlock(SM4_KEY, 0, out, 0); // the standard's plaintext equals its key
        assertThat(HEX.formatHex(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");

        engine.init(false, new KeyParameter(SM4_KEY));
        byte[] back = new byte[16];
        engine.processBlock(out, 0, back, 0);
        assertThat(back).isEqualTo(SM4_KEY);
    }

    @Test
    void sm4EncryptedAMillionTimesGivesTheStandardsSecondExample() {
        SM4Engine engine = new SM4Engine();
        engine.init(true, new KeyParameter(SM4_KEY));
        byte[] block = SM4_KEY.clone();
        byte[] next = new byte[16];
        for (int i = 0; i < 1_000_000; i++) {
            engine.processBlock(block, 0, next, 0);
            byte[] t = block;
            block = next;
            next = t;
        }
        assertThat(HEX.formatHex(block)).isEqualTo("595298c7c6fd271f0402f804c33d3f66");
    }

    // --- HMAC-SM3 (RFC 2104 construction over SM3, block size 64 bytes) ---------------------------------------

    @Test
    void hmacSm3MatchesAConstructionByHand() {
        byte[] shortKey = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        byte[] longKey = new byte[100]; // longer than a block: hashed first
        for (int i = 0; i < longKey.length; i++) {
            longKey[i] = (byte) (i * 7 + 3);
        }
        for (byte[] key : new byte[][] {shortKey, longKey}) {
            for (String message : new String[] {"", "abc", "v1|1:1|审计记录", "x".repeat(1000)}) {
                assertThat(KeyedHash.hex(KeyedHash.hmac(key, message)))
                        .as("key of %d bytes, message of %d chars", key.length, message.length())
                        .isEqualTo(HEX.formatHex(hmacByHand(key, message.getBytes(StandardCharsets.UTF_8))));
            }
        }
    }

    @Test
    void keyedHashesUseSeparateKeysAndContexts() {
        KeyedHash hashes = new KeyedHash(keys);
        assertThat(hashes.auditMac("abc"))
                .isEqualTo(HEX.formatHex(hmacByHand(keys.key(XunchaKeys.Name.AUDIT), "abc".getBytes(StandardCharsets.UTF_8))))
                .isNotEqualTo(hashes.receipt("abc"));
        assertThat(hashes.blindIndex("inspector.id_number", "abc"))
                .isNotEqualTo(hashes.blindIndex("report.phone", "abc"));
    }

    static byte[] hmacByHand(byte[] key, byte[] message) {
        byte[] k = key.length > 64 ? sm3(key) : key;
        byte[] block = Arrays.copyOf(k, 64);
        byte[] ipad = new byte[64];
        byte[] opad = new byte[64];
        for (int i = 0; i < 64; i++) {
            ipad[i] = (byte) (block[i] ^ 0x36);
            opad[i] = (byte) (block[i] ^ 0x5c);
        }
        return sm3(concat(opad, sm3(concat(ipad, message))));
    }

    static byte[] sm3(byte[] data) {
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    // --- SM4-GCM field cipher ----------------------------------------------------------------------------------

    @Test
    void fieldCipherRoundTripsUnicode() {
        FieldCipher cipher = new FieldCipher(keys);
        String plain = "35010219900307123X 张三 13800138000";
        String sealed = cipher.seal("inspector.id_number", plain);
        assertThat(sealed).doesNotContain("3501021990").doesNotContain("张三");
        assertThat(cipher.open("inspector.id_number", sealed)).isEqualTo(plain);
        assertThat(cipher.seal("x", null)).isNull();
    }

    @Test
    void fieldCipherUsesAFreshNonceEachTime() {
        FieldCipher cipher = new FieldCipher(keys);
        byte[] a = Base64.getDecoder().decode(cipher.seal("ctx", "same value"));
        byte[] b = Base64.getDecoder().decode(cipher.seal("ctx", "same value"));
        assertThat(Arrays.copyOfRange(a, 1, 13)).isNotEqualTo(Arrays.copyOfRange(b, 1, 13));
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void fieldCipherRejectsATamperedValue() {
        FieldCipher cipher = new FieldCipher(keys);
        byte[] sealed = Base64.getDecoder().decode(cipher.seal("ctx", "secret value"));
        for (int position : new int[] {1, 13, sealed.length - 1}) { // nonce, ciphertext, tag
            byte[] tampered = sealed.clone();
            tampered[position] ^= 0x01;
            String text = Base64.getEncoder().encodeToString(tampered);
            assertThatThrownBy(() -> cipher.open("ctx", text)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void fieldCipherRejectsAnotherContextAndAnotherKey(@TempDir Path otherDir) {
        FieldCipher cipher = new FieldCipher(keys);
        String sealed = cipher.seal("inspector.id_number", "35010219900307123X");
        assertThatThrownBy(() -> cipher.open("report.phone", sealed)).isInstanceOf(IllegalArgumentException.class);
        FieldCipher other = new FieldCipher(new XunchaKeys(otherDir, "", "", "", ""));
        assertThatThrownBy(() -> other.open("inspector.id_number", sealed)).isInstanceOf(IllegalArgumentException.class);
    }

    // --- SM2 ---------------------------------------------------------------------------------------------------

    @Test
    void sm2SignatureVerifiesAndFailsForAlteredDataOrAnotherKey(@TempDir Path otherDir) {
        Sm2Signatures signatures = new Sm2Signatures(keys);
        byte[] data = "巡察移交函 2026-001".getBytes(StandardCharsets.UTF_8);
        byte[] sig = signatures.sign(data);
        assertThat(Sm2Signatures.verify(signatures.publicKey(), data, sig)).isTrue();

        byte[] altered = data.clone();
        altered[0] ^= 0x01;
        assertThat(Sm2Signatures.verify(signatures.publicKey(), altered, sig)).isFalse();
        byte[] badSig = sig.clone();
        badSig[badSig.length - 1] ^= 0x01;
        assertThat(Sm2Signatures.verify(signatures.publicKey(), data, badSig)).isFalse();
        PublicKey otherKey = new Sm2Signatures(new XunchaKeys(otherDir, "", "", "", "")).publicKey();
        assertThat(Sm2Signatures.verify(otherKey, data, sig)).isFalse();
    }

    /**
     * A signature made by OpenSSL 3.0.19 verifies here. The fixture under sm2-openssl/ was made once with:
     * <pre>
     * openssl genpkey -algorithm SM2 -out sm2-private.pem            (private key not kept)
     * openssl pkey -in sm2-private.pem -pubout -out sm2-public.pem
     * printf '巡察审计 SM2 cross-check: openssl -> bouncycastle' > message.txt
     * openssl dgst -sm3 -sign sm2-private.pem -sigopt distid:1234567812345678 -out signature.der message.txt
     * openssl dgst -sm3 -sign sm2-private.pem -out signature-openssl-default-id.der message.txt
     * </pre>
     * SM2 mixes the signer's distinguishing id into the digest. BouncyCastle's SM3withSM2 uses the GM/T 0009
     * default "1234567812345678"; OpenSSL 3 defaults to an empty id, so its default signature must not verify.
     */
    @Test
    void sm2SignatureFromOpensslVerifies() throws Exception {
        PublicKey key = pemPublicKey(resource("sm2-public.pem"));
        byte[] message = resource("message.txt");
        assertThat(Sm2Signatures.verify(key, message, resource("signature.der"))).isTrue();
        assertThat(Sm2Signatures.verify(key, Arrays.copyOf(message, message.length - 1), resource("signature.der"))).isFalse();
        assertThat(Sm2Signatures.verify(key, message, resource("signature-openssl-default-id.der"))).isFalse();
    }

    static PublicKey pemPublicKey(byte[] pem) throws Exception {
        String body = new String(pem, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("EC", XunchaKeys.PROVIDER)
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = CryptoKnownAnswerTests.class.getResourceAsStream("sm2-openssl/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
