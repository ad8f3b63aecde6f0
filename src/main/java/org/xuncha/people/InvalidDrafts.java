package org.xuncha.people;

import java.util.List;

import org.xuncha.platform.web.UserInputException;

/** One or more drafts were refused; nothing was written. Carries every fault found, not only the first. */
class InvalidDrafts extends UserInputException {

    private final transient List<DraftProblem> problems;

    public InvalidDrafts(List<DraftProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<DraftProblem> problems() {
        return problems;
    }

    private static String summary(List<DraftProblem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).message();
        }
        return "共有" + problems.size() + "处错误，未保存任何数据：" + problems.get(0).message() + "……";
    }
}
