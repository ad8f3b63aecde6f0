package org.xuncha.inspection;

import java.util.List;
import java.util.Set;

/**
 * What an office gives to create an inspection. Targets are named by organization code (组织编码); extension
 * targets (延伸) name their own code and the code of the main target they extend from. The rules of the mode and
 * of each form are checked by {@link Inspections}, never by the page.
 *
 * @param lookBackOf      for LOOK_BACK: the earlier inspection of the same target(s), which reached FEEDBACK
 * @param teamCountyCode  for CROSS: the six-digit county the team comes from
 * @param linkedWith      for LINKED: the upper-level 巡视 or the other body's inspection it runs with
 * @param auditLinkedWith for AUDIT_LINKED: the audit it runs with
 */
public record InspectionDraft(Long roundId, String teamName, List<String> targetCodes, InspectionMode mode,
                              String specialTopic, Long lookBackOf, Set<InspectionForm> forms, String linkedWith,
                              String auditLinkedWith, String teamCountyCode, List<Extension> extensions) {

    public InspectionDraft {
        targetCodes = targetCodes == null ? List.of() : List.copyOf(targetCodes);
        forms = forms == null ? Set.of() : Set.copyOf(forms);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }

    /** An extension target (延伸对象) and the main target it extends from, both by organization code. */
    public record Extension(String code, String fromCode) {
    }
}
