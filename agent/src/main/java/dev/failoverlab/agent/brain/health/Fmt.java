package dev.failoverlab.agent.brain.health;

import java.util.Locale;

/**
 * The runbook's number style ("180ms", "23%", "145MB", "$0.0169/hr"), always with {@link Locale#ROOT}. Every value
 * passed here must already be in the response's evidence: these methods only round.
 */
public final class Fmt {

    private Fmt() {
    }

    /** A fraction as a percentage: 0.2314 → "23%", 0.048 → "4.8%", 0.0002 → "0.02%". */
    public static String percent(double fraction) {
        double p = fraction * 100;
        if (p == 0 || Math.abs(p) >= 10) {
            return String.format(Locale.ROOT, "%.0f%%", p);
        }
        if (Math.abs(p) >= 0.1) {
            return String.format(Locale.ROOT, "%.1f%%", p);
        }
        return String.format(Locale.ROOT, "%.2f%%", p);
    }

    /** Milliseconds: "180ms", "4.2ms" below 10 ms. */
    public static String ms(double ms) {
        return ms >= 10 ? String.format(Locale.ROOT, "%.0fms", ms) : String.format(Locale.ROOT, "%.1fms", ms);
    }

    /** Mebibytes shown as "145MB" (the evidence unit says MiB). */
    public static String mib(double mib) {
        return String.format(Locale.ROOT, "%.0fMB", mib);
    }

    /** Requests per second: "84 rps", "2.5 rps" below 10. */
    public static String rps(double rps) {
        return rps >= 10 ? String.format(Locale.ROOT, "%.0f rps", rps) : String.format(Locale.ROOT, "%.1f rps", rps);
    }

    /** Dollars per hour with a sign: "+$0.0169/hr", "-$1.20/hr", "$0.00/hr". */
    public static String dollarsPerHour(double perHour) {
        String sign = perHour > 0 ? "+" : perHour < 0 ? "-" : "";
        double v = Math.abs(perHour);
        String digits = v == 0 ? "0.00" : v < 1 ? String.format(Locale.ROOT, "%.4f", v)
                : String.format(Locale.ROOT, "%.2f", v);
        return sign + "$" + digits + "/hr";
    }

    /** A whole number of seconds: "120s". */
    public static String seconds(double s) {
        return String.format(Locale.ROOT, "%.0fs", s);
    }

    /** A plain number with up to two decimals, trailing zeros trimmed. */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** "Blue" from "blue". */
    public static String title(String color) {
        return color.isEmpty() ? color : color.substring(0, 1).toUpperCase(Locale.ROOT) + color.substring(1);
    }
}
