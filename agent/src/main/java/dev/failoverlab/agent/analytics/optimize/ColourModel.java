package dev.failoverlab.agent.analytics.optimize;

import dev.failoverlab.agent.analytics.Require;
import java.util.Locale;

/**
 * What the plan search knows about one colour (blue or green): its estimated capacity, its measured quality and
 * its price. Everything here is measured or estimated by the agent, never read from the simulator.
 *
 * @param name                  colour name, e.g. {@code blue}
 * @param serviceRatePerPod     requests per second one pod serves at full CPU (see
 *                              {@code capacity.ServiceRateEstimator})
 * @param costPerReplicaHour    price of one replica for one hour
 * @param podFailureProbability probability a pod is down at a random instant
 * @param errorRate             fraction of requests failing for reasons other than overload (measured)
 * @param slowFraction          fraction of requests delayed beyond any latency target by a cause outside the CPU
 *                              queue (e.g. a slow dependency), measured from its latency histogram; 0 if none
 * @param minReplicas           fewest replicas the plan may give this colour
 * @param maxReplicas           most replicas the plan may give this colour
 */
public record ColourModel(String name, double serviceRatePerPod, double costPerReplicaHour,
        double podFailureProbability, double errorRate, double slowFraction, int minReplicas, int maxReplicas) {

    public ColourModel {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a colour needs a name, e.g. \"blue\"");
        }
        Require.positive(name + ".serviceRatePerPod", serviceRatePerPod);
        Require.nonNegative(name + ".costPerReplicaHour", costPerReplicaHour);
        Require.inRange(name + ".podFailureProbability", podFailureProbability, 0, 1);
        Require.inRange(name + ".errorRate", errorRate, 0, 1);
        Require.inRange(name + ".slowFraction", slowFraction, 0, 1);
        Require.atLeast(name + ".minReplicas", minReplicas, 0);
        if (maxReplicas < minReplicas) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s.maxReplicas = %d is below minReplicas = %d", name, maxReplicas, minReplicas));
        }
    }
}
