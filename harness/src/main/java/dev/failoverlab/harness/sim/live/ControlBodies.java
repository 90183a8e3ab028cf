package dev.failoverlab.harness.sim.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failoverlab.harness.sim.LiveLoad;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the control API's JSON bodies into commands. Every mistake is a 400 naming the field by its JSON path
 * ({@code spec.template.spec.containers[0].env[1].value}), what was found and what is expected; unknown keys are
 * errors that list the allowed ones, so a typo never silently does nothing.
 */
final class ControlBodies {
    static final String PATCH_EXAMPLE = "{\"deployment\":\"web-blue\",\"env\":{\"SLOW_REQUESTS\":\"20\"}}";
    static final String LOAD_EXAMPLE = "{\"rps\":400} or {\"from\":100,\"to\":800,\"over_seconds\":300}";
    static final String SCALE_EXAMPLE = "{\"deployment\":\"web-green\",\"replicas\":3}";
    static final String KILL_EXAMPLE = "{\"deployment\":\"web-blue\"}";
    static final String CRASHLOOP_EXAMPLE = "{\"deployment\":\"web-blue\",\"enabled\":true}";
    /** The only container of the demo's pods, as in the runbook's patches. */
    static final String CONTAINER = "web";

    private ControlBodies() {
    }

    record Patch(String deployment, Map<String, String> env) {
    }

    /**
     * A patch in the API's own shape ({@code {"deployment": ..., "env": {...}}}) or kubectl's strategic-merge
     * shape ({@code {"spec":{"template":{"spec":{"containers":[{"name":"web","env":[...]}]}}}}}), with the
     * deployment in the body or in {@code ?deployment=}.
     */
    static Patch patch(ObjectNode body, String deploymentParam) {
        boolean kubectl = body.has("spec");
        allowOnly(body, "", kubectl ? Set.of("spec") : Set.of("deployment", "env"),
                "use " + PATCH_EXAMPLE + " or kubectl's {\"spec\":{\"template\":{\"spec\":{\"containers\":[...]}}}}");
        String deployment = deployment(body, deploymentParam);
        Map<String, String> env = kubectl ? kubectlEnv(body) : simpleEnv(body);
        return new Patch(deployment, env);
    }

    private static Map<String, String> simpleEnv(ObjectNode body) {
        JsonNode env = body.get("env");
        if (env == null || !env.isObject()) {
            throw ControlException.badRequest("env", (env == null ? "missing" : "must be an object, got " + kind(env))
                    + "; e.g. " + PATCH_EXAMPLE);
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : env.properties()) {
            result.put(e.getKey(), envValue("env." + e.getKey(), e.getValue()));
        }
        return result;
    }

    private static Map<String, String> kubectlEnv(ObjectNode body) {
        JsonNode spec = object(body.get("spec"), "spec");
        allowOnly(spec, "spec.", Set.of("template"), "the demo patches only the pod template's env");
        JsonNode template = object(spec.get("template"), "spec.template");
        allowOnly(template, "spec.template.", Set.of("spec"), "the demo patches only the pod template's env");
        JsonNode podSpec = object(template.get("spec"), "spec.template.spec");
        allowOnly(podSpec, "spec.template.spec.", Set.of("containers"), "the demo patches only the container env");
        String path = "spec.template.spec.containers";
        JsonNode containers = podSpec.get("containers");
        if (containers == null || !containers.isArray() || containers.isEmpty()) {
            throw ControlException.badRequest(path, containers == null ? "missing"
                    : "must be a non-empty list of containers, got " + kind(containers));
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (int i = 0; i < containers.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode container = object(containers.get(i), at);
            allowOnly(container, at + ".", Set.of("name", "env"), "the demo patches only the env of container 'web'");
            JsonNode name = container.get("name");
            if (name == null || !name.isTextual() || !name.asText().equals(CONTAINER)) {
                throw ControlException.badRequest(at + ".name", "the demo's pods have one container, '" + CONTAINER
                        + "'; got " + (name == null ? "nothing" : name.toString()));
            }
            JsonNode env = container.get("env");
            if (env == null || !env.isArray()) {
                throw ControlException.badRequest(at + ".env", env == null ? "missing"
                        : "must be a list of {\"name\": ..., \"value\": ...}, got " + kind(env));
            }
            for (int j = 0; j < env.size(); j++) {
                String item = at + ".env[" + j + "]";
                JsonNode var = object(env.get(j), item);
                allowOnly(var, item + ".", Set.of("name", "value"), "valueFrom is not simulated; give a value");
                JsonNode varName = var.get("name");
                if (varName == null || !varName.isTextual() || varName.asText().isBlank()) {
                    throw ControlException.badRequest(item + ".name", "missing or not a string");
                }
                JsonNode value = var.get("value");
                if (value == null) {
                    throw ControlException.badRequest(item + ".value", "missing (give a string such as \"20\")");
                }
                result.put(varName.asText(), envValue(item + ".value", value));
            }
        }
        return result;
    }

    /** A constant rate, or a ramp; a ramp without {@code from} starts at {@code currentRps}. */
    static LiveLoad load(ObjectNode body, double currentRps) {
        allowOnly(body, "", Set.of("rps", "from", "to", "over_seconds"), "use " + LOAD_EXAMPLE);
        boolean constant = body.has("rps");
        boolean ramp = body.has("from") || body.has("to") || body.has("over_seconds");
        if (constant == ramp) {
            throw ControlException.badRequest("body", (constant ? "give either rps or from/to/over_seconds, not both"
                    : "give rps, or to and over_seconds (from defaults to the current rate)") + ": " + LOAD_EXAMPLE);
        }
        try {
            if (constant) {
                return new LiveLoad.Constant(number(body, "rps"));
            }
            double from = body.has("from") ? number(body, "from") : currentRps;
            return new LiveLoad.Ramp(from, number(body, "to"), number(body, "over_seconds"));
        } catch (IllegalArgumentException e) {
            throw new ControlException(400, e.getMessage()); // LiveLoad's messages start with the field
        }
    }

    static String deployment(ObjectNode body, String param) {
        JsonNode node = body.get("deployment");
        if (node != null && !node.isTextual()) {
            throw ControlException.badRequest("deployment", "must be a string like \"web-blue\", got " + kind(node));
        }
        String inBody = node == null ? null : node.asText();
        if (inBody != null && param != null && !inBody.equals(param)) {
            throw ControlException.badRequest("deployment", "the body says '" + inBody + "' but ?deployment= says '"
                    + param + "'; give one");
        }
        String name = inBody != null ? inBody : param;
        if (name == null || name.isBlank()) {
            throw ControlException.badRequest("deployment", "missing; put it in the body or in ?deployment=web-blue");
        }
        return name;
    }

    static void allowOnly(JsonNode node, String prefix, Set<String> allowed, String hint) {
        List<String> sorted = new ArrayList<>(allowed);
        java.util.Collections.sort(sorted);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw ControlException.badRequest(prefix + key, "unknown key; allowed: " + String.join(", ", sorted)
                        + " (" + hint + ")");
            }
        }
    }

    static double number(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null) {
            throw ControlException.badRequest(field, "missing");
        }
        if (!n.isNumber()) {
            throw ControlException.badRequest(field, "must be a number, got " + n);
        }
        return n.asDouble();
    }

    static int wholeNumber(JsonNode body, String field, int defaultValue) {
        return body.has(field) ? wholeNumber(body, field) : defaultValue;
    }

    static int wholeNumber(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null) {
            throw ControlException.badRequest(field, "missing");
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber()) {
            throw ControlException.badRequest(field, "must be a whole number, got " + n);
        }
        return n.asInt();
    }

    static boolean flag(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || !n.isBoolean()) {
            throw ControlException.badRequest(field, (n == null ? "missing" : "must be true or false, got " + n));
        }
        return n.asBoolean();
    }

    private static JsonNode object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw ControlException.badRequest(path, node == null ? "missing" : "must be an object, got " + kind(node));
        }
        return node;
    }

    /** Env values are strings in Kubernetes; a bare number is accepted as its text. */
    private static String envValue(String path, JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isNumber()) {
            return value.asText();
        }
        throw ControlException.badRequest(path, "must be a string such as \"20\", got " + kind(value));
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + abbreviate(node.toString());
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
