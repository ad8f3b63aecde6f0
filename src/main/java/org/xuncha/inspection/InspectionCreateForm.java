package org.xuncha.inspection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The create-inspection page as typed: targets as codes separated by spaces, commas or lines; extension
 * targets one per line as "延伸单位编码 主对象编码". Turned into an {@link InspectionDraft} for the domain.
 */
class InspectionCreateForm {

    private Long roundId;
    private String teamName;
    private String targets;
    private InspectionMode mode = InspectionMode.REGULAR;
    private String specialTopic;
    private Long lookBackOf;
    private Set<InspectionForm> forms = EnumSet.noneOf(InspectionForm.class);
    private String linkedWith;
    private String auditLinkedWith;
    private String teamCountyCode;
    private String extensions;

    InspectionDraft toDraft() {
        List<String> codes = split(targets);
        List<InspectionDraft.Extension> ext = new ArrayList<>();
        if (extensions != null) {
            for (String line : extensions.split("\\R")) {
                List<String> parts = split(line);
                if (!parts.isEmpty()) {
                    ext.add(new InspectionDraft.Extension(parts.get(0), parts.size() > 1 ? parts.get(1) : null));
                }
            }
        }
        return new InspectionDraft(roundId, teamName, codes, mode, specialTopic, lookBackOf, forms, linkedWith,
                auditLinkedWith, teamCountyCode, ext);
    }

    private static List<String> split(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        return Arrays.stream(raw.split("[\\s,，、;；]+")).filter(s -> !s.isBlank()).toList();
    }

    public Long getRoundId() { return roundId; }
    public void setRoundId(Long roundId) { this.roundId = roundId; }
    public String getTeamName() { return teamName; }
    public void setTeamName(String teamName) { this.teamName = teamName; }
    public String getTargets() { return targets; }
    public void setTargets(String targets) { this.targets = targets; }
    public InspectionMode getMode() { return mode; }
    public void setMode(InspectionMode mode) { this.mode = mode; }
    public String getSpecialTopic() { return specialTopic; }
    public void setSpecialTopic(String specialTopic) { this.specialTopic = specialTopic; }
    public Long getLookBackOf() { return lookBackOf; }
    public void setLookBackOf(Long lookBackOf) { this.lookBackOf = lookBackOf; }
    public Set<InspectionForm> getForms() { return forms; }
    public void setForms(Set<InspectionForm> forms) { this.forms = forms == null ? EnumSet.noneOf(InspectionForm.class) : forms; }
    public String getLinkedWith() { return linkedWith; }
    public void setLinkedWith(String linkedWith) { this.linkedWith = linkedWith; }
    public String getAuditLinkedWith() { return auditLinkedWith; }
    public void setAuditLinkedWith(String auditLinkedWith) { this.auditLinkedWith = auditLinkedWith; }
    public String getTeamCountyCode() { return teamCountyCode; }
    public void setTeamCountyCode(String teamCountyCode) { this.teamCountyCode = teamCountyCode; }
    public String getExtensions() { return extensions; }
    public void setExtensions(String extensions) { this.extensions = extensions; }
}
