package org.xuncha.findings.comparison;

import java.util.List;

/**
 * What the team asks for: a title, the name of each side, the key and each side's key columns (one for an identity
 * number, name then birth date otherwise), and strict mode (a bad key refuses the whole upload instead of being
 * listed as a rejected row).
 */
// named interface "comparison": the demo loader runs the demo city's comparison through it
@org.springframework.modulith.NamedInterface("comparison")
public record ComparisonOrder(String title, String leftName, String rightName, KeyKind keyKind,
                              List<String> leftColumns, List<String> rightColumns, boolean strict) {

    public ComparisonOrder {
        leftColumns = leftColumns == null ? List.of() : List.copyOf(leftColumns);
        rightColumns = rightColumns == null ? List.of() : List.copyOf(rightColumns);
    }
}
