package org.xuncha.platform.excel;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Run in a forked JVM with a small heap by {@link HostileExcelTests}: reads one file with the default limits
 * (optionally a larger file-size cap, args[1], so the deeper checks are the ones exercised)
 * and prints "REJECTED:&lt;message&gt;" or "ACCEPTED:&lt;rows&gt;" (and "ERROR:&lt;class&gt;" for anything else).
 */
public final class HostileFileProbe {

    private HostileFileProbe() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try {
            int rows = new XlsxReader(args.length > 1
                    ? XlsxLimits.defaults().withMaxFileBytes(Long.parseLong(args[1])) : XlsxLimits.defaults()).read(Path.of(args[0]), List.of("组织编码"), row -> {
                if (row.number() <= 3) {
                    out.println("ROW:" + row.values());
                }
            });
            out.println("ACCEPTED:" + rows);
        } catch (ExcelFileRejected e) {
            out.println("REJECTED:" + e.getMessage());
        } catch (Throwable t) {
            out.println("ERROR:" + t.getClass().getName());
        }
    }
}
