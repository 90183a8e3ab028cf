package dev.failoverlab.agent.brain;

import dev.failoverlab.agent.config.AgentConfig;
import dev.failoverlab.agent.learn.EpisodeLog;
import dev.failoverlab.agent.learn.RulesSource;
import dev.failoverlab.agent.observe.Observer;
import dev.failoverlab.agent.port.Actuator;
import dev.failoverlab.agent.port.Clock;
import dev.failoverlab.agent.port.ClusterView;

/**
 * What every endpoint of the brain shares. {@code actuator} is already guarded (allow-lists, dry run, rate limit,
 * audit): the brain never needs to check those itself. {@code state} is the agent's memory between queries
 * (ongoing shifts, cool-downs, standing plans, detector state); it is in memory only.
 */
public record BrainContext(
        ClusterView view,
        Observer observer,
        Actuator actuator,
        Clock clock,
        AgentConfig config,
        EpisodeLog episodes,
        RulesSource rules,
        AgentState state) {
}
