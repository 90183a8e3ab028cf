package dev.failoverlab.agent.brain.capacity;

/**
 * What one colour needs, as {@link ReplicaRequirement} computed it.
 *
 * @param colour            colour name
 * @param deployment        its deployment
 * @param spec              desired replicas now
 * @param ready             ready replicas now
 * @param share             its share of the traffic, in [0, 1]
 * @param cpuNow            measured CPU utilisation (fraction of request); NaN when metrics-server gave none
 * @param cpuPeak           forecast peak CPU utilisation at {@code spec} replicas; NaN without a forecast
 * @param required          replicas keeping CPU at or below the target at the forecast's upper bound and now;
 *                          -1 when neither a forecast nor a CPU measurement can tell
 * @param overTarget        CPU is above the target now (react at once, as the HPA would)
 * @param rateAtTarget      requests per second one pod serves at the CPU target; NaN without a CPU model
 * @param demandUpper       the colour's share of the forecast's upper bound within the lead time; NaN without one
 */
record ColourNeed(String colour, String deployment, int spec, int ready, double share, double cpuNow,
        double cpuPeak, int required, boolean overTarget, double rateAtTarget, double demandUpper) {

    boolean known() {
        return required >= 0;
    }

    boolean serving() {
        return share > 0;
    }
}
