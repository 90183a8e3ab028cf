package dev.failoverlab.harness.run;

/**
 * Ground truth for one colour over one sampling interval (the backend's own measurement, not what policies see).
 *
 * @param arrivals         requests routed to this colour during the interval
 * @param ok               requests of this colour completed successfully during the interval
 * @param errors           requests of this colour that failed during the interval (5xx, refused, timed out)
 * @param p50Ms            latency percentiles of requests completed in the interval (NaN when none)
 * @param trafficPercent   share of new traffic routed here at the end of the interval
 * @param desiredReplicas  Deployment spec.replicas at the end of the interval
 * @param readyReplicas    ready pods at the end of the interval
 * @param pods             pods that exist (and cost money) at the end of the interval
 * @param podSeconds       integral of existing pods over the interval (cost basis)
 * @param cpuUtilPercent   mean CPU usage of running pods over the interval as % of their CPU request
 * @param memoryMiB        mean working set per running pod at the end of the interval
 */
public record ColorSample(
        String color,
        long arrivals,
        long ok,
        long errors,
        double p50Ms,
        double p95Ms,
        double p99Ms,
        double trafficPercent,
        int desiredReplicas,
        int readyReplicas,
        int pods,
        double podSeconds,
        double cpuUtilPercent,
        double memoryMiB) {
}
