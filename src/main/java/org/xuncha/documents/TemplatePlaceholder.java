package org.xuncha.documents;

/**
 * A placeholder of a document template, written {@code ${name}} in the .docx. A name {@code 列表.字段} is a field of
 * a repeated table row ({@link DocumentContent#rows()}): a template must put it inside a table row, which is
 * written once per item of the list.
 *
 * @param name     the name between the braces (at most 30 characters, no spaces, braces or dollar signs)
 * @param meaning  what it stands for, in Chinese, as the template page shows it
 * @param required whether an uploaded template must contain it
 */
public record TemplatePlaceholder(String name, String meaning, boolean required) {

    public TemplatePlaceholder {
        if (name == null || !DocumentTemplateMerge.NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("placeholder name must be 1-30 characters without spaces, braces or $: "
                    + name);
        }
        if (meaning == null || meaning.isBlank()) {
            throw new IllegalArgumentException("placeholder " + name + " needs a meaning for the template page");
        }
    }

    /**
     * The placeholders of a kind, in the order of {@code meanings} (name → what it stands for), those named in
     * {@code required} required — how each document kind declares its own.
     */
    public static java.util.List<TemplatePlaceholder> of(java.util.Map<String, String> meanings,
                                                         java.util.Collection<String> required) {
        return meanings.entrySet().stream()
                .map(e -> new TemplatePlaceholder(e.getKey(), e.getValue(), required.contains(e.getKey()))).toList();
    }

    public String token() {
        return "${" + name + "}";
    }

    /** The repeated row this placeholder is a field of ({@code 列表} of {@code 列表.字段}), or null. */
    public String list() {
        int dot = name.indexOf('.');
        return dot > 0 && dot < name.length() - 1 ? name.substring(0, dot) : null;
    }
}
