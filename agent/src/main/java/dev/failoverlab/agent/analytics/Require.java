package dev.failoverlab.agent.analytics;

import java.util.Locale;

/**
 * Argument checks shared by the analytics packages. Each failure message names the argument, the offending value
 * or position, and what a valid value looks like, because these functions are fed by metric adapters whose bugs
 * otherwise surface as a NaN three layers up.
 */
public final class Require {

    private Require() {
    }

    /** {@code values} is non-null, has at least {@code minLength} entries and every entry is finite. */
    public static double[] finiteSeries(String what, double[] values, int minLength) {
        if (values == null) {
            throw new IllegalArgumentException(what + " is null; pass an array of at least " + minLength + " values");
        }
        if (values.length < minLength) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s has %d values but at least %d are needed; collect a longer window", what, values.length,
                    minLength));
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s[%d] is %s; drop or interpolate missing samples before calling", what, i, values[i]));
            }
        }
        return values;
    }

    /** {@code lo <= value <= hi} and finite. */
    public static double inRange(String what, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s = %s is outside [%s, %s]", what, value, lo, hi));
        }
        return value;
    }

    /** {@code lo < value < hi}, the open interval that probabilities of a non-degenerate test must lie in. */
    public static double openUnit(String what, double value) {
        if (!(value > 0.0 && value < 1.0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s = %s must lie strictly between 0 and 1", what, value));
        }
        return value;
    }

    /** {@code value > 0} and finite. */
    public static double positive(String what, double value) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s = %s must be a positive finite number", what, value));
        }
        return value;
    }

    /** {@code value >= 0} and finite. */
    public static double nonNegative(String what, double value) {
        if (!(value >= 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s = %s must be a non-negative finite number", what, value));
        }
        return value;
    }

    /** {@code value >= min}. */
    public static int atLeast(String what, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s = %d must be at least %d", what, value, min));
        }
        return value;
    }

    /** {@code value >= 0}. */
    public static long count(String what, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s = %d is negative; counts start at 0", what, value));
        }
        return value;
    }
}
