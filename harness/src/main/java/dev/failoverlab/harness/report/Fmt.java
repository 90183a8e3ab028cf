package dev.failoverlab.harness.report;

import dev.failoverlab.harness.score.Stat;
import java.util.Locale;

/** Report number formatting: Locale.ROOT, fixed decimals per metric, "—" for not applicable. */
final class Fmt {
    static final String NA = "—";

    private Fmt() {
    }

    static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return NA;
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return isNegativeZero(s) ? s.substring(1) : s;
    }

    /** {@code mean ± half-width}; {@code (k/n)} appended when only k of n runs had a value. */
    static String stat(Stat s, int decimals) {
        if (s == null || s.isEmpty()) {
            return NA;
        }
        StringBuilder b = new StringBuilder(fixed(s.mean(), decimals));
        if (!Double.isNaN(s.halfWidth95())) {
            b.append(" ± ").append(fixed(s.halfWidth95(), decimals));
        }
        if (s.n() < s.of()) {
            b.append(" (").append(s.n()).append('/').append(s.of()).append(')');
        }
        return b.toString();
    }

    /** With an explicit sign: {@code +12.5}, {@code -3.0}, {@code 0.0}. */
    static String signed(double v, int decimals) {
        String s = fixed(v, decimals);
        if (s.equals(NA) || s.startsWith("-") || Double.parseDouble(s) == 0) {
            return s;
        }
        return "+" + s;
    }

    /** Seconds without trailing zeros: {@code 300}, {@code 42.5}. */
    static String seconds(double v) {
        if (!Double.isFinite(v)) {
            return NA;
        }
        String s = fixed(v, 3);
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    private static boolean isNegativeZero(String s) {
        if (!s.startsWith("-")) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '0' && c != '.') {
                return false;
            }
        }
        return true;
    }
}
