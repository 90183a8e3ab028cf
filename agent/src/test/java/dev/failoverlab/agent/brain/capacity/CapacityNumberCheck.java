package dev.failoverlab.agent.brain.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failoverlab.agent.api.AgentResponse;
import dev.failoverlab.agent.evidence.Evidence;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the evidence rule on a serialised response: every number outside {@code evidence} (a JSON number, or a
 * number written in a string) equals a value of the evidence — a measurement, or a model's parameter, fit, output
 * or series value — at the precision it is shown, or 100 times one (a percentage of a stored fraction). Numbers
 * glued to letters ({@code p95}) are names, not figures.
 */
final class CapacityNumberCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z0-9.])\\d+(?:\\.\\d+)?");

    private CapacityNumberCheck() {
    }

    /** The numbers of {@code response} that the evidence does not hold, as {@code path: value}. */
    static List<String> unmatched(AgentResponse response) {
        List<Double> known = values(response.evidence());
        JsonNode tree = JSON.valueToTree(response);
        ((ObjectNode) tree).remove("evidence");
        List<String> out = new ArrayList<>();
        walk(tree, "$", known, out);
        return out;
    }

    private static List<Double> values(Evidence e) {
        List<Double> v = new ArrayList<>();
        e.measurements().forEach(m -> v.add(m.value()));
        for (Evidence.ModelOutput m : e.models()) {
            v.addAll(m.parameters().values());
            v.addAll(m.fit().values());
            v.addAll(m.outputs().values());
            m.series().values().forEach(v::addAll);
        }
        return v.stream().filter(Double::isFinite).map(Math::abs).toList();
    }

    private static void walk(JsonNode node, String path, List<Double> known, List<String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                walk(f.getValue(), path + "." + f.getKey(), known, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", known, out);
            }
        } else if (node.isNumber()) {
            double v = Math.abs(node.asDouble());
            if (known.stream().noneMatch(k -> Math.abs(k - v) <= 1e-9 * Math.max(1, v))) {
                out.add(path + ": " + node.asText());
            }
        } else if (node.isTextual()) {
            Matcher m = NUMBER.matcher(node.asText());
            while (m.find()) {
                if (!shown(m.group(), known)) {
                    out.add(path + ": " + m.group() + " in \"" + node.asText() + "\"");
                }
            }
        }
    }

    /** Whether some evidence value, or 100 times one, rounds to {@code token} at its number of decimals. */
    private static boolean shown(String token, List<Double> known) {
        int dot = token.indexOf('.');
        int decimals = dot < 0 ? 0 : token.length() - dot - 1;
        double value = Double.parseDouble(token);
        String format = "%." + decimals + "f";
        for (double k : known) {
            for (double candidate : new double[] {k, k * 100}) {
                if (Math.abs(candidate - value) < 1 && String.format(Locale.ROOT, format, candidate).equals(token)) {
                    return true;
                }
            }
        }
        return false;
    }
}
