package org.xuncha.supervision;

import java.util.Map;

/**
 * Supervision's figures over a set the caller may read ({@link SupervisionFigures}): letters by kind and by status
 * (drafts included for the office, never for the TARGET), letters delivered and not answered past their due date,
 * 约谈 held and followed up, 问责 by form, 通报 published.
 */
public record SupervisionCounts(Map<LetterKind, Long> lettersByKind, Map<LetterStatus, Long> letterStatusCounts,
                                long overdueLetters, long talks, long talksDone,
                                Map<AccountabilityForm, Long> accountabilityByForm, long noticesPublished) {

    public SupervisionCounts {
        lettersByKind = Map.copyOf(lettersByKind);
        letterStatusCounts = Map.copyOf(letterStatusCounts);
        accountabilityByForm = Map.copyOf(accountabilityByForm);
    }

    public long letters(LetterKind kind) {
        return lettersByKind.getOrDefault(kind, 0L);
    }

    public long letters(LetterStatus status) {
        return letterStatusCounts.getOrDefault(status, 0L);
    }

    public long accountability(AccountabilityForm form) {
        return accountabilityByForm.getOrDefault(form, 0L);
    }

    public long accountability() {
        return accountabilityByForm.values().stream().mapToLong(Long::longValue).sum();
    }
}
