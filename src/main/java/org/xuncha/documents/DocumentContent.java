package org.xuncha.documents;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one document says: the value of each text placeholder, the picture of each picture placeholder, and the
 * items of each repeated table row. A row of a template table that holds a placeholder {@code ${列表.字段}} is
 * written once per item of {@code rows.get("列表")} (in order; no item, no row), the item's {@code 字段} filling
 * {@code ${列表.字段}}; the row's other placeholders take their values from {@code texts} and {@code pictures}.
 *
 * @param texts    placeholder name → text (a line feed becomes a line break, a tab a tab)
 * @param pictures placeholder name → picture
 * @param rows     list name → its items, each a map of field name (without the list name) → text
 */
public record DocumentContent(Map<String, String> texts, Map<String, DocumentPicture> pictures,
                              Map<String, List<Map<String, String>>> rows) {

    public DocumentContent {
        texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
        pictures = Collections.unmodifiableMap(new LinkedHashMap<>(pictures));
        Map<String, List<Map<String, String>>> copy = new LinkedHashMap<>();
        rows.forEach((list, items) -> {
            List<Map<String, String>> copied = new ArrayList<>(items.size());
            items.forEach(item -> copied.add(Collections.unmodifiableMap(new LinkedHashMap<>(item))));
            copy.put(Objects.requireNonNull(list), Collections.unmodifiableList(copied));
        });
        rows = Collections.unmodifiableMap(copy);
    }

    /** Texts and pictures, no repeated rows. */
    public static DocumentContent of(Map<String, String> texts, Map<String, DocumentPicture> pictures) {
        return new DocumentContent(texts, pictures, Map.of());
    }

    /** The same content with the items of one more repeated row. */
    public DocumentContent withRows(String list, List<Map<String, String>> items) {
        Map<String, List<Map<String, String>>> more = new LinkedHashMap<>(rows);
        more.put(list, items);
        return new DocumentContent(texts, pictures, more);
    }

    /**
     * Every placeholder name this content fills: the texts, the pictures, and {@code 列表.字段} for every field of
     * an item of a list.
     */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>(texts.keySet());
        names.addAll(pictures.keySet());
        rows.forEach((list, items) -> items.forEach(item -> item.keySet().forEach(f -> names.add(list + "." + f))));
        return names;
    }
}
