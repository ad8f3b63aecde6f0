package org.xuncha.inspection;

/** A target of an inspection; an extension target (延伸) names the main target it extends from. */
public record InspectionTarget(long organizationId, String code, String name, String regionCode, String sector,
                               Long extendedFromId, String extendedFromName) {

    public boolean extension() {
        return extendedFromId != null;
    }
}
