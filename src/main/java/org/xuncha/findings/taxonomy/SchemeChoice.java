package org.xuncha.findings.taxonomy;

import org.xuncha.findings.HeadingScheme;

/** The scheme an office reports one sector's organizations under, and whether it is the default. */
public record SchemeChoice(String sector, String sectorLabel, HeadingScheme scheme, boolean chosen) {
}
