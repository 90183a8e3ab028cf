package dev.failoverlab.harness.policy;

import dev.failoverlab.agent.port.ActionResult;
import dev.failoverlab.agent.port.ClusterUnavailableException;
import dev.failoverlab.agent.port.ProbeResult;
import dev.failoverlab.loadgen.yaml.Durations;
import java.time.Duration;
import java.util.Locale;

/**
 * The basic runbook's failover watcher: every probe period it GETs the active colour's health endpoint, like a
 * readiness probe; after {@code failureThreshold} consecutive failures it points the Service selector at the
 * other colour, resets its count and goes on watching the new active colour the same way. It does not check the
 * standby before switching, exactly as the script does not.
 */
public final class FailoverWatcher {
    private final PolicyContext context;
    private final Duration probePeriod;
    private final int failureThreshold;
    private String watchedColor;
    private int consecutiveFailures;

    public FailoverWatcher(PolicyContext context, Duration probePeriod, int failureThreshold) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1, got " + failureThreshold);
        }
        this.context = context;
        this.probePeriod = probePeriod;
        this.failureThreshold = failureThreshold;
    }

    /** Registers the probe loop: every probe period, the first one a probe period after the start. */
    public void start() {
        context.scheduler().every(probePeriod, probePeriod, this::probeOnce);
    }

    /** Consecutive failures counted against the watched colour so far. */
    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** One probe of the active colour and, at the threshold, the switch. */
    public void probeOnce() {
        String active;
        try {
            active = ActiveColor.of(context.cluster().routing());
        } catch (ClusterUnavailableException e) {
            context.log().note("watcher: cannot read the Service selector, probe skipped: " + e.getMessage());
            return;
        }
        if (!active.equals(watchedColor)) {
            watchedColor = active; // someone else moved the traffic: start counting afresh on the new colour
            consecutiveFailures = 0;
        }
        ProbeResult probe;
        try {
            probe = context.cluster().probe(active);
        } catch (ClusterUnavailableException e) {
            probe = new ProbeResult(false, 0, "no answer: " + e.getMessage());
        }
        if (probe.healthy()) {
            if (consecutiveFailures > 0) {
                context.log().note(String.format(Locale.ROOT,
                        "watcher: %s healthy again (%.0f ms) after %d failed probe(s); count reset", active,
                        probe.latencyMs(), consecutiveFailures));
            }
            consecutiveFailures = 0;
            return;
        }
        consecutiveFailures++;
        context.log().note(String.format(Locale.ROOT, "watcher: probe of %s failed (%d/%d consecutive): %s",
                active, consecutiveFailures, failureThreshold, probe.detail()));
        if (consecutiveFailures < failureThreshold) {
            return;
        }
        String target = context.environment().otherColor(active);
        String reason = String.format(Locale.ROOT, "%d consecutive failed health probes of %s (every %s): %s",
                consecutiveFailures, active, Durations.format(probePeriod),
                probe.detail());
        ActionResult result = context.actuator().switchSelector(target, reason);
        if (result.applied()) {
            context.log().note("watcher: switched the Service selector from " + active + " to " + target
                    + " after " + consecutiveFailures + " consecutive failures");
            watchedColor = target;
            consecutiveFailures = 0;
        } else {
            // keep the count: the next failed probe tries again, as the script's loop would
            context.log().note("watcher: switch to " + target + " refused: " + result.detail());
        }
    }
}
