package dev.failoverlab.agent.brain.capacity;

import java.util.Locale;

/**
 * Numbers as the runbook prints them ("180ms", "23%", "145MB", "$11.80/hr"), always with {@link Locale#ROOT}. Every
 * value formatted here must already be in the response's evidence; these helpers only round.
 */
final class Fmt {

    private Fmt() {
    }

    /** A fraction as a whole percentage: 0.234 → "23%". */
    static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    /** A fraction as a percentage with {@code decimals} decimals: 0.0031 → "0.3%". */
    static String pct(double fraction, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f%%", fraction * 100);
    }

    /** Milliseconds, whole: "45ms". */
    static String ms(double ms) {
        return String.format(Locale.ROOT, "%.0fms", ms);
    }

    /** A rate or count, whole: "552". */
    static String whole(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    /** Dollars with cents: "$8.18". */
    static String money(double dollars) {
        return String.format(Locale.ROOT, "$%.2f", dollars);
    }

    /** Mebibytes shown as MB (the evidence unit says MiB): "145MB". */
    static String mb(double mib) {
        return String.format(Locale.ROOT, "%.0fMB", mib);
    }

    /**
     * An availability with as many decimals as its unavailability needs to show (at least 2, at most 6):
     * 0.99975 → "99.975%", and "~100%" when even 6 decimals round to 100.
     */
    static String availability(double availability) {
        double down = Math.max(0, 1 - availability) * 100;
        int decimals = down <= 0 ? 6 : Math.max(2, Math.min(6, (int) Math.ceil(-Math.log10(down)) + 1));
        String s = String.format(Locale.ROOT, "%." + decimals + "f", availability * 100);
        return s.startsWith("100.") ? "~100%" : s + "%";
    }

    /** "1 replica" / "3 replicas". */
    static String replicas(int n) {
        return n + (n == 1 ? " replica" : " replicas");
    }

    /** A number with at most two decimals and no trailing zeros: 1.0 → "1", 99.9 → "99.9", 12.5 → "12.5". */
    static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
