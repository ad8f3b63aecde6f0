package org.xuncha.audit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditLabels;

/**
 * What the auditor reads instead of codes: the Chinese name of every action, object type and detail key
 * ({@code audit/vocabulary.properties}) and of the coded values modules write into details ({@link AuditLabels}).
 * A code without a name is shown as it is (AuditVocabularyTests keeps every code in the product named).
 */
@Component
class AuditVocabulary {

    static final String RESOURCE = "audit/vocabulary.properties";
    private static final Pattern PAIR = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9]*)=(.*)");

    private final Map<String, String> actions = new TreeMap<>();
    private final Map<String, String> objects = new HashMap<>();
    private final Map<String, String> actors = new HashMap<>();
    private final Map<String, String> keys = new HashMap<>();
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, Map<String, String>> valuesByObject = new HashMap<>();

    AuditVocabulary(List<AuditLabels> labels) {
        Properties words = load();
        for (String name : words.stringPropertyNames()) {
            String word = words.getProperty(name);
            int dot = name.indexOf('.');
            String code = name.substring(dot + 1);
            switch (name.substring(0, dot)) {
                case "action" -> actions.put(code, word);
                case "object" -> objects.put(code, word);
                case "actor" -> actors.put(code, word);
                case "key" -> keys.put(code, word);
                case "value" -> values.put(code, word);
                default -> throw new IllegalStateException("unknown entry in " + RESOURCE + ": " + name);
            }
        }
        for (AuditLabels l : labels) {
            for (String type : l.objectTypes()) {
                valuesByObject.computeIfAbsent(type, t -> new HashMap<>()).putAll(l.values());
            }
        }
    }

    static Properties load() {
        Properties words = new Properties();
        try (InputStream in = AuditVocabulary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    String action(String code) {
        return actions.getOrDefault(code, code);
    }

    /** Every named action, code → name, ordered by code (the filter's choice list). */
    Map<String, String> actions() {
        Map<String, String> byName = new LinkedHashMap<>();
        actions.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> byName.put(e.getKey(), e.getValue()));
        return byName;
    }

    boolean knowsAction(String code) {
        return actions.containsKey(code);
    }

    String object(String type) {
        return type == null ? null : objects.getOrDefault(type, type);
    }

    /** The name of a system actor (系统, 未登录的访问者), or null for an account. */
    String systemActor(String actor) {
        return actors.get(actor);
    }

    /**
     * A detail as words: each "key=value" pair of a "; "-separated detail becomes "名称：值" with coded values
     * named; anything else is shown as written.
     */
    String detail(String detail, String objectType) {
        if (detail == null || detail.isBlank()) {
            return detail;
        }
        Map<String, String> named = valuesByObject.getOrDefault(objectType, Map.of());
        StringBuilder shown = new StringBuilder();
        for (String part : detail.split(";|\\s+(?=[A-Za-z][A-Za-z0-9]*=)")) {
            if (part.isBlank()) {
                continue;
            }
            var m = PAIR.matcher(part);
            if (shown.length() > 0) {
                shown.append("；");
            }
            if (m.matches() && keys.containsKey(m.group(1))) {
                String value = m.group(2).strip();
                shown.append(keys.get(m.group(1))).append("：").append(named.getOrDefault(value, values.getOrDefault(value, value)));
            } else {
                shown.append(part.strip());
            }
        }
        return shown.toString();
    }
}
