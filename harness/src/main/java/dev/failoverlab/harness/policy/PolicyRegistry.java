package dev.failoverlab.harness.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.failoverlab.harness.scenario.PolicyCatalog;

/**
 * The policies a run can name, registered explicitly (no classpath scanning), in a stable order.
 */
public final class PolicyRegistry implements PolicyCatalog {
    private final Map<String, PolicyFactory> factories = new LinkedHashMap<>();

    /** The built-in policies. */
    public static PolicyRegistry standard() {
        return standard(dev.failoverlab.harness.agent.AgentLearning.inMemory());
    }

    /** The built-in policies, the agent learning through {@code learning} (e.g. a persistent store). */
    public static PolicyRegistry standard(dev.failoverlab.harness.agent.AgentLearning learning) {
        PolicyRegistry registry = new PolicyRegistry();
        registry.register(new TraditionalPolicy.Factory());
        registry.register(new MetricAnalysisPolicy.Factory());
        registry.register(new dev.failoverlab.harness.agent.AiAgentPolicyFactory(learning));
        return registry;
    }

    public PolicyRegistry register(PolicyFactory factory) {
        if (factories.putIfAbsent(factory.name(), factory) != null) {
            throw new IllegalArgumentException("policy '" + factory.name() + "' registered twice");
        }
        return this;
    }

    /** The factory for {@code name}; an unknown name is an error listing the known ones. */
    public PolicyFactory get(String name) {
        PolicyFactory factory = factories.get(name);
        if (factory == null) {
            throw new UnknownPolicyException(name, factories.keySet());
        }
        return factory;
    }

    public boolean contains(String name) {
        return factories.containsKey(name);
    }

    @Override
    public Set<String> settingKeys(String policy) {
        PolicyFactory factory = factories.get(policy);
        return factory == null ? Set.of() : factory.settingKeys();
    }

    @Override
    public List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(factories.keySet()));
    }

    public List<PolicyFactory> all() {
        return List.copyOf(factories.values());
    }
}
