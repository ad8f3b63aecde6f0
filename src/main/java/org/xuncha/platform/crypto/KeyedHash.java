package org.xuncha.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.springframework.stereotype.Component;

/**
 * HMAC-SM3 under the keys of the key store: blind indexes of sealed fields, the audit chain, receipt codes.
 * Each use has its own key, so a value from one cannot be tested against another.
 */
@Component
public class KeyedHash {

    private final XunchaKeys keys;
    /**
     * Key for client addresses of the public side. Drawn per process and never written anywhere: the rate limits
     * it keys live only in this process's memory, so nothing needs it after a restart, and without it an address
     * cannot be recovered from a heap dump of the limit table by hashing candidate addresses.
     */
    private final byte[] clientKey = new byte[32];

    public KeyedHash(XunchaKeys keys) {
        this.keys = keys;
        new java.security.SecureRandom().nextBytes(clientKey);
    }

    /** Keyed blind index for exact lookup of a sealed field; the context keeps fields apart. */
    public String blindIndex(String context, String normalizedValue) {
        return hex(hmac(keys.key(XunchaKeys.Name.BLIND_INDEX), context + "\u0000" + normalizedValue));
    }

    public String auditMac(String canonical) {
        return hex(hmac(keys.key(XunchaKeys.Name.AUDIT), canonical));
    }

    public String receipt(String receiptCode) {
        return hex(hmac(keys.key(XunchaKeys.Name.RECEIPT), receiptCode));
    }

    /** Keyed hash of a public client's address, for in-memory rate limits only; never stored or logged. */
    public String clientAddress(String address) {
        return hex(hmac(clientKey, "client\u0000" + (address == null ? "" : address)));
    }

    /** Plain HMAC-SM3; exposed for known-answer tests and for callers with their own key. */
    public static byte[] hmac(byte[] key, String message) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        byte[] in = message.getBytes(StandardCharsets.UTF_8);
        mac.update(in, 0, in.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    /** SM3 digest, for integrity of files and packages. */
    public static byte[] sm3(byte[] data) {
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
