package dev.failoverlab.harness.scenario;

import dev.failoverlab.loadgen.yaml.YamlNode;
import dev.failoverlab.loadgen.yaml.NumberRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code cluster:}: namespace, Service, the active colour and exactly two Deployments of distinct
 * colours. Everything is optional; the defaults are the runbook's pair ({@code web-blue} with 2 replicas
 * active, {@code web-green} with 1 on standby, 500m CPU and 256Mi each).
 */
final class ClusterReader {
    static final String DEFAULT_NAMESPACE = "mcp-failover-clean";
    static final String DEFAULT_SERVICE = "web";
    static final String DEFAULT_ACTIVE = "blue";
    static final long DEFAULT_CPU_MILLIS = 500;
    static final long DEFAULT_MEMORY_BYTES = 256L << 20;
    static final int DEFAULT_MIN_REPLICAS = 1;
    static final int DEFAULT_MAX_REPLICAS = 10;
    static final List<DeploymentSpec> DEFAULT_DEPLOYMENTS = List.of(
            new DeploymentSpec("web-blue", "blue", 2, DEFAULT_MIN_REPLICAS, DEFAULT_MAX_REPLICAS,
                    DEFAULT_CPU_MILLIS, DEFAULT_CPU_MILLIS, DEFAULT_MEMORY_BYTES, DEFAULT_MEMORY_BYTES),
            new DeploymentSpec("web-green", "green", 1, DEFAULT_MIN_REPLICAS, DEFAULT_MAX_REPLICAS,
                    DEFAULT_CPU_MILLIS, DEFAULT_CPU_MILLIS, DEFAULT_MEMORY_BYTES, DEFAULT_MEMORY_BYTES));

    private static final List<String> CLUSTER_KEYS = List.of("namespace", "service", "active", "deployments");
    private static final List<String> DEPLOYMENT_KEYS = List.of(
            "color", "replicas", "minReplicas", "maxReplicas", "cpu", "cpuLimit", "memory", "memoryLimit");
    /** A DNS-1123 label: what Kubernetes accepts for namespaces, Services and (practically) Deployments. */
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern COLOR = Pattern.compile("[a-z0-9-]+");

    private ClusterReader() {
    }

    static ClusterSpec defaults() {
        return new ClusterSpec(DEFAULT_NAMESPACE, DEFAULT_SERVICE, DEFAULT_ACTIVE, DEFAULT_DEPLOYMENTS);
    }

    static ClusterSpec read(YamlNode cluster) {
        cluster.forbidUnknownKeys(CLUSTER_KEYS);
        String namespace = dnsLabel(cluster, "namespace", DEFAULT_NAMESPACE);
        String service = dnsLabel(cluster, "service", DEFAULT_SERVICE);
        List<DeploymentSpec> deployments = cluster.get("deployments").map(ClusterReader::deployments)
                .orElse(DEFAULT_DEPLOYMENTS);
        String active = DEFAULT_ACTIVE;
        YamlNode activeNode = cluster.get("active").orElse(null);
        if (activeNode != null) {
            active = activeNode.asString();
        }
        List<String> colors = deployments.stream().map(DeploymentSpec::color).toList();
        if (!colors.contains(active)) {
            YamlNode at = activeNode != null ? activeNode : cluster;
            throw at.error("active colour '" + active + "' is not one of the deployments' colours: "
                    + String.join(", ", colors));
        }
        DeploymentSpec serving = deployments.get(colors.indexOf(active));
        if (serving.replicas() == 0) {
            YamlNode at = cluster.get("deployments").flatMap(ds -> ds.get(serving.name()))
                    .map(dn -> dn.get("replicas").orElse(dn)).orElse(cluster);
            throw at.error("the active deployment " + serving.name()
                    + " starts with 0 replicas, so nothing would serve traffic; give it replicas >= 1");
        }
        return new ClusterSpec(namespace, service, active, deployments);
    }

    private static List<DeploymentSpec> deployments(YamlNode node) {
        Map<String, YamlNode.Entry> entries = node.entries();
        if (entries.size() != 2) {
            throw node.error("needs exactly two deployments (one per colour), got " + entries.size());
        }
        List<DeploymentSpec> result = new ArrayList<>();
        Map<String, String> byColor = new HashMap<>();
        for (YamlNode.Entry entry : entries.values()) {
            if (!DNS_LABEL.matcher(entry.key()).matches()) {
                throw entry.keyNode().error("deployment name '" + entry.key()
                        + "' is not a valid Kubernetes name (lower-case letters, digits and '-', at most 63)");
            }
            DeploymentSpec spec = deployment(entry.key(), entry.value());
            String previous = byColor.putIfAbsent(spec.color(), spec.name());
            if (previous != null) {
                throw entry.value().require("color").error("colour '" + spec.color() + "' is already used by "
                        + previous + "; the two deployments need distinct colours");
            }
            result.add(spec);
        }
        return result;
    }

    private static DeploymentSpec deployment(String name, YamlNode d) {
        d.forbidUnknownKeys(DEPLOYMENT_KEYS);
        YamlNode colorNode = d.require("color");
        String color = colorNode.asString();
        if (!COLOR.matcher(color).matches()) {
            throw colorNode.error("colour '" + color + "' must use lower-case letters, digits and '-'");
        }
        int min = d.optionalInt("minReplicas", DEFAULT_MIN_REPLICAS, NumberRange.atLeast(0));
        int max = d.optionalInt("maxReplicas", DEFAULT_MAX_REPLICAS, NumberRange.atLeast(1));
        if (max < min) {
            throw d.require("maxReplicas").error("maxReplicas " + max + " is below minReplicas " + min);
        }
        int replicas = d.optionalInt("replicas", min, NumberRange.atLeast(0));
        if (replicas < min || replicas > max) {
            throw d.require("replicas").error("replicas " + replicas + " must be between minReplicas " + min
                    + " and maxReplicas " + max);
        }
        long cpu = cpu(d, "cpu", DEFAULT_CPU_MILLIS);
        long cpuLimit = cpu(d, "cpuLimit", cpu);
        long memory = memory(d, "memory", DEFAULT_MEMORY_BYTES);
        long memoryLimit = memory(d, "memoryLimit", memory);
        if (cpuLimit < cpu) {
            throw d.require("cpuLimit").error("cpuLimit is below the cpu request " + Quantities.formatCpu(cpu));
        }
        if (memoryLimit < memory) {
            throw d.require("memoryLimit").error("memoryLimit is below the memory request "
                    + Quantities.formatMemory(memory));
        }
        return new DeploymentSpec(name, color, replicas, min, max, cpu, cpuLimit, memory, memoryLimit);
    }

    private static long cpu(YamlNode d, String key, long fallback) {
        YamlNode v = d.get(key).orElse(null);
        if (v == null) {
            return fallback;
        }
        long millis = Quantities.cpuMillis(v.asString(), v.location(), v.path());
        if (millis <= 0) {
            throw v.error("CPU must be > 0");
        }
        return millis;
    }

    private static long memory(YamlNode d, String key, long fallback) {
        YamlNode v = d.get(key).orElse(null);
        if (v == null) {
            return fallback;
        }
        long bytes = Quantities.memoryBytes(v.asString(), v.location(), v.path());
        if (bytes <= 0) {
            throw v.error("memory must be > 0");
        }
        return bytes;
    }

    private static String dnsLabel(YamlNode cluster, String key, String fallback) {
        YamlNode v = cluster.get(key).orElse(null);
        if (v == null) {
            return fallback;
        }
        String text = v.asString();
        if (!DNS_LABEL.matcher(text).matches()) {
            throw v.error("'" + text + "' is not a valid Kubernetes name (lower-case letters, digits and '-',"
                    + " at most 63, starting and ending with a letter or digit)");
        }
        return text;
    }
}
