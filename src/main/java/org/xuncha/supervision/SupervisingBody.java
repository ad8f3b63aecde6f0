package org.xuncha.supervision;

import java.util.Arrays;
import java.util.Optional;

/** The body that holds a 约谈 or decides a 问责: the 巡察办, the 纪委监委 or the 组织部. */
public enum SupervisingBody {
    OFFICE("巡察办"),
    DISCIPLINE("纪委监委"),
    ORG_DEPT("组织部");

    private final String label;

    SupervisingBody(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<SupervisingBody> parse(String name) {
        return Arrays.stream(values()).filter(v -> v.name().equals(name)).findFirst();
    }
}
