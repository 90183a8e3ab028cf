package dev.failoverlab.agent.observe;

/**
 * One colour over the observation window. Counts come from Prometheus (increase over the window), CPU and memory
 * from metrics-server, replicas from the API server. NaN means "not measured" (no traffic, or the source failed).
 *
 * @param requests        requests completed in the window
 * @param errors          of which failed
 * @param bucketUpperMs   latency histogram bounds (last is +Inf); null when Prometheus had no data
 * @param bucketCounts    cumulative counts per bound over the window; null when Prometheus had no data
 * @param cpuMillisPerPod mean CPU of running pods (millicores)
 * @param memoryBytesPerPod mean working set of running pods
 * @param trafficShare    share of new traffic the Service sends here, in [0, 1]
 * @param probeHealthy    result of one health probe (null if not probed)
 */
public record ColorObservation(
        String color,
        String deployment,
        int specReplicas,
        int readyReplicas,
        int updatedReplicas,
        int podRestarts,
        long cpuRequestMillis,
        long memoryLimitBytes,
        double windowSeconds,
        double requests,
        double errors,
        double[] bucketUpperMs,
        double[] bucketCounts,
        double p50Ms,
        double p95Ms,
        double p99Ms,
        double cpuMillisPerPod,
        double memoryBytesPerPod,
        double trafficShare,
        Boolean probeHealthy) {

    public double rps() {
        return windowSeconds > 0 ? requests / windowSeconds : Double.NaN;
    }

    public double errorRate() {
        return requests > 0 ? errors / requests : Double.NaN;
    }

    /** CPU used as a fraction of the CPU request (the HPA's utilisation). */
    public double cpuUtilization() {
        return cpuRequestMillis > 0 ? cpuMillisPerPod / cpuRequestMillis : Double.NaN;
    }

    public boolean hasTraffic() {
        return requests > 0;
    }

    /** Fraction of requests in the window slower than {@code thresholdMs}, from the histogram (NaN without data). */
    public double fractionSlowerThan(double thresholdMs) {
        if (bucketCounts == null || requests <= 0) {
            return Double.NaN;
        }
        double total = bucketCounts[bucketCounts.length - 1];
        if (total <= 0) {
            return Double.NaN;
        }
        // the SLO bound sits on a bucket boundary in practice; otherwise interpolate linearly inside the bucket
        double below = 0;
        double lower = 0;
        double lowerCount = 0;
        for (int i = 0; i < bucketUpperMs.length; i++) {
            if (thresholdMs <= bucketUpperMs[i]) {
                double upper = bucketUpperMs[i];
                if (Double.isInfinite(upper)) {
                    below = lowerCount;
                } else {
                    below = lowerCount + (bucketCounts[i] - lowerCount) * (thresholdMs - lower) / (upper - lower);
                }
                return Math.max(0, Math.min(1, 1 - below / total));
            }
            lower = bucketUpperMs[i];
            lowerCount = bucketCounts[i];
        }
        return 0;
    }
}
