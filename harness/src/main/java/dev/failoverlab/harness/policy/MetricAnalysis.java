package dev.failoverlab.harness.policy;

import dev.failoverlab.agent.port.ActionResult;
import dev.failoverlab.agent.port.ClusterUnavailableException;
import dev.failoverlab.agent.port.ScrapeSample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Flagger's analysis loop applied to the active colour of a blue/green pair: every interval it runs the metric
 * checks; each failed run increments the failed-check counter (as Flagger's {@code status.failedChecks}, which
 * a passing run does not reset); when the counter reaches the threshold, all traffic goes to the other colour
 * and the counter restarts for the new active colour. A run without traffic is skipped and noted.
 * <p>
 * Like Flagger, which marks a rolled-back canary {@code Failed} and never promotes that revision again on its
 * own, a colour traffic was moved away from is not switched back to automatically: if the new active colour
 * also fails its checks, the analysis reports it and holds (an operator decides) instead of flapping.
 */
public final class MetricAnalysis {
    private final PolicyContext context;
    private final Duration interval;
    private final int threshold;
    private final MetricChecks checks;
    private String analysedColor;
    private int failedChecks;
    private final java.util.Set<String> rolledBack = new java.util.HashSet<>();

    public MetricAnalysis(PolicyContext context, Duration interval, int threshold, MetricChecks checks) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1, got " + threshold);
        }
        this.context = context;
        this.interval = interval;
        this.threshold = threshold;
        this.checks = checks;
    }

    /** Registers the analysis: every interval, the first one an interval after the start. */
    public void start() {
        context.scheduler().every(interval, interval, this::analyseOnce);
    }

    public int failedChecks() {
        return failedChecks;
    }

    /** One analysis run of the active colour and, at the threshold, the switch. */
    public void analyseOnce() {
        Instant now = context.clock().now();
        String active;
        try {
            active = ActiveColor.of(context.cluster().routing());
        } catch (ClusterUnavailableException e) {
            context.log().note("metric analysis: cannot read the Service, run skipped: " + e.getMessage());
            return;
        }
        if (!active.equals(analysedColor)) {
            analysedColor = active;
            failedChecks = 0;
        }
        List<ScrapeSample> scrapes;
        try {
            scrapes = context.cluster().scrapes(active, checks.window());
        } catch (ClusterUnavailableException e) {
            // Flagger counts a query that errors as a failed check (its runAnalysis returns false)
            fail(active, new MetricChecks.Result(MetricChecks.Verdict.FAILED, Double.NaN, Double.NaN, Double.NaN,
                    "failed: metrics query error: " + e.getMessage()));
            return;
        }
        MetricChecks.Result result = checks.evaluate(scrapes, now);
        switch (result.verdict()) {
            case SKIPPED -> context.log().note("metric analysis of " + active + ": " + result.detail());
            case PASSED -> {
                // healthy: nothing changes, nothing to note
            }
            case FAILED -> fail(active, result);
            default -> throw new IllegalStateException(result.verdict().toString());
        }
    }

    private void fail(String active, MetricChecks.Result result) {
        failedChecks++;
        context.log().note(String.format(Locale.ROOT, "metric analysis of %s: check %d/%d %s", active, failedChecks,
                threshold, result.detail()));
        if (failedChecks < threshold) {
            return;
        }
        String target = context.environment().otherColor(active);
        if (rolledBack.contains(target)) {
            context.log().note(String.format(Locale.ROOT,
                    "metric analysis: %s failed its checks but %s was rolled back from earlier; holding (Flagger "
                            + "does not re-promote a failed revision without a new rollout)", active, target));
            failedChecks = 0;
            return;
        }
        String reason = String.format(Locale.ROOT, "%d failed metric check(s) of %s reached threshold %d: %s",
                failedChecks, active, threshold, result.detail());
        ActionResult action = context.actuator().switchSelector(target, reason);
        if (action.applied()) {
            context.log().note("metric analysis: routed 100% of traffic from " + active + " to " + target);
            rolledBack.add(active);
            analysedColor = target;
            failedChecks = 0;
        } else {
            context.log().note("metric analysis: switch to " + target + " refused: " + action.detail());
        }
    }
}
