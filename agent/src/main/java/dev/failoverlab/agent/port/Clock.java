package dev.failoverlab.agent.port;

import java.time.Instant;

/** Time as the cluster sees it: virtual time in the simulator, wall time on a real cluster. */
@FunctionalInterface
public interface Clock {
    Instant now();
}
