package dev.failoverlab.harness.scenario;

import dev.failoverlab.loadgen.yaml.YamlNode;
import dev.failoverlab.loadgen.yaml.Durations;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads {@code queries:} — {@code [{at: 0s, endpoint: optimize, body: {...}}]}. The body is free-form YAML
 * turned into JSON with YAML's own scalar types (numbers stay numbers, quoted strings stay strings), so a
 * runbook curl body can be pasted in YAML flow style.
 */
final class QueryReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KEYS = List.of("at", "endpoint", "body");

    private QueryReader() {
    }

    static List<ScriptedQuery> read(YamlNode list, Duration runDuration) {
        List<ScriptedQuery> out = new ArrayList<>();
        for (YamlNode q : list.elements()) {
            q.forbidUnknownKeys(KEYS);
            YamlNode atNode = q.require("at");
            Duration at = atNode.asDuration();
            if (at.compareTo(runDuration) >= 0) {
                throw atNode.error("query at " + Durations.format(at) + " is not before the end of the run ("
                        + Durations.format(runDuration) + ")");
            }
            YamlNode endpointNode = q.require("endpoint");
            String endpoint = endpointNode.asString();
            if (!ScriptedQuery.ENDPOINTS.contains(endpoint)) {
                throw endpointNode.error("unknown endpoint '" + endpoint + "' (allowed: "
                        + String.join(", ", ScriptedQuery.ENDPOINTS) + ")");
            }
            YamlNode body = q.require("body");
            if (!body.isMapping()) {
                throw body.error("expected a mapping (the request body), e.g. {query: summarize_learnings}");
            }
            try {
                out.add(new ScriptedQuery(at, endpoint, JSON.writeValueAsString(toJson(body.raw())), q.location()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw body.error("cannot turn the body into JSON: " + e.getOriginalMessage());
            }
        }
        return out;
    }

    private static JsonNode toJson(Node node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof MappingNode m) {
            ObjectNode o = f.objectNode();
            for (NodeTuple t : m.getValue()) {
                o.set(((ScalarNode) t.getKeyNode()).getValue(), toJson(t.getValueNode()));
            }
            return o;
        }
        if (node instanceof SequenceNode s) {
            ArrayNode a = f.arrayNode();
            s.getValue().forEach(n -> a.add(toJson(n)));
            return a;
        }
        ScalarNode scalar = (ScalarNode) node;
        String v = scalar.getValue();
        Tag tag = scalar.getTag();
        if (Tag.INT.equals(tag)) {
            return f.numberNode(Long.parseLong(v));
        }
        if (Tag.FLOAT.equals(tag)) {
            return f.numberNode(Double.parseDouble(v));
        }
        if (Tag.BOOL.equals(tag)) {
            return f.booleanNode(Boolean.parseBoolean(v));
        }
        if (Tag.NULL.equals(tag)) {
            return f.nullNode();
        }
        return f.textNode(v);
    }
}
