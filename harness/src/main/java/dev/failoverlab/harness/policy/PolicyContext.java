package dev.failoverlab.harness.policy;

import dev.failoverlab.agent.port.Actuator;
import dev.failoverlab.agent.port.Clock;
import dev.failoverlab.agent.port.ClusterView;

/** Everything a policy may use. Backends build one per run. */
public interface PolicyContext {

    ClusterView cluster();

    Actuator actuator();

    Clock clock();

    Scheduler scheduler();

    PolicyEnvironment environment();

    DecisionLog log();
}
