package org.xuncha.findings.lead;

import java.util.List;

/**
 * What the team writes for a lead, as the service takes it (from the page form or the JSON request). Persons with
 * every field blank are ignored (an empty repeated row of the form).
 */
record LeadDraft(String title, String description, LeadSource source, Long paperId, String sourceRef,
                 SuspectedViolation violation, boolean urgent, List<Person> persons) {

    LeadDraft {
        persons = persons == null ? List.of() : List.copyOf(persons);
    }

    /** An involved person as typed: name, identity number (optional), post (optional), rank. */
    record Person(String name, String idNumber, String post, PersonRank rank) {

        boolean blank() {
            return (name == null || name.isBlank()) && (idNumber == null || idNumber.isBlank())
                    && (post == null || post.isBlank()) && rank == null;
        }
    }
}
