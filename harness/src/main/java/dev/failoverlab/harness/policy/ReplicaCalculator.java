package dev.failoverlab.harness.policy;

import dev.failoverlab.agent.port.PodInfo;
import dev.failoverlab.agent.port.PodMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Kubernetes HPA's replica calculation for a CPU utilisation target, as in the controller's
 * {@code replica_calculator.go} ({@code GetResourceReplicas} and {@code groupPods}). Pure: pods, metrics-server
 * samples and the time in, a recommendation out.
 *
 * <p>Faithful details: utilisation is the integer percentage {@code sum(usage) * 100 / sum(requests)} and the
 * ratio is that integer over the target; CPU usage is rounded up to whole millicores as
 * {@code Quantity.MilliValue()} does; terminating pods are dropped, pending pods and pods still initialising are
 * "unready" (ignored, and counted at 0 % when scaling up), pods without a sample are "missing" (0 % on a scale-up,
 * {@code max(100 %, target)} of their request on a scale-down).
 */
public final class ReplicaCalculator {
    private final double tolerance;
    private final Duration cpuInitializationPeriod;
    private final Duration initialReadinessDelay;

    public ReplicaCalculator(double tolerance, Duration cpuInitializationPeriod, Duration initialReadinessDelay) {
        this.tolerance = tolerance;
        this.cpuInitializationPeriod = cpuInitializationPeriod;
        this.initialReadinessDelay = initialReadinessDelay;
    }

    /**
     * What the HPA would recommend before behaviour rules (stabilisation, rate limits, min/max).
     *
     * @param currentReplicas  the target's {@code spec.replicas}
     * @param targetPercent    CPU utilisation target in percent of the request
     * @param cpuRequestMillis CPU request per pod
     */
    public Recommendation compute(int currentReplicas, int targetPercent, long cpuRequestMillis, List<PodInfo> pods,
            List<PodMetrics> metrics, Instant now) {
        if (pods.isEmpty()) {
            return Recommendation.none("no pods returned by selector");
        }
        if (cpuRequestMillis <= 0) {
            return Recommendation.none("missing request for cpu");
        }
        Map<String, PodMetrics> byPod = new HashMap<>();
        for (PodMetrics m : metrics) {
            byPod.put(m.pod(), m);
        }
        long usage = 0;
        int ready = 0;
        int unready = 0;
        int missing = 0;
        for (PodInfo pod : pods) {
            if (pod.phase() == PodInfo.Phase.TERMINATING) {
                continue; // deletionTimestamp set: neither counted nor requested
            }
            if (pod.phase() == PodInfo.Phase.PENDING) {
                unready++;
                continue;
            }
            PodMetrics m = byPod.get(pod.name());
            if (m == null) {
                missing++;
                continue;
            }
            if (isUnready(pod, m, now)) {
                unready++;
                continue;
            }
            usage += (long) Math.ceil(m.cpuMillis() - 1e-9);
            ready++;
        }
        if (ready == 0) {
            return Recommendation.none(String.format(Locale.ROOT,
                    "did not receive metrics for targeted pods (%d unready, %d missing metrics)", unready, missing));
        }
        int utilization = utilization(usage, ready * cpuRequestMillis);
        double ratio = (double) utilization / targetPercent;
        String counts = counts(ready, unready, missing);
        boolean scaleUpWithUnready = unready > 0 && ratio > 1.0;
        if (!scaleUpWithUnready && missing == 0) {
            if (Math.abs(1.0 - ratio) <= tolerance) {
                return Recommendation.of(currentReplicas, utilization, ratio, ready, unready, missing,
                        withinTolerance(utilization, targetPercent, ratio) + "; " + counts);
            }
            int desired = (int) Math.ceil(ratio * ready);
            return Recommendation.of(desired, utilization, ratio, ready, unready, missing,
                    String.format(Locale.ROOT, "ratio %.2f × %d ready pods", ratio, ready));
        }
        // Second pass with assumed values for the pods the first pass could not measure.
        long assumedUsage = usage;
        int counted = ready;
        String assumption = "";
        if (missing > 0 && ratio < 1.0) {
            long fallbackPercent = Math.max(100, targetPercent);
            assumedUsage += missing * cpuRequestMillis * fallbackPercent / 100;
            counted += missing;
            assumption = missing + " pod(s) without metrics counted at " + fallbackPercent + " %";
        } else if (missing > 0 && ratio > 1.0) {
            counted += missing;
            assumption = missing + " pod(s) without metrics counted at 0 %";
        }
        if (scaleUpWithUnready) {
            counted += unready;
            assumption += (assumption.isEmpty() ? "" : ", ") + unready + " unready pod(s) counted at 0 %";
        }
        int newUtilization = utilization(assumedUsage, counted * cpuRequestMillis);
        double newRatio = (double) newUtilization / targetPercent;
        String second = String.format(Locale.ROOT, "%s → cpu %d%%, ratio %.2f", assumption, newUtilization, newRatio);
        if (Math.abs(1.0 - newRatio) <= tolerance || ratio < 1.0 && newRatio > 1.0 || ratio > 1.0 && newRatio < 1.0) {
            return Recommendation.of(currentReplicas, utilization, ratio, ready, unready, missing,
                    second + (Math.abs(1.0 - newRatio) <= tolerance ? " within tolerance" : " reverses direction")
                            + ": no change; " + counts);
        }
        int desired = (int) Math.ceil(newRatio * counted);
        if (newRatio < 1.0 && desired > currentReplicas || newRatio > 1.0 && desired < currentReplicas) {
            return Recommendation.of(currentReplicas, utilization, ratio, ready, unready, missing,
                    second + String.format(Locale.ROOT, " would give %d replicas against the direction: no change",
                            desired));
        }
        return Recommendation.of(desired, utilization, ratio, ready, unready, missing,
                second + String.format(Locale.ROOT, " × %d pods", counted));
    }

    /** The CPU-initialisation rule of {@code groupPods}: which measured pods the HPA must not trust yet. */
    private boolean isUnready(PodInfo pod, PodMetrics m, Instant now) {
        if (pod.readyTransition() == null || pod.startTime() == null) {
            return true;
        }
        if (pod.startTime().plus(cpuInitializationPeriod).isAfter(now)) {
            // still possibly initialising: ignore unless ready for a whole metric window
            return !pod.ready() || m.timestamp().isBefore(pod.readyTransition().plus(m.window()));
        }
        // past initialisation: ignore only a pod that is unready and never became ready after its start
        return !pod.ready() && pod.startTime().plus(initialReadinessDelay).isAfter(pod.readyTransition());
    }

    private static int utilization(long usageMillis, long requestMillis) {
        return (int) (usageMillis * 100 / requestMillis);
    }

    private String withinTolerance(int utilization, int target, double ratio) {
        return String.format(Locale.ROOT, "cpu %d%% / target %d%%: ratio %.2f within tolerance %.2f", utilization,
                target, ratio, tolerance);
    }

    private static String counts(int ready, int unready, int missing) {
        return String.format(Locale.ROOT, "%d ready, %d unready, %d missing metrics", ready, unready, missing);
    }

    /**
     * A recommendation, or none (when Kubernetes would report an error and leave the target alone).
     *
     * @param computed           false when no recommendation could be made; {@code explanation} says why
     * @param replicas           recommended replicas before behaviour rules (meaningless when not computed)
     * @param utilizationPercent measured utilisation of the ready pods, integer percent as Kubernetes reports it
     * @param ratio              utilisation over target of the ready pods
     */
    public record Recommendation(boolean computed, int replicas, int utilizationPercent, double ratio, int ready,
            int unready, int missing, String explanation) {

        static Recommendation none(String why) {
            return new Recommendation(false, 0, 0, Double.NaN, 0, 0, 0, why);
        }

        static Recommendation of(int replicas, int utilization, double ratio, int ready, int unready, int missing,
                String explanation) {
            return new Recommendation(true, replicas, utilization, ratio, ready, unready, missing, explanation);
        }
    }
}
