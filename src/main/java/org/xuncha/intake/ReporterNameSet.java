package org.xuncha.intake;

import java.util.List;

/**
 * Opened names of an inspection's real-name reporters (实名举报人), held only to check whether a text names one of
 * them. It gives no name back and prints none ({@link #toString} shows the count). Names shorter than two
 * characters are not kept (they would match any text).
 */
public final class ReporterNameSet {

    private final List<String> names;

    ReporterNameSet(List<String> names) {
        this.names = names.stream().filter(n -> n != null).map(String::strip).filter(n -> n.length() >= 2)
                .distinct().toList();
    }

    /** Whether any of the names occurs in {@code text}. */
    public boolean appearsIn(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (String n : names) {
            if (text.contains(n)) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return names.size();
    }

    @Override
    public String toString() {
        return "ReporterNameSet[" + names.size() + " names]";
    }
}
