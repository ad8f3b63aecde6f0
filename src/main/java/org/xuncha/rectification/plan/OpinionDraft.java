package org.xuncha.rectification.plan;

/**
 * A participant's answers to the four questions of the joint review (是 / 否 with a note each) and its overall
 * opinion (optional).
 */
public record OpinionDraft(Boolean answeredOk, String answeredNote, Boolean targetedOk, String targetedNote,
                           Boolean responsibilityOk, String responsibilityNote, Boolean deadlineOk,
                           String deadlineNote, String opinion) {
}
