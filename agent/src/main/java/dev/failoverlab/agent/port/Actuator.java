package dev.failoverlab.agent.port;

import java.util.Map;

/**
 * The only way to change the cluster. Every call carries a human-readable reason, which ends up in the
 * decision log and the audit log; adapters may refuse (guard rails) and say why in the result.
 */
public interface Actuator {

    /** Set {@code spec.replicas} of a deployment. */
    ActionResult scale(String deployment, int replicas, String reason);

    /** Split new traffic by percent per colour (values sum to 100). */
    ActionResult setTrafficSplit(Map<String, Integer> percentByColor, String reason);

    /** Point the Service selector at one colour: all new traffic goes there. */
    ActionResult switchSelector(String color, String reason);
}
