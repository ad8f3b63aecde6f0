package org.xuncha.findings.taxonomy;

/** A topic tag (扶贫, 三资, 群众急难愁盼 …); {@code builtIn} tags are shared by every office. */
public record TopicTag(long id, String label, boolean builtIn, boolean active) {
}
