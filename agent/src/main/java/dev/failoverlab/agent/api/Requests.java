package dev.failoverlab.agent.api;

import java.util.Set;
import java.util.TreeSet;

/** Shared checks for request fields; every failure names the field and the accepted values. */
final class Requests {
    private Requests() {
    }

    static void requireTask(String field, String value, String expected) {
        if (value == null) {
            throw new BadRequestException(field, "is required; use \"" + expected + "\"");
        }
        if (!value.equals(expected)) {
            throw new BadRequestException(field, "unknown value \"" + value + "\"; use \"" + expected + "\"");
        }
    }

    static void requireOneOf(String field, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            throw new BadRequestException(field, "unknown value " + (value == null ? "null" : "\"" + value + "\"")
                    + "; use one of " + new TreeSet<>(allowed));
        }
    }

    static void requireRange(String field, Double value, double min, double max, boolean inclusiveMin) {
        if (value == null) {
            return;
        }
        boolean ok = !value.isNaN() && (inclusiveMin ? value >= min : value > min) && value <= max;
        if (!ok) {
            throw new BadRequestException(field, "must be " + (inclusiveMin ? ">= " : "> ") + Phrases.num(min)
                    + " and <= " + Phrases.num(max) + ", got " + value);
        }
    }
}
