package dev.failoverlab.harness.score;

import java.util.Locale;

/** Compact Locale.ROOT numbers for one-line reasons: at most {@code decimals} decimals, trailing zeros trimmed. */
final class Num {
    private Num() {
    }

    static String of(double v) {
        return of(v, 1);
    }

    static String of(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.indexOf('.') >= 0) {
            int end = s.length();
            while (s.charAt(end - 1) == '0') {
                end--;
            }
            if (s.charAt(end - 1) == '.') {
                end--;
            }
            s = s.substring(0, end);
        }
        return s.equals("-0") ? "0" : s;
    }
}
