package dev.failoverlab.agent.brain.failover;

/** Business impact of leaving things as they are, lowest first. */
public enum ImpactLevel {
    NONE, LOW, MEDIUM, HIGH;

    ImpactLevel shift(int steps) {
        if (this == NONE) {
            return NONE; // nothing affected stays nothing, whatever the context
        }
        int i = Math.max(LOW.ordinal(), Math.min(HIGH.ordinal(), ordinal() + steps));
        return values()[i];
    }
}
