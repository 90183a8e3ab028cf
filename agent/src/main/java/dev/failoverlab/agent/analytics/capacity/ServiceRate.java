package dev.failoverlab.agent.analytics.capacity;

import dev.failoverlab.agent.analytics.ModelEvidence;
import dev.failoverlab.agent.analytics.HasEvidence;

/**
 * A pod's estimated service rate: the request rate it would sustain at 100 % of its CPU capacity.
 *
 * @param perPod                 estimated service rate, requests per second
 * @param lower                  lower confidence bound (NaN when one sample cannot give one)
 * @param upper                  upper confidence bound (NaN when unavailable, +Inf when the cost may be zero)
 * @param cpuSecondsPerRequest   estimated CPU cost of one request, core-seconds
 * @param idleCores              CPU used at zero load (0 for the ratio method)
 * @param capacityCores          the CPU capacity assumed (limit, or request when there is no limit)
 * @param method                 {@code regression} or {@code ratio}
 * @param samples                samples used
 * @param confidence             coverage of the bounds
 * @param evidence               inputs, fit quality and the values above
 */
public record ServiceRate(double perPod, double lower, double upper, double cpuSecondsPerRequest, double idleCores,
        double capacityCores, String method, int samples, double confidence, ModelEvidence evidence) implements HasEvidence {

    /** CPU utilisation of a pod serving {@code rate} requests per second, as a fraction of its capacity. */
    public double utilisationAt(double rate) {
        return (idleCores + cpuSecondsPerRequest * rate) / capacityCores;
    }
}
