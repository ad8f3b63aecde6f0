package org.xuncha.organization;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** One field's old and new value, as shown in the history ("名称：旧 → 新"). */
record FieldChange(String field, String before, String after) {

    static void collect(List<FieldChange> into, String field, Object before, Object after) {
        String b = before == null ? "" : before.toString();
        String a = after == null ? "" : after.toString();
        if (!Objects.equals(b, a)) {
            into.add(new FieldChange(field, b, a));
        }
    }

    String line() {
        return field + "：" + (before.isEmpty() ? "（空）" : before) + " → " + (after.isEmpty() ? "（空）" : after);
    }

    /** The changes one per line, or null when there are none (a registration or an import). */
    static String lines(List<FieldChange> changes) {
        if (changes.isEmpty()) {
            return null;
        }
        String text = changes.stream().map(FieldChange::line).collect(Collectors.joining("\n"));
        return text.length() > 4000 ? text.substring(0, 3999) + "…" : text;
    }

    static String fieldNames(List<FieldChange> changes) {
        return changes.stream().map(FieldChange::field).collect(Collectors.joining(","));
    }
}
