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

    /** The HPA's tolerance: a pod count within this fraction of what is needed is left alone. */
    public static final double SCALE_TOLERANCE = 0.1;

    /**
     * The replicas to ask for when {@code neededPods} (fractional) are needed and {@code current} exist: unchanged
     * within the tolerance (a model's few percent of error must not add a pod), else the whole number above.
     */
    public static int replicasFor(double neededPods, int current) {
        if (!(neededPods > 0) || neededPods <= current * (1 + SCALE_TOLERANCE)) {
            return current;
        }
        return (int) Math.ceil(neededPods - 1e-9);
    }
}
