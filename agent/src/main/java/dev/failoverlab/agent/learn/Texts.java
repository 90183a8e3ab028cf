package dev.failoverlab.agent.learn;

import java.util.Locale;

/** Number formats of the learner's sentences; each shown number is a rounding of a value kept in the evidence. */
final class Texts {
    private Texts() {
    }

    /** Integers as integers; otherwise up to three decimals, trailing zeros dropped. */
    static String num(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9 && Math.abs(v) < 1e15) {
            return Long.toString((long) Math.rint(v));
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** A fraction as a percentage number: whole percent from 10 % up, one decimal from 1 %, two below. */
    static String pct(double fraction) {
        double p = Math.abs(fraction * 100);
        String digits = p >= 9.95 ? "%.0f" : p >= 0.995 ? "%.1f" : "%.2f";
        return (fraction < 0 ? "-" : "") + String.format(Locale.ROOT, digits, p);
    }

    /** A signed percentage with a true minus sign, for interval ends that may cross zero. */
    static String signedPct(double fraction) {
        String s = pct(fraction);
        return s.startsWith("-") ? "\u2212" + s.substring(1) : s;
    }

    /** "a–b" for an interval of fractions, as percentages. */
    static String pctRange(double low, double high) {
        return signedPct(low) + "\u2013" + signedPct(high);
    }
}
