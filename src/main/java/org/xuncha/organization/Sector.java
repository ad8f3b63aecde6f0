package org.xuncha.organization;

/** 领域: what kind of unit the organization leads; coverage is reported per sector. */
public enum Sector {
    DEPARTMENT("机关部门"),
    TOWNSHIP("乡镇街道"),
    VILLAGE("村社区"),
    STATE_ENTERPRISE("国有企业"),
    SCHOOL("学校"),
    HOSPITAL("医院"),
    PUBLIC_INSTITUTION("事业单位"),
    OTHER("其他");

    private final String label;

    Sector(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The enum whose Chinese label is {@code label}, for imports and forms; empty when none matches. */
    public static java.util.Optional<Sector> fromLabel(String label) {
        String l = label == null ? "" : label.strip();
        for (Sector v : values()) {
            if (v.label.equals(l) || v.name().equals(l)) {
                return java.util.Optional.of(v);
            }
        }
        return java.util.Optional.empty();
    }

    public static java.util.List<String> labels() {
        return java.util.Arrays.stream(values()).map(v -> v.label).toList();
    }
}
