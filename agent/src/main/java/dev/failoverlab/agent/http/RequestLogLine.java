package dev.failoverlab.agent.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One logfmt line per decided request, for {@code kubectl logs -f}: endpoint, status, the decision or
 * recommendation the agent gave, mode, how much evidence backs it, its key model outputs, and wall time.
 * Only response content and request metadata go in, so no secret can reach the log through it.
 */
final class RequestLogLine {
    /** Keys that carry the agent's verdict, in the order they are preferred. */
    private static final List<String> DECISION_KEYS =
            List.of("decision", "recommendation", "execution", "prediction");
    private static final int MAX_OUTPUTS = 6;
    private static final int MAX_VALUE_CHARS = 160;

    private final StringBuilder line = new StringBuilder();

    RequestLogLine(String method, String path, int status) {
        add("endpoint", method + " " + path);
        add("status", Integer.toString(status));
    }

    /** Adds what a 2xx answer decided, read from its JSON tree. */
    RequestLogLine decided(JsonNode response) {
        for (String key : DECISION_KEYS) {
            JsonNode found = findText(response, key);
            if (found != null) {
                add(key, found.asText());
            }
        }
        JsonNode mode = response.get("mode");
        if (mode != null && mode.isTextual()) {
            add("mode", mode.asText());
        }
        JsonNode evidence = response.get("evidence");
        if (evidence != null && evidence.isObject()) {
            add("measurements", Integer.toString(evidence.path("measurements").size()));
            add("models", Integer.toString(evidence.path("models").size()));
            add("missing", Integer.toString(evidence.path("missing").size()));
            String outputs = outputs(evidence.path("models"));
            if (!outputs.isEmpty()) {
                add("outputs", outputs);
            }
        }
        JsonNode narrative = response.get("narrative");
        add("narrative", narrative != null && narrative.isTextual() ? "yes" : "no");
        return this;
    }

    /** Adds why a request was refused. */
    RequestLogLine refused(String field, String error) {
        if (field != null) {
            add("field", field);
        }
        add("error", error);
        return this;
    }

    RequestLogLine errorId(String id) {
        add("error_id", id);
        return this;
    }

    String finish(double wallMs) {
        add("wall_ms", String.format(Locale.ROOT, "%.1f", wallMs));
        return line.toString();
    }

    private void add(String key, String value) {
        if (line.length() > 0) {
            line.append(' ');
        }
        line.append(key).append('=').append(quote(value));
    }

    /** {@code model.key=value} for the first few numeric outputs of the evidence's models. */
    private static String outputs(JsonNode models) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (JsonNode model : models) {
            for (Map.Entry<String, JsonNode> e : model.path("outputs").properties()) {
                if (e.getValue().isNumber() && shown < MAX_OUTPUTS) {
                    if (sb.length() > 0) {
                        sb.append(',');
                    }
                    sb.append(model.path("model").asText("model")).append('.').append(e.getKey()).append('=')
                            .append(compact(e.getValue().asDouble()));
                    shown++;
                }
            }
        }
        return sb.toString();
    }

    /** Four significant digits, no exponent, no trailing zeros: {@code 800}, {@code 0.7}, {@code 12.35}. */
    static String compact(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return BigDecimal.valueOf(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** Breadth-first: the shallowest textual value under {@code key}, outside the evidence. */
    private static JsonNode findText(JsonNode root, String key) {
        Deque<JsonNode> queue = new ArrayDeque<>();
        queue.add(root);
        while (!queue.isEmpty()) {
            JsonNode node = queue.poll();
            if (!node.isObject()) {
                continue;
            }
            JsonNode hit = node.get(key);
            if (hit != null && hit.isTextual()) {
                return hit;
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!e.getKey().equals("evidence") && e.getValue().isObject()) {
                    queue.add(e.getValue());
                }
            }
        }
        return null;
    }

    private static String quote(String value) {
        String v = value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS) + "…" : value;
        boolean plain = !v.isEmpty() && v.chars().allMatch(c -> c > ' ' && c != '"' && c != '=' && c != '\\' && c < 127);
        if (plain) {
            return v;
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c < ' ' ? '?' : c);
            }
        }
        return sb.append('"').toString();
    }
}
