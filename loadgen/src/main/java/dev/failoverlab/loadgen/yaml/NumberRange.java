package dev.failoverlab.loadgen.yaml;

import java.util.Locale;

/** Allowed values of a numeric field, with the phrase an error message uses to state the rule. */
public record NumberRange(double min, boolean minExclusive, double max) {

    public static final NumberRange ANY_NON_NEGATIVE = atLeast(0);
    public static final NumberRange POSITIVE = new NumberRange(0, true, Double.POSITIVE_INFINITY);
    public static final NumberRange PERCENT = between(0, 100);

    public static NumberRange atLeast(double min) {
        return new NumberRange(min, false, Double.POSITIVE_INFINITY);
    }

    public static NumberRange between(double min, double max) {
        return new NumberRange(min, false, max);
    }

    public boolean contains(double v) {
        boolean aboveMin = minExclusive ? v > min : v >= min;
        return aboveMin && v <= max && !Double.isNaN(v);
    }

    /** E.g. {@code must be > 0}, {@code must be between 0 and 100}. */
    public String rule() {
        if (Double.isInfinite(max)) {
            return "must be " + (minExclusive ? "> " : ">= ") + format(min);
        }
        return "must be between " + format(min) + (minExclusive ? " (exclusive)" : "") + " and " + format(max);
    }

    public static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
