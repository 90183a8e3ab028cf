package dev.failoverlab.agent.learn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One episode as one line of JSON:
 * {@code {"id":..,"kind":..,"at":"2026-12-04T10:00:00Z","due_at":..,"subject":..,"resolved":..,
 * "predicted":{..},"observed":{..},"labels":{..}}}. Map keys are written sorted so a store is byte-stable;
 * non-finite numbers, which JSON cannot hold, are written as the strings {@code "NaN"}, {@code "Infinity"},
 * {@code "-Infinity"}.
 */
final class EpisodeCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EpisodeCodec() {
    }

    static String toLine(Episode e) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", e.id());
        node.put("kind", e.kind());
        node.put("at", e.at().toString());
        node.put("due_at", e.dueAt().toString());
        node.put("subject", e.subject());
        node.put("resolved", e.resolved());
        writeNumbers(node.putObject("predicted"), e.predicted());
        writeNumbers(node.putObject("observed"), e.observed());
        ObjectNode labels = node.putObject("labels");
        new TreeMap<>(e.labels()).forEach(labels::put);
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write episode " + e.id() + " as JSON", ex);
        }
    }

    /** A line that is not JSON at all: what an interrupted write leaves, as opposed to a wrong field. */
    static final class NotJson extends IllegalArgumentException {
        NotJson(String message) {
            super(message);
        }
    }

    /** Parses one line; the message of the {@link IllegalArgumentException} says what is wrong, without position. */
    static Episode fromLine(String line) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException ex) {
            throw new NotJson("not valid JSON (" + ex.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected one JSON object per line");
        }
        String id = text(node, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("field \"id\" is blank; every episode needs a unique id");
        }
        JsonNode resolved = node.get("resolved");
        if (resolved == null || !resolved.isBoolean()) {
            throw new IllegalArgumentException("field \"resolved\" must be true or false");
        }
        return new Episode(id, text(node, "kind"), instant(node, "at"), instant(node, "due_at"), text(node, "subject"),
                numbers(node, "predicted"), numbers(node, "observed"), labels(node), resolved.booleanValue());
    }

    private static void writeNumbers(ObjectNode target, Map<String, Double> values) {
        new TreeMap<>(values).forEach((k, v) -> {
            if (Double.isFinite(v)) {
                target.put(k, v);
            } else {
                target.put(k, v.toString());
            }
        });
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("field \"" + field + "\" is missing or not a string");
        }
        return value.textValue();
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("field \"" + field + "\" is not an ISO-8601 instant such as "
                    + "2026-12-04T10:15:30Z: \"" + value + "\"");
        }
    }

    private static Map<String, Double> numbers(JsonNode node, String field) {
        JsonNode object = node.get(field);
        if (object == null || !object.isObject()) {
            throw new IllegalArgumentException("field \"" + field + "\" is missing or not an object of numbers");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            JsonNode v = entry.getValue();
            if (v.isNumber()) {
                out.put(entry.getKey(), v.doubleValue());
            } else if (v.isTextual() && isNonFinite(v.textValue())) {
                out.put(entry.getKey(), Double.valueOf(v.textValue()));
            } else {
                throw new IllegalArgumentException("field \"" + field + "." + entry.getKey() + "\" must be a number, got "
                        + v);
            }
        }
        return out;
    }

    private static boolean isNonFinite(String s) {
        return s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity");
    }

    private static Map<String, String> labels(JsonNode node) {
        JsonNode object = node.get("labels");
        if (object == null || !object.isObject()) {
            throw new IllegalArgumentException("field \"labels\" is missing or not an object of strings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (!entry.getValue().isTextual()) {
                throw new IllegalArgumentException("field \"labels." + entry.getKey() + "\" must be a string, got "
                        + entry.getValue());
            }
            out.put(entry.getKey(), entry.getValue().textValue());
        }
        return out;
    }
}
