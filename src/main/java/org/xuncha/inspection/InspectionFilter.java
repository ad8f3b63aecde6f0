package org.xuncha.inspection;

/** Filters of the inspection list; every field is optional. */
public record InspectionFilter(Long round, InspectionStage stage, InspectionMode mode, InspectionForm form,
                               String target) {

    public static InspectionFilter none() {
        return new InspectionFilter(null, null, null, null, null);
    }

    String targetPattern() {
        return org.xuncha.platform.sql.LikePattern.contains(target.strip());
    }
}
