package dev.failoverlab.agent.learn;

/** The rules in force now; the learner swaps them when an update is accepted. */
@FunctionalInterface
public interface RulesSource {
    Rules current();
}
