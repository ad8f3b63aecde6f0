package org.xuncha.platform.cli;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The database a benchmark ran on, for its first lines: product and version, on PostgreSQL the JIT setting too. */
public final class DatabaseLine {

    private DatabaseLine() {
    }

    /** Product and version; on PostgreSQL also {@code jit}, which changes the timings a lot. */
    public static String of(JdbcClient jdbc) {
        String product = jdbc.sql("SELECT 1").query(rs -> {
            var meta = rs.getStatement().getConnection().getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        });
        if (product.startsWith("PostgreSQL")) {
            product += "，jit = " + jdbc.sql("SELECT current_setting('jit')").query(String.class).single();
        }
        return product;
    }
}
