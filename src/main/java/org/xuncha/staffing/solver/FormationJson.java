package org.xuncha.staffing.solver;

import java.util.List;
import java.util.Map;

/** The instance and plan JSON of {@code docs/formats/team-formation.md}, field for field. */
public final class FormationJson {

    private FormationJson() {
    }

    public record Instance(String name, Rules rules, List<InspectorSpec> inspectors, List<TeamSpec> teams) {
    }

    public record Rules(List<String> avoid, String rotation, Boolean localLiaison) {
    }

    /** {@code worksAt} and {@code postedAt} are optional: absent (null) in an instance written without them. */
    public record InspectorSpec(String id, String name, String residence, String workplace, List<String> postings,
            String hometown, List<String> skills, Boolean canLead, Boolean available, List<String> relativesIn,
            List<String> previousTargets, List<String> worksAt, List<String> postedAt) {

        /** An inspector without organization ties. */
        public InspectorSpec(String id, String name, String residence, String workplace, List<String> postings,
                             String hometown, List<String> skills, Boolean canLead, Boolean available,
                             List<String> relativesIn, List<String> previousTargets) {
            this(id, name, residence, workplace, postings, hometown, skills, canLead, available, relativesIn,
                    previousTargets, null, null);
        }
    }

    public record TeamSpec(String id, String targetRegion, List<String> targets, Map<String, Integer> roles,
            Map<String, Integer> skills) {
    }

    public record Plan(String instance, List<Assignment> assignments, Score score, List<Unmet> unmet,
            long solveMillis) {
    }

    public record Assignment(String team, String inspector, String role) {
    }

    public record Score(long hard, long soft) {
    }

    public record Unmet(String team, String constraint, String message) {
    }
}
