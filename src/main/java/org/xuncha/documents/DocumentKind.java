package org.xuncha.documents;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A kind of document Xuncha writes from a Word template an office may replace (进驻公告, later 移交函, 反馈意见,
 * 督办函 …). The module that writes documents of the kind declares it and contributes it as a Spring bean; the
 * documents module collects every bean ({@link DocumentKinds}), lists it on the template page, stores the offices'
 * templates under its code, checks their uploads against its placeholders and previews it with its sample.
 *
 * <p>Contract, checked here and at start-up: the code is unique among the kinds, upper case (stored in
 * {@code document_template.kind} and in audit records, so it never changes once offices have uploaded templates
 * of the kind); the placeholders have distinct names; the sample fills every placeholder and no other, so that a
 * preview shows no {@code ${…}}; the built-in template is on the class path. That the built-in template holds
 * exactly these placeholders, passes the upload check and opens in LibreOffice filled with the sample is checked by
 * {@code DocumentKindLibreOfficeTests} for every registered kind.
 *
 * @param code            {@code [A-Z][A-Z0-9_]{1,31}}, e.g. {@code ENTRY_ANNOUNCEMENT}
 * @param name            the Chinese name, e.g. 进驻公告
 * @param builtInTemplate class path of the built-in .docx, e.g. {@code templates/documents/entry-announcement.docx}
 * @param placeholders    what templates of the kind may contain, in the order the template page lists them
 * @param sample          fictional content the preview is filled with
 */
public record DocumentKind(String code, String name, String builtInTemplate, List<TemplatePlaceholder> placeholders,
                           DocumentContent sample) {

    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

    public DocumentKind {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("document kind code must match " + CODE + ": " + code);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("document kind " + code + " needs a Chinese name");
        }
        if (builtInTemplate == null || !builtInTemplate.endsWith(".docx")) {
            throw new IllegalArgumentException("document kind " + code + " needs a built-in .docx template");
        }
        placeholders = List.copyOf(placeholders);
        if (placeholders.isEmpty()) {
            throw new IllegalArgumentException("document kind " + code + " has no placeholders");
        }
        Set<String> names = new LinkedHashSet<>();
        for (TemplatePlaceholder p : placeholders) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("document kind " + code + " declares " + p.token() + " twice");
            }
        }
        Set<String> filled = sample.names();
        Set<String> unfilled = new LinkedHashSet<>(names);
        unfilled.removeAll(filled);
        Set<String> undeclared = new HashSet<>(filled);
        undeclared.removeAll(names);
        if (!unfilled.isEmpty() || !undeclared.isEmpty()) {
            throw new IllegalArgumentException("the sample of document kind " + code + " must fill every placeholder"
                    + " and no other; not filled: " + unfilled + ", not declared: " + undeclared);
        }
    }

    /** The path segment of the template page's URLs: ENTRY_ANNOUNCEMENT → entry-announcement. */
    public String slug() {
        return code.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The name the built-in template is downloaded as: 进驻公告模板.docx. */
    public String builtInFileName() {
        return name + "模板.docx";
    }

    /** The name a preview is downloaded as: 进驻公告（示例）.docx. */
    public String previewFileName() {
        return name + "（示例）.docx";
    }

    /** Whether the sample fills this placeholder with a picture (the template page marks it). */
    public boolean picture(TemplatePlaceholder placeholder) {
        return sample.pictures().containsKey(placeholder.name());
    }
}
