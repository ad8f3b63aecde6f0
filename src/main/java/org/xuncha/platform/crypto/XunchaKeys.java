package org.xuncha.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.jcajce.provider.asymmetric.ec.BCECPrivateKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECParameterSpec;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key store: keys live outside the database. Each key comes from a property
 * ({@code xuncha.keys.<name>}, base64) when set (server edition, or an external key service writing the
 * environment), otherwise from a file under {@code xuncha.keys.dir}; a missing file is generated on first
 * start with owner-only permissions (embedded edition).
 */
@Component
public class XunchaKeys {

    /** Symmetric keys and their lengths in bytes. */
    public enum Name {
        FIELD(16),        // SM4 key for sealed fields
        BLIND_INDEX(32),  // HMAC-SM3 key for exact-match lookups of sealed fields
        AUDIT(32),        // HMAC-SM3 key of the audit chain
        RECEIPT(32);      // HMAC-SM3 key for public receipt codes

        final int length;

        Name(int length) {
            this.length = length;
        }
    }

    static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

    private final Path dir;
    private final Map<Name, byte[]> keys;
    private final KeyPair signing;

    public XunchaKeys(@Value("${xuncha.keys.dir:./data/keys}") Path dir,
                      @Value("${xuncha.keys.field:}") String field,
                      @Value("${xuncha.keys.blind-index:}") String blindIndex,
                      @Value("${xuncha.keys.audit:}") String audit,
                      @Value("${xuncha.keys.receipt:}") String receipt) {
        this.dir = dir;
        this.keys = Map.of(
                Name.FIELD, load(Name.FIELD, field),
                Name.BLIND_INDEX, load(Name.BLIND_INDEX, blindIndex),
                Name.AUDIT, load(Name.AUDIT, audit),
                Name.RECEIPT, load(Name.RECEIPT, receipt));
        this.signing = loadSigningKey();
    }

    public byte[] key(Name name) {
        return keys.get(name).clone();
    }

    /** SM2 key pair used to sign exchange packages and non-repudiable documents. */
    public KeyPair signingKeyPair() {
        return signing;
    }

    private byte[] load(Name name, String configured) {
        if (configured != null && !configured.isBlank()) {
            byte[] key = Base64.getDecoder().decode(configured.trim());
            if (key.length != name.length) {
                throw new IllegalStateException("xuncha.keys." + name.name().toLowerCase() + " must be "
                        + name.length + " bytes");
            }
            return key;
        }
        Path file = dir.resolve(name.name().toLowerCase() + ".key");
        try {
            if (Files.exists(file)) {
                byte[] key = Base64.getDecoder().decode(Files.readString(file).trim());
                if (key.length != name.length) {
                    throw new IllegalStateException("key file " + file + " has the wrong length");
                }
                return key;
            }
            byte[] key = new byte[name.length];
            new SecureRandom().nextBytes(key);
            if (!createExclusively(file, Base64.getEncoder().encodeToString(key))) {
                // Another instance created it first: everyone uses the key that is on disk.
                return load(name, null);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create key " + file, e);
        }
    }

    private KeyPair loadSigningKey() {
        Path priv = dir.resolve("sm2-private.key");
        Path pub = dir.resolve("sm2-public.key");
        try {
            KeyFactory factory = KeyFactory.getInstance("EC", PROVIDER);
            if (!Files.exists(priv)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", PROVIDER);
                generator.initialize(new ECGenParameterSpec("sm2p256v1"), new SecureRandom());
                createExclusively(priv, Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded()));
            }
            // Whichever instance won the race, the public key is derived from the private key on disk.
            BCECPrivateKey privateKey = (BCECPrivateKey) factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(Files.readString(priv).trim())));
            ECParameterSpec params = privateKey.getParameters();
            PublicKey publicKey = factory.generatePublic(new ECPublicKeySpec(params.getG().multiply(privateKey.getD()).normalize(), params));
            if (!Files.exists(pub)) {
                createExclusively(pub, Base64.getEncoder().encodeToString(publicKey.getEncoded()));
            }
            return new KeyPair(publicKey, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create SM2 key in " + dir, e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("SM2 key unusable in " + dir, e);
        }
    }

    /**
     * Writes a new key file with owner-only permissions, atomically and only if it does not exist yet:
     * the content goes to a temporary file that is then hard-linked to the final name, which fails when
     * another process (a second instance starting at the same time) got there first.
     *
     * @return false when the file already existed and was left as it was
     */
    private static boolean createExclusively(Path file, String content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        boolean posix = parent.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwx------"));
        }
        Path tmp = Files.createTempFile(parent, ".key", ".tmp");
        try {
            if (posix) {
                Files.setPosixFilePermissions(tmp, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(tmp, content);
            try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.createLink(file, tmp);
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
