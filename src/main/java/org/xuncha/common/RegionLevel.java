package org.xuncha.common;

/** Administrative levels of GB/T 2260 and the statistical division codes below a county. */
public enum RegionLevel {
    PROVINCE("省"), CITY("市"), COUNTY("县区"), TOWNSHIP("乡镇街道"), VILLAGE("村社区");

    private final String label;

    RegionLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
