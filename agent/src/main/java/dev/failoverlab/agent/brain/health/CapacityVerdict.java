package dev.failoverlab.agent.brain.health;

/**
 * Whether load explains a colour's latency: the capacity model behind the "capacity, not a colour's fault" rule.
 *
 * @param serviceRatePerPod     estimated requests/s one pod serves at 100 % of its CPU request (NaN: unknown)
 * @param serviceRateSource     {@code own history}, {@code other colour (same image)}, {@code current interval},
 *                              or {@code none}
 * @param loadRps               the colour's request rate over the detection window
 * @param readyPods             pods taking traffic
 * @param utilisation           model utilisation {@code load / (ready x rate)} (NaN: unknown)
 * @param cpuUtilisation        measured CPU as a fraction of the request (NaN: unknown)
 * @param predictedSlowFraction Erlang C (one queue per pod) probability of a response slower than the SLO bound
 * @param observedSlowFraction  the measured share slower than the SLO bound
 * @param capacityBound         CPU is high and the queueing model explains the slowness: a capacity problem
 * @param recentlyCapacityBound capacity-bound now or within the overload memory (backlog still draining)
 * @param modelId               evidence id (null when nothing could be modelled)
 */
public record CapacityVerdict(double serviceRatePerPod, String serviceRateSource, double loadRps, int readyPods,
        double utilisation, double cpuUtilisation, double predictedSlowFraction, double observedSlowFraction,
        boolean capacityBound, boolean recentlyCapacityBound, String modelId) {

    public static CapacityVerdict unknown(double loadRps, int readyPods, double cpuUtilisation, boolean recent) {
        return new CapacityVerdict(Double.NaN, "none", loadRps, readyPods, Double.NaN, cpuUtilisation, Double.NaN,
                Double.NaN, false, recent, null);
    }

    public boolean knowsServiceRate() {
        return serviceRatePerPod > 0 && Double.isFinite(serviceRatePerPod);
    }

    /** Requests/s that {@code pods} pods carry at {@code utilisation} of their CPU request. */
    public double carryable(int pods, double utilisation) {
        return knowsServiceRate() ? pods * serviceRatePerPod * utilisation : Double.NaN;
    }

    /** Pods that carry {@code rps} at {@code utilisation} of their CPU request (at least 1). */
    public int podsFor(double rps, double utilisation) {
        if (!knowsServiceRate() || !(rps > 0)) {
            return 1;
        }
        return Math.max(1, (int) Math.ceil(rps / (serviceRatePerPod * utilisation) - 1e-9));
    }
}
