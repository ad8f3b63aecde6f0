package org.xuncha.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded edition's key store: generated once, owner-only, stable across restarts. */
@Tag("pure")
class XunchaKeysTests {

    @TempDir
    Path tmp;

    @Test
    void generatedKeyFilesAreOwnerOnly() throws Exception {
        Path dir = tmp.resolve("keys");
        new XunchaKeys(dir, "", "", "", "");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        List<String> files;
        try (var list = Files.list(dir)) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(files).containsExactly("audit.key", "blind_index.key", "field.key", "receipt.key",
                "sm2-private.key", "sm2-public.key");
        for (String file : files) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))))
                    .as(file).isEqualTo("rw-------");
        }
    }

    @Test
    void keysSurviveARestart() {
        XunchaKeys first = new XunchaKeys(tmp, "", "", "", "");
        XunchaKeys second = new XunchaKeys(tmp, "", "", "", "");
        for (XunchaKeys.Name name : XunchaKeys.Name.values()) {
            assertThat(second.key(name)).as(name.name()).isEqualTo(first.key(name)).hasSize(name.length);
        }
        assertThat(second.signingKeyPair().getPublic().getEncoded())
                .isEqualTo(first.signingKeyPair().getPublic().getEncoded());
        assertThat(second.signingKeyPair().getPrivate().getEncoded())
                .isEqualTo(first.signingKeyPair().getPrivate().getEncoded());
        // A value sealed before the restart opens after it.
        String sealed = new FieldCipher(first).seal("ctx", "before restart");
        assertThat(new FieldCipher(second).open("ctx", sealed)).isEqualTo("before restart");
        // Distinct keys per use, and not the same store in another directory.
        assertThat(first.key(XunchaKeys.Name.AUDIT)).isNotEqualTo(first.key(XunchaKeys.Name.RECEIPT));
        assertThat(new XunchaKeys(tmp.resolve("other"), "", "", "", "").key(XunchaKeys.Name.AUDIT))
                .isNotEqualTo(first.key(XunchaKeys.Name.AUDIT));
    }

    @Test
    void configuredKeysWinOverFilesAndAreLengthChecked() {
        byte[] audit = new byte[32];
        audit[0] = 42;
        String b64 = Base64.getEncoder().encodeToString(audit);
        XunchaKeys keys = new XunchaKeys(tmp, "", "", b64, "");
        assertThat(keys.key(XunchaKeys.Name.AUDIT)).isEqualTo(audit);
        assertThat(Files.exists(tmp.resolve("audit.key"))).isFalse();
        assertThatThrownBy(() -> new XunchaKeys(tmp, Base64.getEncoder().encodeToString(new byte[15]), "", "", ""))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void callersCannotChangeTheStoredKey() {
        XunchaKeys keys = new XunchaKeys(tmp, "", "", "", "");
        byte[] copy = keys.key(XunchaKeys.Name.FIELD);
        copy[0] ^= 0x7f;
        assertThat(keys.key(XunchaKeys.Name.FIELD)).isNotEqualTo(copy);
    }
}
