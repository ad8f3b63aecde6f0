package org.xuncha.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several instances starting together on an empty key folder must all end up with the same keys. */
@Tag("pure")
class XunchaKeysRaceTests {

    @TempDir
    Path dir;

    @Test
    void instancesStartingTogetherAgreeOnEveryKey() throws Exception {
        for (int round = 0; round < 5; round++) {
            Path keys = dir.resolve("round-" + round);
            int instances = 4;
            CyclicBarrier start = new CyclicBarrier(instances);
            ExecutorService pool = Executors.newFixedThreadPool(instances);
            List<Future<XunchaKeys>> started = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                started.add(pool.submit(() -> {
                    start.await();
                    return new XunchaKeys(keys, "", "", "", "");
                }));
            }
            List<XunchaKeys> all = new ArrayList<>();
            for (Future<XunchaKeys> f : started) {
                all.add(f.get());
            }
            pool.shutdown();
            XunchaKeys reloaded = new XunchaKeys(keys, "", "", "", "");
            for (XunchaKeys k : all) {
                for (XunchaKeys.Name name : XunchaKeys.Name.values()) {
                    assertThat(k.key(name)).as(name.name()).isEqualTo(reloaded.key(name));
                }
                assertThat(k.signingKeyPair().getPublic().getEncoded())
                        .isEqualTo(reloaded.signingKeyPair().getPublic().getEncoded());
                assertThat(k.signingKeyPair().getPrivate().getEncoded())
                        .isEqualTo(reloaded.signingKeyPair().getPrivate().getEncoded());
            }
            try (var files = Files.list(keys)) {
                assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))).isEmpty();
            }
            byte[] data = "移交函".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(Sm2Signatures.verify(reloaded.signingKeyPair().getPublic(), data, new Sm2Signatures(all.get(0)).sign(data))).isTrue();
        }
    }
}
