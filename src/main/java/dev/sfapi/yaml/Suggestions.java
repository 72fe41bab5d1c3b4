package dev.sfapi.yaml;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean …?" for misspelt keys, operations, profiles and permission sets. Plain edit distance
 * over lower-cased words; a suggestion is offered only when it is close enough to be plausibly what
 * the person meant.
 */
public final class Suggestions {

    private Suggestions() {
    }

    /** The candidate nearest to {@code word}, if any is close enough. */
    public static Optional<String> nearest(String word, Collection<String> candidates) {
        return nearest(word, candidates, -1);
    }

    /**
     * The candidate nearest to {@code word} within {@code maxDistance} edits (case ignored). Used where
     * a wrong "did you mean" costs more than none: names Salesforce keeps adding (system permissions,
     * permission set licenses) must only be flagged when they are a plain typo of a known one.
     *
     * @param maxDistance the most edits allowed; negative for the default of roughly one per three characters
     */
    public static Optional<String> nearest(String word, Collection<String> candidates, int maxDistance) {
        if (word == null || word.isEmpty()) {
            return Optional.empty();
        }
        String w = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String c = candidate.toLowerCase(Locale.ROOT);
            if (c.equals(w)) {
                return Optional.of(candidate);
            }
            int d = distance(w, c);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        // By default allow roughly one typo per three characters, at least one, at most four.
        int allowed = maxDistance >= 0 ? maxDistance
                : Math.max(1, Math.min(4, Math.max(w.length(), best.length()) / 3));
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** "Did you mean 'x'?" or the fallback text when nothing is close. */
    public static String didYouMean(String word, Collection<String> candidates, String fallback) {
        return nearest(word, candidates)
                .map(s -> "Did you mean '" + s + "'?")
                .orElse(fallback);
    }

    /** Levenshtein distance with adjacent transpositions (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
