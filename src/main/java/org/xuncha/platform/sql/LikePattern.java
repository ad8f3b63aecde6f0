package org.xuncha.platform.sql;

/**
 * The one escaping of user text for SQL {@code LIKE}: {@code \}, {@code %} and {@code _} are escaped with a
 * backslash, so a search for "10%" or "a_b" finds those characters and nothing else. Every LIKE that takes such a
 * pattern writes {@link #ESCAPE} after it ({@code ESCAPE '\'}), which H2 and PostgreSQL read alike
 * (LikePatternTests runs the same query on the configured database).
 */
public final class LikePattern {

    /** The clause that goes after every {@code LIKE :param} bound to a pattern from this class. */
    public static final String ESCAPE = "ESCAPE '\\'";

    private LikePattern() {
    }

    /** {@code text} with {@code \ % _} escaped, to be matched literally. */
    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A pattern matching any value that contains {@code text} literally. */
    public static String contains(String text) {
        return "%" + escape(text) + "%";
    }
}
