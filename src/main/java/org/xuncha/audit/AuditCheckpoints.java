package org.xuncha.audit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xuncha.platform.crypto.KeyedHash;
import org.xuncha.platform.crypto.Sm2Signatures;

/**
 * Signed checkpoints of the audit chain, kept outside the database (SECURITY.md "Audit trail"): each says "at
 * this time the chain head was record N with hash H", signed with the platform's SM2 key, so that a trail cut
 * short together with its head (possible for whoever owns the tables) no longer looks whole.
 *
 * <p>The store is one append-only text file, {@code audit-checkpoints.log}, in {@code xuncha.audit.checkpoints.dir}
 * (default {@code <keys dir>/audit-checkpoints}, owner-only like the keys): a directory the database account cannot
 * write. One line per checkpoint:
 * <pre>v1 &lt;line&gt; &lt;seq&gt; &lt;hash&gt; &lt;time, ISO-8601 UTC&gt; &lt;SM3 of the previous line&gt; &lt;SM2 signature, base64&gt;</pre>
 * The signature covers {@code "xuncha-audit-checkpoint "} followed by the first six fields; the first line's
 * previous hash is 64 zeros. Chaining each line to the one before means a line cannot be removed or changed
 * without the verifier naming it; that the newest lines were cut off is named through the trail, which records
 * every checkpoint as {@code AUDIT_CHECKPOINT} with its line number and the start of its hash.
 *
 * <p>Appends hold an exclusive file lock (and this object's monitor), so several writers, also instances sharing
 * the directory, never interleave. Lines are opened with {@code O_APPEND}: the file may be made append-only in the
 * file system ({@code chattr +a}) without changing anything here.
 */
@Component
class AuditCheckpoints {

    static final String FILE = "audit-checkpoints.log";
    static final String ACTION = "AUDIT_CHECKPOINT";
    /** How many hex digits of a line's hash the trail records. */
    static final int HASH_PREFIX = 16;
    private static final String SIGNED_PREFIX = "xuncha-audit-checkpoint ";
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern REFERENCE = Pattern.compile("line=(\\d+) seq=(\\d+) line-hash=([0-9a-f]{16})");
    private static final int TAIL = 8192;

    private final Path dir;
    private final Path file;
    private final JdbcClient jdbc;
    private final Sm2Signatures signatures;
    private final AuditTrail trail;
    private final Clock clock;

    AuditCheckpoints(@Value("${xuncha.audit.checkpoints.dir:${xuncha.keys.dir:./data/keys}/audit-checkpoints}") Path dir,
                     JdbcClient jdbc, Sm2Signatures signatures, AuditTrail trail, Clock clock) {
        this.dir = dir;
        this.file = dir.resolve(FILE);
        this.jdbc = jdbc;
        this.signatures = signatures;
        this.trail = trail;
        this.clock = clock;
    }

    /** One line of the file, as read back and checked. */
    record Checkpoint(long line, long seq, String hash, Instant at, String lineHash) {
    }

    /**
     * What the file holds: the checkpoints up to the first line that fails, and that line's number and the reason
     * in Chinese (null when every line checks out).
     */
    record Contents(List<Checkpoint> checkpoints, long lines, Long damagedLine, String damage) {

        boolean damaged() {
            return damagedLine != null;
        }

        Optional<Checkpoint> line(long number) {
            return number >= 1 && number <= checkpoints.size() ? Optional.of(checkpoints.get((int) number - 1))
                    : Optional.empty();
        }
    }

    /** A checkpoint as recorded in the trail: the file line it wrote and the start of that line's hash. */
    record Reference(long line, long seq, String lineHashPrefix) {

        static Optional<Reference> parse(String detail) {
            Matcher m = detail == null ? null : REFERENCE.matcher(detail);
            if (m == null || !m.find()) {
                return Optional.empty();
            }
            return Optional.of(new Reference(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), m.group(3)));
        }
    }

    Path file() {
        return file;
    }

    /**
     * Writes a checkpoint of the chain head as it is now and records it in the trail ({@code AUDIT_CHECKPOINT},
     * by the current actor; {@code via} says who asked). Returns the checkpoint written.
     */
    Checkpoint write(String via) {
        Checkpoint written = append();
        trail.record(ACTION, "AuditCheckpoint", written.line(), AuditOutcome.SUCCESS,
                "via=" + via + " line=" + written.line() + " seq=" + written.seq() + " line-hash="
                        + written.lineHash().substring(0, HASH_PREFIX));
        return written;
    }

    /**
     * Writes a checkpoint unless the head has not moved since the last one but for that checkpoint's own record
     * (the hourly checkpoint of an idle platform would otherwise add a record every hour for nothing).
     */
    Optional<Checkpoint> writeIfMoved(String via) {
        Head head = head();
        Optional<Checkpoint> last = last();
        if (last.isPresent() && head.seq() <= last.get().seq() + 1) {
            return Optional.empty();
        }
        return Optional.of(write(via));
    }

    /** Reads the whole file and checks every line: format, numbering, link to the line before, signature. */
    Contents read() {
        if (!Files.exists(file)) {
            return new Contents(List.of(), 0, null, null);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read audit checkpoints " + file, e);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<Checkpoint> good = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        // A file that ends with a newline splits into its lines and one empty string.
        long count = text.isEmpty() ? 0 : (text.endsWith("\n") ? lines.length - 1 : lines.length);
        String previous = AuditChain.GENESIS;
        for (int i = 0; i < count; i++) {
            long number = i + 1;
            if (i == count - 1 && !text.endsWith("\n")) {
                return new Contents(good, count, number, "检查点文件第 " + number + " 行不完整（写入中断或被截断）");
            }
            Parsed parsed = parse(lines[i]);
            if (parsed == null) {
                return new Contents(good, count, number, "检查点文件第 " + number + " 行格式不符");
            }
            if (parsed.line() != number) {
                return new Contents(good, count, number, "检查点文件第 " + number + " 行的行号是 " + parsed.line()
                        + "（其前的行被删除或插入）");
            }
            if (!parsed.previous().equals(previous)) {
                return new Contents(good, count, number, "检查点文件第 " + number + " 行与前一行的链接不符（行被删除、替换或改动）");
            }
            if (!Sm2Signatures.verify(signatures.publicKey(), parsed.signed(), parsed.signature())) {
                return new Contents(good, count, number, "检查点文件第 " + number + " 行的 SM2 签名不符（行被改动）");
            }
            String lineHash = KeyedHash.hex(KeyedHash.sm3(lines[i].getBytes(StandardCharsets.UTF_8)));
            good.add(new Checkpoint(number, parsed.seq(), parsed.hash(), parsed.at(), lineHash));
            previous = lineHash;
        }
        return new Contents(good, count, null, null);
    }

    private Checkpoint append() {
        synchronized (this) {
            try {
                createDirectory();
                try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND); FileLock lock = out.lock()) {
                    restrict(file);
                    Tail tail = tail();
                    // The head is read under the lock, so lines follow the order in which heads were read.
                    Head head = head();
                    long number = tail.line() + 1;
                    Instant at = clock.instant();
                    String fields = "v1 " + number + " " + head.seq() + " " + head.hash() + " " + at + " "
                            + tail.hash();
                    String signature = Base64.getEncoder().encodeToString(
                            signatures.sign((SIGNED_PREFIX + fields).getBytes(StandardCharsets.UTF_8)));
                    String line = fields + " " + signature;
                    ByteBuffer buffer = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                    out.force(true);
                    return new Checkpoint(number, head.seq(), head.hash(), at,
                            KeyedHash.hex(KeyedHash.sm3(line.getBytes(StandardCharsets.UTF_8))));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write audit checkpoint to " + file, e);
            }
        }
    }

    private Optional<Checkpoint> last() {
        try {
            Tail tail = tail();
            if (tail.line() == 0) {
                return Optional.empty();
            }
            Parsed parsed = parse(tail.text());
            return parsed == null ? Optional.empty()
                    : Optional.of(new Checkpoint(parsed.line(), parsed.seq(), parsed.hash(), parsed.at(), tail.hash()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read audit checkpoints " + file, e);
        }
    }

    /** The last complete line of the file (line number, text and hash); refuses a file whose end is torn. */
    private Tail tail() throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return new Tail(0, "", AuditChain.GENESIS);
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long size = in.length();
            int length = (int) Math.min(size, TAIL);
            byte[] bytes = new byte[length];
            in.seek(size - length);
            in.readFully(bytes);
            if (bytes[length - 1] != '\n') {
                throw new IllegalStateException("审计检查点文件最后一行不完整，已停止写入检查点：" + file);
            }
            int start = length - 1;
            while (start > 0 && bytes[start - 1] != '\n') {
                start--;
            }
            if (start == 0 && size > length) {
                throw new IllegalStateException("审计检查点文件的最后一行过长，已停止写入检查点：" + file);
            }
            String text = new String(bytes, start, length - 1 - start, StandardCharsets.UTF_8);
            Parsed parsed = parse(text);
            if (parsed == null) {
                throw new IllegalStateException("审计检查点文件最后一行格式不符，已停止写入检查点：" + file);
            }
            return new Tail(parsed.line(), text, KeyedHash.hex(KeyedHash.sm3(text.getBytes(StandardCharsets.UTF_8))));
        }
    }

    private Head head() {
        return jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    private void createDirectory() throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static void restrict(Path path) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static Parsed parse(String line) {
        String[] f = line.split(" ", -1);
        if (f.length != 7 || !f[0].equals("v1") || !HEX64.matcher(f[3]).matches() || !HEX64.matcher(f[5]).matches()) {
            return null;
        }
        try {
            long number = Long.parseLong(f[1]);
            long seq = Long.parseLong(f[2]);
            Instant at = Instant.parse(f[4]);
            byte[] signature = Base64.getDecoder().decode(f[6]);
            if (number < 1 || seq < 0) {
                return null;
            }
            String signed = SIGNED_PREFIX + String.join(" ", f[0], f[1], f[2], f[3], f[4], f[5]);
            return new Parsed(number, seq, f[3], at, f[5], signed.getBytes(StandardCharsets.UTF_8), signature);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // Numbers, time or base64 that do not parse: not a line this class wrote.
            return null;
        }
    }

    private record Parsed(long line, long seq, String hash, Instant at, String previous, byte[] signed,
                          byte[] signature) {
    }

    private record Tail(long line, String text, String hash) {
    }

    private record Head(long seq, String hash) {
    }
}
