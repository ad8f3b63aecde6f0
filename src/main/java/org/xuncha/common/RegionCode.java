package org.xuncha.common;

import java.util.regex.Pattern;

/**
 * A division code: six digits (GB/T 2260) for province, city and county, nine for a township,
 * twelve for a village (统计用区划代码). Trailing zeros mark the level of a six-digit code.
 */
public record RegionCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("\\d{6}|\\d{9}|\\d{12}");

    public RegionCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("行政区划代码应为6位、9位或12位数字");
        }
    }

    public static RegionCode of(String value) {
        return new RegionCode(value);
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    public RegionLevel level() {
        if (value.length() == 12) {
            return RegionLevel.VILLAGE;
        }
        if (value.length() == 9) {
            return RegionLevel.TOWNSHIP;
        }
        if (value.endsWith("0000")) {
            return RegionLevel.PROVINCE;
        }
        if (value.endsWith("00")) {
            return RegionLevel.CITY;
        }
        return RegionLevel.COUNTY;
    }

    /** The six-digit county-level code this division lies in (itself for a six-digit code). */
    public String countyCode() {
        return value.substring(0, 6);
    }

    /**
     * Two codes touch when they share the county-level code; a city or province code touches every county
     * under it (docs/formats/team-formation.md).
     */
    public boolean touches(RegionCode other) {
        String a = countyCode();
        String b = other.countyCode();
        return a.startsWith(significantPrefix(b)) || b.startsWith(significantPrefix(a));
    }

    /** The prefix every division inside this one starts with: "35" for 350000, "3501" for 350100. */
    public String significantPrefix() {
        return significantPrefix(value.length() == 6 ? value : countyCode()) + (value.length() > 6 ? value.substring(6) : "");
    }

    private static String significantPrefix(String six) {
        if (six.endsWith("0000")) {
            return six.substring(0, 2);
        }
        if (six.endsWith("00")) {
            return six.substring(0, 4);
        }
        return six;
    }

    @Override
    public String toString() {
        return value;
    }
}
