package dev.failoverlab.harness.scenario;

import dev.failoverlab.loadgen.profile.LoadProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One parsed scenario. {@code policies} is the default policy list (the CLI may override it);
 * {@code settings} holds per-policy overrides keyed by policy name; {@code context} is the business context
 * handed to context-aware policies (e.g. {@code time_of_day: peak_hours}).
 */
public record Scenario(
        String name,
        String description,
        String sourceFile,
        Duration duration,
        ClusterSpec cluster,
        WorkloadSpec workload,
        Pricing pricing,
        Slo slo,
        Map<String, String> context,
        LoadProfile load,
        List<FaultSpec> faults,
        List<String> policies,
        Map<String, Settings> settings,
        List<Expectation> expect,
        Budget budget,
        List<ScriptedQuery> queries) {

    public Scenario {
        context = Map.copyOf(context);
        faults = List.copyOf(faults);
        policies = List.copyOf(policies);
        settings = Map.copyOf(settings);
        expect = List.copyOf(expect);
        queries = List.copyOf(queries);
    }

    /** A scenario without scripted agent queries. */
    public Scenario(String name, String description, String sourceFile, Duration duration, ClusterSpec cluster,
                    WorkloadSpec workload, Pricing pricing, Slo slo, Map<String, String> context, LoadProfile load,
                    List<FaultSpec> faults, List<String> policies, Map<String, Settings> settings,
                    List<Expectation> expect, Budget budget) {
        this(name, description, sourceFile, duration, cluster, workload, pricing, slo, context, load, faults, policies,
                settings, expect, budget, List.of());
    }

    public double durationSeconds() {
        return duration.toMillis() / 1000.0;
    }

    /** Settings for one policy, empty when the scenario sets none. */
    public Settings settingsFor(String policy) {
        return settings.getOrDefault(policy, Settings.EMPTY);
    }
}
