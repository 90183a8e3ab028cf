package dev.failoverlab.agent.brain.failover;

/**
 * Failover risk towards a target: LOW when it is ready, carries the load with its ready pods and served within the
 * SLO recently; MEDIUM when it is ready but unproven or short of capacity; HIGH when it is degraded, failing, not
 * ready, failed a verification, or is worse than the source.
 */
public enum Risk {
    LOW, MEDIUM, HIGH
}
