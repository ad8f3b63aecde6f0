package org.xuncha.people;

import java.util.Set;

import org.xuncha.common.BodyId;
import org.xuncha.common.InspectorId;

/** A row of the inspector list; carries no identity number in any form. */
record InspectorSummary(
        InspectorId id,
        String code,
        String name,
        Gender gender,
        BodyId body,
        String employer,
        String post,
        Rank rank,
        String workplaceCode,
        boolean canLead,
        boolean active,
        Set<Skill> skills) {
}
