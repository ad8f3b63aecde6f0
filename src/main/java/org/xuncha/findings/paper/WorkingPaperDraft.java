package org.xuncha.findings.paper;

import java.time.LocalDate;
import java.util.List;

/**
 * What the team writes in a working paper, as the service takes it (pages and the API build it from their own
 * forms). Amounts are the texts typed in 元; the service parses and checks every field.
 *
 * @param bases       定性依据 picked from the list of regulations
 * @param basisText   定性依据 as free text (when no listed regulation fits, or in addition)
 * @param sourceRecordId the record the source links to (a work log, comparison or petition by the source's kind)
 * @param finderUserId 发现人: a member's account on the team; null means the writer
 * @param evidence    佐证材料清单, numbered 证据1… in this order
 */
record WorkingPaperDraft(String title, String facts, List<Basis> bases, String basisText, ProblemSource source,
                         String sourceRef, Long sourceRecordId, String subjectResp, String firstResp,
                         String mainLeaderResp, String supervisionResp, String illegalYuan, String lossYuan,
                         Long finderUserId, LocalDate foundOn, List<Evidence> evidence) {

    WorkingPaperDraft {
        bases = bases == null ? List.of() : List.copyOf(bases);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A draft that links no record to its source (free text only). */
    WorkingPaperDraft(String title, String facts, List<Basis> bases, String basisText, ProblemSource source,
                      String sourceRef, String subjectResp, String firstResp, String mainLeaderResp,
                      String supervisionResp, String illegalYuan, String lossYuan, Long finderUserId,
                      LocalDate foundOn, List<Evidence> evidence) {
        this(title, facts, bases, basisText, source, sourceRef, null, subjectResp, firstResp, mainLeaderResp,
                supervisionResp, illegalYuan, lossYuan, finderUserId, foundOn, evidence);
    }

    /** A rule broken: a listed regulation and the article(s). */
    record Basis(Long regulationId, String article) {
    }

    /**
     * An evidence item: {@code keptId} names an item of the paper as it stands (its files stay), null a new one.
     */
    record Evidence(Long keptId, String description, List<Upload> files, Long comparisonId) {
        Evidence {
            files = files == null ? List.of() : List.copyOf(files);
        }

        Evidence(Long keptId, String description, List<Upload> files) {
            this(keptId, description, files, null);
        }
    }

    /** A file as sent, not yet checked. */
    record Upload(String name, byte[] bytes) {
    }
}
