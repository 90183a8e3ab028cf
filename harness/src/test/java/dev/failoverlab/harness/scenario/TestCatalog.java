package dev.failoverlab.harness.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The three standard policy names with a few setting keys each, standing in for the real registry. */
final class TestCatalog implements PolicyCatalog {
    private final Map<String, Set<String>> keys = new LinkedHashMap<>();

    TestCatalog() {
        keys.put("traditional", Set.of("probePeriod", "failureThreshold"));
        keys.put("metric-analysis", Set.of("interval", "threshold", "maxLatencyMs", "minSuccessRatePercent"));
        keys.put("ai-agent", Set.of("cadence", "mode"));
    }

    @Override
    public List<String> names() {
        return List.copyOf(keys.keySet());
    }

    @Override
    public Set<String> settingKeys(String policy) {
        return keys.getOrDefault(policy, Set.of());
    }
}
