package dev.failoverlab.harness.score;

import dev.failoverlab.harness.run.RunRecording;
import dev.failoverlab.harness.run.Sample;
import dev.failoverlab.harness.scenario.Expectation;
import dev.failoverlab.harness.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/** Checks a scenario's {@code expect} lines against one run's samples, traffic moves, SLO record and cost. */
final class ExpectationChecker {
    private final RunRecording run;
    private final Scenario scenario;
    private final List<TrafficMove> moves;
    private final double sloViolationSeconds;
    private final double dollarsPerHour;

    ExpectationChecker(RunRecording run, Scenario scenario, List<TrafficMove> moves, double sloViolationSeconds,
                       double dollarsPerHour) {
        this.run = run;
        this.scenario = scenario;
        this.moves = moves;
        this.sloViolationSeconds = sloViolationSeconds;
        this.dollarsPerHour = dollarsPerHour;
    }

    List<ExpectationResult> checkAll() {
        List<ExpectationResult> results = new ArrayList<>();
        for (Expectation e : scenario.expect()) {
            results.add(check(e));
        }
        return results;
    }

    ExpectationResult check(Expectation e) {
        if (e instanceof Expectation.TrafficOn on) {
            return trafficOn(on);
        } else if (e instanceof Expectation.NoTrafficShiftBefore before) {
            return noShiftBefore(before, FaultWindows.seconds(before.before()));
        } else if (e instanceof Expectation.NoTrafficShift none) {
            return noShiftBefore(none, Double.POSITIVE_INFINITY);
        } else if (e instanceof Expectation.TrafficNeverOn never) {
            return trafficNeverOn(never);
        } else if (e instanceof Expectation.MaxSloViolation max) {
            double limit = FaultWindows.seconds(max.seconds());
            boolean ok = sloViolationSeconds <= limit + TrafficMove.EPSILON;
            return result(e, ok, "SLO violated for " + Num.of(sloViolationSeconds) + " s (limit " + Num.of(limit)
                    + " s)");
        } else if (e instanceof Expectation.WithinBudget) {
            Double budget = scenario.budget().perHour();
            if (budget == null) {
                throw new IllegalArgumentException(e.location() + ": withinBudget needs a budget in scenario '"
                        + scenario.name() + "' (add budget: {perHour: <dollars>})");
            }
            boolean ok = dollarsPerHour <= budget + 1e-12;
            return result(e, ok, "cost $" + Num.of(dollarsPerHour, 4) + "/h (budget $" + Num.of(budget, 4) + "/h)");
        }
        throw new IllegalArgumentException("unknown expectation kind " + e.getClass().getSimpleName());
    }

    private ExpectationResult trafficOn(Expectation.TrafficOn on) {
        requireColour(on.color(), on);
        double from = FaultWindows.seconds(on.after());
        double to = from + FaultWindows.seconds(on.within());
        double best = Double.NaN;
        double bestAt = Double.NaN;
        for (Sample s : run.samples()) {
            double t = s.tSeconds();
            if (t < from - TrafficMove.EPSILON || t > to + TrafficMove.EPSILON) {
                continue;
            }
            double share = s.color(on.color()).trafficPercent();
            if (share >= on.atLeastPercent() - TrafficMove.EPSILON) {
                return result(on, true, on.color() + " reached " + Num.of(share) + "% at t=" + Num.of(t)
                        + " s (window " + Num.of(from) + "–" + Num.of(to) + " s)");
            }
            if (Double.isNaN(best) || share > best) {
                best = share;
                bestAt = t;
            }
        }
        if (Double.isNaN(best)) {
            return result(on, false, "no sample in window " + Num.of(from) + "–" + Num.of(to) + " s");
        }
        return result(on, false, on.color() + " peaked at " + Num.of(best) + "% at t=" + Num.of(bestAt)
                + " s in window " + Num.of(from) + "–" + Num.of(to) + " s (needs ≥ " + Num.of(on.atLeastPercent())
                + "%)");
    }

    private ExpectationResult noShiftBefore(Expectation e, double before) {
        List<String> colours = run.colors();
        String scope = Double.isInfinite(before) ? "" : " before t=" + Num.of(before) + " s";
        for (TrafficMove m : moves) {
            if (m.tSeconds() < before - TrafficMove.EPSILON) {
                return result(e, false, "traffic moved at t=" + Num.of(m.tSeconds()) + " s by " + m.source() + ": "
                        + m.describe(colours) + " (" + moves.size() + " move" + (moves.size() == 1 ? "" : "s")
                        + " in total)");
            }
        }
        if (moves.isEmpty()) {
            return result(e, true, "no traffic move in the run");
        }
        return result(e, true, "no traffic move" + scope + "; first at t=" + Num.of(moves.get(0).tSeconds()) + " s");
    }

    private ExpectationResult trafficNeverOn(Expectation.TrafficNeverOn never) {
        requireColour(never.color(), never);
        double max = 0;
        double maxAt = Double.NaN;
        for (Sample s : run.samples()) {
            double share = s.color(never.color()).trafficPercent();
            if (share > max) {
                max = share;
                maxAt = s.tSeconds();
            }
        }
        boolean ok = max <= never.atMostPercent() + TrafficMove.EPSILON;
        String when = Double.isNaN(maxAt) ? "" : " at t=" + Num.of(maxAt) + " s";
        return result(never, ok, never.color() + " peaked at " + Num.of(max) + "%" + when + " (limit "
                + Num.of(never.atMostPercent()) + "%)");
    }

    private void requireColour(String colour, Expectation e) {
        if (!run.colors().contains(colour)) {
            throw new IllegalArgumentException(e.location() + ": expectation names colour '" + colour
                    + "' but run " + run.key() + " has colours " + run.colors());
        }
    }

    private static ExpectationResult result(Expectation e, boolean passed, String reason) {
        return new ExpectationResult(e.describe(), passed, reason);
    }
}
