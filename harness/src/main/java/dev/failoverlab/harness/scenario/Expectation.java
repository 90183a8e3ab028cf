package dev.failoverlab.harness.scenario;

import dev.failoverlab.loadgen.yaml.SourceLocation;
import dev.failoverlab.loadgen.yaml.Durations;
import java.time.Duration;

/** A checkable statement about a run; scoring marks each pass or fail. */
public sealed interface Expectation {

    SourceLocation location();

    /** Human-readable form, used as the row label in reports. */
    String describe();

    /** After {@code after}, at least {@code atLeastPercent} of traffic is on {@code color} within {@code within}. */
    record TrafficOn(String color, double atLeastPercent, Duration within, Duration after, SourceLocation location)
            implements Expectation {
        @Override public String describe() {
            return "trafficOn " + color + " >= " + fmt(atLeastPercent) + "% within " + Durations.format(within)
                    + " after " + Durations.format(after);
        }
    }

    /** The traffic split does not change before {@code before}. */
    record NoTrafficShiftBefore(Duration before, SourceLocation location) implements Expectation {
        @Override public String describe() { return "noTrafficShiftBefore " + Durations.format(before); }
    }

    /** The traffic split never changes during the run. */
    record NoTrafficShift(SourceLocation location) implements Expectation {
        @Override public String describe() { return "noTrafficShift"; }
    }

    /** {@code color} never carries more than {@code atMostPercent} of traffic during the run. */
    record TrafficNeverOn(String color, double atMostPercent, SourceLocation location) implements Expectation {
        @Override public String describe() { return "trafficNeverOn " + color + " > " + fmt(atMostPercent) + "%"; }
    }

    /** The SLO is violated for at most {@code seconds} in total. */
    record MaxSloViolation(Duration seconds, SourceLocation location) implements Expectation {
        @Override public String describe() { return "maxSloViolation " + Durations.format(seconds); }
    }

    /** Cost per hour stays within the scenario's budget. */
    record WithinBudget(SourceLocation location) implements Expectation {
        @Override public String describe() { return "withinBudget"; }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
