package dev.failoverlab.harness.run;

import java.util.Locale;

/** Locale-independent numbers with at most N decimals and trailing zeros trimmed: {@code 12.500 → 12.5}. */
public final class Decimals {
    private Decimals() {
    }

    /** {@code v} with at most {@code decimals} decimals, no exponent, no {@code -0}; finite values only. */
    public static String trimmed(double v, int decimals) {
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
