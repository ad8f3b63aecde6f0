package org.xuncha.findings.taxonomy;

import org.xuncha.findings.HeadingScheme;

/** One item of a heading scheme as an office sees it; {@code builtIn} items are shared by every office. */
public record HeadingItem(long id, HeadingScheme scheme, Long parentId, int level, int ordinal, String label,
                          boolean builtIn, boolean active) {

    /** "一级标题" … "三级标题". */
    public String levelLabel() {
        return switch (level) {
            case 1 -> "一级标题";
            case 2 -> "二级标题";
            default -> "三级标题";
        };
    }
}
