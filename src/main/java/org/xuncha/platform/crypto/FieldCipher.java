package org.xuncha.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Seals sensitive fields with SM4-GCM and a random 96-bit nonce per value. The field's context name is
 * bound as associated data, so a sealed value copied into another field does not open.
 * Format: base64( version(1) | nonce(12) | ciphertext+tag ).
 */
@Component
public class FieldCipher {

    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public FieldCipher(XunchaKeys keys) {
        this.key = new SecretKeySpec(keys.key(XunchaKeys.Name.FIELD), "SM4");
    }

    public String seal(String context, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("SM4/GCM/NoPadding", XunchaKeys.PROVIDER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] body = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[1 + NONCE + body.length];
            out[0] = VERSION;
            System.arraycopy(nonce, 0, out, 1, NONCE);
            System.arraycopy(body, 0, out, 1 + NONCE, body.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM4 sealing failed", e);
        }
    }

    /**
     * Seals bytes (an attachment as received) the same way as a text field, without the base64 step:
     * version(1) | nonce(12) | ciphertext+tag.
     */
    public byte[] sealBytes(String context, byte[] plaintext) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("SM4/GCM/NoPadding", XunchaKeys.PROVIDER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] body = cipher.doFinal(plaintext);
            byte[] out = new byte[1 + NONCE + body.length];
            out[0] = VERSION;
            System.arraycopy(nonce, 0, out, 1, NONCE);
            System.arraycopy(body, 0, out, 1 + NONCE, body.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM4 sealing failed", e);
        }
    }

    /** Opens bytes sealed by {@link #sealBytes}; the caller audits why. */
    public byte[] openBytes(String context, byte[] in) {
        if (in == null || in.length < 1 + NONCE + TAG_BITS / 8 || in[0] != VERSION) {
            throw new IllegalArgumentException("not a sealed value");
        }
        try {
            Cipher cipher = Cipher.getInstance("SM4/GCM/NoPadding", XunchaKeys.PROVIDER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 1, NONCE));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(in, 1 + NONCE, in.length - 1 - NONCE);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("sealed value does not open under this key and context", e);
        }
    }

    /** Opens a sealed value; callers that show it to a person must audit the unsealing with a reason. */
    public String open(String context, String sealed) {
        if (sealed == null) {
            return null;
        }
        byte[] in = Base64.getDecoder().decode(sealed);
        if (in.length < 1 + NONCE + TAG_BITS / 8 || in[0] != VERSION) {
            throw new IllegalArgumentException("not a sealed value");
        }
        try {
            Cipher cipher = Cipher.getInstance("SM4/GCM/NoPadding", XunchaKeys.PROVIDER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 1, NONCE));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(in, 1 + NONCE, in.length - 1 - NONCE);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("sealed value does not open under this key and context", e);
        }
    }
}
