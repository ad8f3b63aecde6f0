package org.xuncha.supervision.evaluation;

import org.xuncha.platform.web.UserInputException;

/** A model version: DRAFT 草稿 is edited; PUBLISHED 已发布 is immutable and may be used by evaluations. */
public enum ModelStatus {
    DRAFT("草稿"),
    PUBLISHED("已发布");

    private final String label;

    ModelStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Publishing is the only move; a published version never changes again. */
    ModelStatus publish() {
        if (this != DRAFT) {
            throw new UserInputException("该版本已发布，不能再次发布");
        }
        return PUBLISHED;
    }

    /** Whether this version's content may still change. */
    boolean editable() {
        return this == DRAFT;
    }
}
