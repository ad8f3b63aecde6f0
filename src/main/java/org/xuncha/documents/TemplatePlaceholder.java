package org.xuncha.documents;

/**
 * A placeholder of a document template, written {@code ${name}} in the .docx.
 *
 * @param name     the name between the braces (at most 30 characters, no spaces, braces or dollar signs)
 * @param meaning  what it stands for, in Chinese, as the template page shows it
 * @param required whether an uploaded template must contain it
 */
public record TemplatePlaceholder(String name, String meaning, boolean required) {

    public String token() {
        return "${" + name + "}";
    }
}
