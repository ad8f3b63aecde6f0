package org.xuncha.organization;

import java.util.ArrayList;
import java.util.List;

import org.xuncha.platform.web.UserInputException;

/**
 * A committee level's inspection body (巡察机构): its 领导小组 (member count and the posts that sit on it),
 * its 巡察办, its standing teams and its staffing quota (编制) against the people actually staffed.
 * Staffed may exceed the quota (超编 happens and must be visible), so it is shown, not refused.
 */
final class InspectionBody {

    private final long id;
    private final int version;
    private Figures figures;

    /** The editable figures of a body. */
    record Figures(int leadingGroupSize, String leadingGroupPosts, String officeName, int standingTeams, int quota,
                   int staffed) {
    }

    InspectionBody(long id, int version, Figures figures) {
        this.id = id;
        this.version = version;
        this.figures = figures;
    }

    List<FieldChange> revise(Figures next) {
        count(next.leadingGroupSize(), "领导小组成员数");
        count(next.standingTeams(), "常设巡察组数");
        count(next.quota(), "编制数");
        count(next.staffed(), "在编人数");
        String posts = blankToNull(next.leadingGroupPosts());
        String office = blankToNull(next.officeName());
        if (posts != null && posts.length() > 500) {
            throw new UserInputException("领导小组组成不能超过 500 字");
        }
        if (office != null && office.length() > 100) {
            throw new UserInputException("巡察办名称不能超过 100 字");
        }
        Figures n = new Figures(next.leadingGroupSize(), posts, office, next.standingTeams(), next.quota(), next.staffed());
        List<FieldChange> changes = new ArrayList<>();
        FieldChange.collect(changes, "领导小组成员数", figures.leadingGroupSize(), n.leadingGroupSize());
        FieldChange.collect(changes, "领导小组组成", figures.leadingGroupPosts(), n.leadingGroupPosts());
        FieldChange.collect(changes, "巡察办", figures.officeName(), n.officeName());
        FieldChange.collect(changes, "常设巡察组数", figures.standingTeams(), n.standingTeams());
        FieldChange.collect(changes, "编制数", figures.quota(), n.quota());
        FieldChange.collect(changes, "在编人数", figures.staffed(), n.staffed());
        figures = n;
        return changes;
    }

    private static void count(int value, String field) {
        if (value < 0 || value > 10_000) {
            throw new UserInputException(field + "应在 0 到 10000 之间");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    long id() {
        return id;
    }

    int version() {
        return version;
    }

    Figures figures() {
        return figures;
    }
}
