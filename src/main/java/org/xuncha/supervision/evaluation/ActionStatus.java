package org.xuncha.supervision.evaluation;

import org.xuncha.platform.web.UserInputException;

/** A consequence to act on: TODO 待办 until the office (or the part that acted) marks it DONE 已办 with its link. */
public enum ActionStatus {
    TODO("待办"),
    DONE("已办");

    private final String label;

    ActionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    ActionStatus done() {
        if (this != TODO) {
            throw new UserInputException("该事项已办结");
        }
        return DONE;
    }
}
