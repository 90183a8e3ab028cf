package dev.failoverlab.agent.service;

import dev.failoverlab.agent.api.AgentApi;
import java.util.Map;

/**
 * Builds the agent for a cluster: the adapter module (Fabric8 + Prometheus) implements this and registers it in
 * {@code META-INF/services/dev.failoverlab.agent.service.AgentApiFactory}, so {@link AgentMain} finds it with
 * {@code ServiceLoader}. Tests and embedders pass one in code.
 */
public interface AgentApiFactory {

    /** What the agent observes and acts on, for {@code /health} and the start-up line, e.g. {@code kubernetes}. */
    String name();

    /**
     * Builds the agent. Its actuator must go through {@link ServiceContext#guard}, so that every change is checked
     * and audited.
     */
    AgentApi create(ServiceContext context);

    /** Further sources to report on {@code /health} (e.g. {@code prometheus → http://prometheus:9090}); no secrets. */
    default Map<String, String> sources() {
        return Map.of();
    }
}
