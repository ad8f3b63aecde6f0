package org.xuncha.platform.crypto;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

import org.springframework.stereotype.Component;

/** SM2 signatures (with SM3, default user id) for exchange packages and non-repudiable documents. */
@Component
public class Sm2Signatures {

    private static final String ALGORITHM = "SM3withSM2";

    private final XunchaKeys keys;

    public Sm2Signatures(XunchaKeys keys) {
        this.keys = keys;
    }

    public byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM, XunchaKeys.PROVIDER);
            signature.initSign(keys.signingKeyPair().getPrivate());
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    public PublicKey publicKey() {
        return keys.signingKeyPair().getPublic();
    }

    public static boolean verify(PublicKey key, byte[] data, byte[] sig) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM, XunchaKeys.PROVIDER);
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
