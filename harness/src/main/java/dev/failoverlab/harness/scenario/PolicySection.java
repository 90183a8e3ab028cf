package dev.failoverlab.harness.scenario;

import dev.failoverlab.loadgen.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads {@code policies:} (names checked against the {@link PolicyCatalog}; empty means "all registered") and
 * {@code settings:} (per-policy keys from {@link PolicyCatalog#settingKeys}; values kept as written with their
 * position, so the policy that parses them later can still point at the file).
 */
final class PolicySection {
    private final PolicyCatalog catalog;

    PolicySection(PolicyCatalog catalog) {
        this.catalog = catalog;
    }

    List<String> policies(YamlNode list) {
        List<String> names = new ArrayList<>();
        for (YamlNode item : list.elements()) {
            String name = knownPolicy(item, item.asString());
            if (names.contains(name)) {
                throw item.error("policy '" + name + "' is listed twice");
            }
            names.add(name);
        }
        return names;
    }

    Map<String, Settings> settings(YamlNode node) {
        Map<String, Settings> result = new LinkedHashMap<>();
        for (YamlNode.Entry policy : node.entries().values()) {
            knownPolicy(policy.keyNode(), policy.key());
            List<String> allowed = List.copyOf(new TreeSet<>(catalog.settingKeys(policy.key())));
            YamlNode body = policy.value();
            if (allowed.isEmpty() && !body.entries().isEmpty()) {
                throw policy.keyNode().error("policy '" + policy.key() + "' has no settings");
            }
            body.forbidUnknownKeys(allowed);
            Map<String, Settings.Value> values = new LinkedHashMap<>();
            for (YamlNode.Entry entry : body.entries().values()) {
                YamlNode v = entry.value();
                values.put(entry.key(), new Settings.Value(v.asString(), v.location(), v.path()));
            }
            result.put(policy.key(), new Settings(values));
        }
        return result;
    }

    private String knownPolicy(YamlNode at, String name) {
        if (!catalog.names().contains(name)) {
            throw at.error("unknown policy '" + name + "'; known policies: " + String.join(", ", catalog.names()));
        }
        return name;
    }
}
