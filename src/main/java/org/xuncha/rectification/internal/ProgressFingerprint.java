package org.xuncha.rectification.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The candidate filter and the exact measure of 整改进展雷同 (red card COPIED_PROGRESS, docs/domain.md "Red cards").
 *
 * <p>Normalisation keeps letters only (Chinese characters and Latin letters, lower-cased): whitespace, punctuation
 * and digits go, so re-spaced, re-punctuated texts and texts that differ only in dates, counts or sums compare
 * equal. A text of fewer than {@link #MIN_LENGTH} letters after normalisation ("已完成", "已整改到位") gets no
 * fingerprint and raises no card: short stock phrases are alike by nature, not copied.
 *
 * <p>Shingles are the distinct character 3-grams of the normalised text. {@link #similarity} is their Jaccard
 * coefficient |A∩B| / |A∪B|; two texts are copied when it is at least {@link #THRESHOLD}. The candidate filter is
 * MinHash LSH: {@link #BANDS} bands of {@link #ROWS} MinHash values each, every band condensed into one 64-bit key
 * (band number in the high 32 bits) stored and indexed with the progress row ({@code rectification_progress_band}).
 * Two texts of Jaccard coefficient s share at least one key with probability 1 − (1 − s³)¹²: 0.946 at 0.6, 0.994 at
 * 0.7, 1.000 at 0.8 and above — so a copy is missed only rarely and only near the threshold — while unrelated texts
 * (s ≈ 0.05) share one with probability 0.0015, which keeps the exact check to a handful of rows at province scale.
 * Every candidate is verified with the exact coefficient. (A 64-bit simhash cut into four 16-bit bands, tried first,
 * missed copies with a few edited words: a Jaccard 0.81 pair differed in 6 bits and shared no band.)
 */
public record ProgressFingerprint(String normalised, List<Long> bandKeys) {

    /** Letters after normalisation below which no card is raised. */
    public static final int MIN_LENGTH = 30;

    /** Jaccard coefficient of the 3-gram sets at and above which two texts are copied. */
    public static final double THRESHOLD = 0.6;

    public static final int BANDS = 12;
    public static final int ROWS = 3;

    private static final long[] SEEDS = seeds(BANDS * ROWS);

    /** The fingerprint of a progress text, or null when the text is too short to compare. */
    public static ProgressFingerprint of(String text) {
        String n = normalise(text);
        if (n.length() < MIN_LENGTH) {
            return null;
        }
        Set<String> shingles = shingles(n);
        long[] min = new long[SEEDS.length];
        java.util.Arrays.fill(min, Long.MAX_VALUE);
        for (String s : shingles) {
            long h = hash(s);
            for (int i = 0; i < SEEDS.length; i++) {
                long v = mix(h ^ SEEDS[i]);
                if (Long.compareUnsigned(v, min[i]) < 0) {
                    min[i] = v;
                }
            }
        }
        List<Long> keys = new ArrayList<>(BANDS);
        for (int band = 0; band < BANDS; band++) {
            long k = 0x9e3779b97f4a7c15L * (band + 1);
            for (int r = 0; r < ROWS; r++) {
                k = mix(k ^ min[band * ROWS + r]);
            }
            keys.add(((long) band << 32) | (k & 0xFFFFFFFFL));
        }
        return new ProgressFingerprint(n, List.copyOf(keys));
    }

    /** The text with letters only, lower-cased. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().filter(Character::isLetter).map(Character::toLowerCase).forEach(b::appendCodePoint);
        return b.toString();
    }

    /** The distinct character 3-grams of a normalised text. */
    public static Set<String> shingles(String normalised) {
        Set<String> s = new HashSet<>();
        int[] cps = normalised.codePoints().toArray();
        for (int i = 0; i + 3 <= cps.length; i++) {
            s.add(new String(cps, i, 3));
        }
        return s;
    }

    /** Jaccard coefficient of the 3-gram sets of two progress texts (0 when either is too short). */
    public static double similarity(String a, String b) {
        String na = normalise(a);
        String nb = normalise(b);
        if (na.length() < MIN_LENGTH || nb.length() < MIN_LENGTH) {
            return 0;
        }
        Set<String> sa = shingles(na);
        Set<String> sb = shingles(nb);
        int common = 0;
        for (String s : sa) {
            if (sb.contains(s)) {
                common++;
            }
        }
        int union = sa.size() + sb.size() - common;
        return union == 0 ? 0 : (double) common / union;
    }

    /** FNV-1a over the UTF-16 units, then the murmur3 finaliser so every bit depends on every character. */
    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe1a85ec5L;
        h ^= h >>> 33;
        return h;
    }

    /** Fixed seeds (splitmix64 from a constant): the keys must be the same in every process and release. */
    private static long[] seeds(int n) {
        long[] out = new long[n];
        long x = 0x5851f42d4c957f2dL;
        for (int i = 0; i < n; i++) {
            x += 0x9e3779b97f4a7c15L;
            long z = x;
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            out[i] = z ^ (z >>> 31);
        }
        return out;
    }
}
