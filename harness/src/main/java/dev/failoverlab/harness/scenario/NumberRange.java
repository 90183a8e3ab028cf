package dev.failoverlab.harness.scenario;

import java.util.Locale;

/** Allowed values of a numeric field, with the phrase an error message uses to state the rule. */
record NumberRange(double min, boolean minExclusive, double max) {

    static final NumberRange ANY_NON_NEGATIVE = atLeast(0);
    static final NumberRange POSITIVE = new NumberRange(0, true, Double.POSITIVE_INFINITY);
    static final NumberRange PERCENT = between(0, 100);

    static NumberRange atLeast(double min) {
        return new NumberRange(min, false, Double.POSITIVE_INFINITY);
    }

    static NumberRange between(double min, double max) {
        return new NumberRange(min, false, max);
    }

    boolean contains(double v) {
        boolean aboveMin = minExclusive ? v > min : v >= min;
        return aboveMin && v <= max && !Double.isNaN(v);
    }

    /** E.g. {@code must be > 0}, {@code must be between 0 and 100}. */
    String rule() {
        if (Double.isInfinite(max)) {
            return "must be " + (minExclusive ? "> " : ">= ") + format(min);
        }
        return "must be between " + format(min) + (minExclusive ? " (exclusive)" : "") + " and " + format(max);
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
