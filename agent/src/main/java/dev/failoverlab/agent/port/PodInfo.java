package dev.failoverlab.agent.port;

import java.time.Instant;

/**
 * A pod as {@code kubectl get pod -o yaml} shows it.
 *
 * @param startTime          when the kubelet started it ({@code status.startTime}); null while pending
 * @param ready              the Ready condition
 * @param readyTransition    last transition time of the Ready condition; null if it never had one
 * @param restarts           container restart count
 */
public record PodInfo(
        String name,
        String deployment,
        String color,
        Phase phase,
        Instant startTime,
        boolean ready,
        Instant readyTransition,
        int restarts) {

    public enum Phase { PENDING, RUNNING, CRASH_LOOP_BACK_OFF, TERMINATING }
}
