package org.xuncha.findings;

import java.util.List;

/**
 * Opened names of persons of an inspection (谈话对象, 涉及人员), held only to check whether a text names one of them.
 * It gives no name back and prints none ({@link #toString} shows the count): a caller learns "appears" or "does not
 * appear", never who. Names shorter than two characters are not kept (they would match any text).
 */
public final class PersonNameSet {

    private final List<String> names;

    PersonNameSet(List<String> names) {
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
        return "PersonNameSet[" + names.size() + " names]";
    }
}
