package org.xuncha.people;

/**
 * One fault in a draft: the row (0-based position in the batch; 0 for a single draft), the field name of
 * {@link InspectorDraft} (e.g. "identityNumber", "postings[1].regionCode") and a Chinese message.
 */
record DraftProblem(int row, String field, String message) {
}
