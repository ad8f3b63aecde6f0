package org.xuncha.rectification;

import java.util.List;

/**
 * The 责任领导 and 经办人 of ledger items, held only to check whether a text names one of them (整改公开 names no
 * person). Like findings' PersonNameSet it gives no name back and prints none; names shorter than two characters are
 * not kept (they would match any text).
 */
public final class LedgerPersonNames {

    private final List<String> leaders;
    private final List<String> handlers;

    LedgerPersonNames(List<String> leaders, List<String> handlers) {
        this.leaders = clean(leaders);
        this.handlers = clean(handlers);
    }

    private static List<String> clean(List<String> names) {
        return names.stream().filter(n -> n != null).map(String::strip).filter(n -> n.length() >= 2).distinct()
                .toList();
    }

    /** Whether a 责任领导's name occurs in {@code text}. */
    public boolean leaderAppearsIn(String text) {
        return appears(leaders, text);
    }

    /** Whether an 经办人's name occurs in {@code text}. */
    public boolean handlerAppearsIn(String text) {
        return appears(handlers, text);
    }

    private static boolean appears(List<String> names, String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        return names.stream().anyMatch(text::contains);
    }

    @Override
    public String toString() {
        return "LedgerPersonNames[" + (leaders.size() + handlers.size()) + " names]";
    }
}
