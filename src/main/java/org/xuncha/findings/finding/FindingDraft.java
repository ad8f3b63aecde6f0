package org.xuncha.findings.finding;

import java.util.List;

import org.xuncha.findings.DisciplineTag;
import org.xuncha.findings.FindingSeverity;
import org.xuncha.findings.HeadingScheme;

/**
 * What the team states for a finding. {@code scheme} null means the office's scheme for the organization's sector;
 * {@code headingId} is an item (level 1, 2 or 3) of that scheme; {@code discipline} is optional.
 */
record FindingDraft(String title, String description, Long organizationId, HeadingScheme scheme, Long headingId,
                    DisciplineTag discipline, List<Long> topicTagIds, FindingSeverity severity, boolean keyProblem) {

    FindingDraft {
        topicTagIds = topicTagIds == null ? List.of() : List.copyOf(topicTagIds.stream()
                .filter(java.util.Objects::nonNull).distinct().toList());
    }
}
