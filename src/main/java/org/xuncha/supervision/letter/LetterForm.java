package org.xuncha.supervision.letter;

import java.util.ArrayList;
import java.util.List;

import org.xuncha.supervision.LetterKind;

/**
 * The office's form that drafts a letter: the organization, the kind, the items picked among those the kind lists
 * (none: all of them) and the answer's working days. Strings as typed; the controller turns them into the service's
 * arguments, never passing the form itself.
 */
class LetterForm {

    private String organization;
    private String kind;
    private List<String> items = new ArrayList<>();
    private String answerDays;

    public String getOrganization() {
        return organization;
    }

    public void setOrganization(String organization) {
        this.organization = organization;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public List<String> getItems() {
        return items;
    }

    public void setItems(List<String> items) {
        this.items = items == null ? new ArrayList<>() : items;
    }

    public String getAnswerDays() {
        return answerDays;
    }

    public void setAnswerDays(String answerDays) {
        this.answerDays = answerDays;
    }

    long organizationId() {
        return number(organization, -1L);
    }

    LetterKind letterKind() {
        return LetterKind.parse(kind).orElse(null);
    }

    List<Long> itemIds() {
        List<Long> ids = new ArrayList<>();
        for (String i : items) {
            long id = number(i, -1L);
            if (id > 0) {
                ids.add(id);
            }
        }
        return ids;
    }

    Integer days() {
        if (answerDays == null || answerDays.isBlank()) {
            return null;
        }
        return (int) number(answerDays, -1L);
    }

    static long number(String raw, long otherwise) {
        if (raw == null || raw.isBlank()) {
            return otherwise;
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
