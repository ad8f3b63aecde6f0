package org.xuncha.staffing.solver;

/** GB/T 2260 codes: two codes touch when one lies within the other (a code ending in 00 covers its counties). */
public final class Regions {

    private Regions() {
    }

    public static boolean touch(String a, String b) {
        if (a == null || b == null || a.isBlank() || b.isBlank()) {
            return false;
        }
        String pa = prefix(a);
        String pb = prefix(b);
        return pa.startsWith(pb) || pb.startsWith(pa);
    }

    private static String prefix(String code) {
        String c = code.trim();
        while (c.length() > 2 && c.endsWith("00")) {
            c = c.substring(0, c.length() - 2);
        }
        return c;
    }
}
