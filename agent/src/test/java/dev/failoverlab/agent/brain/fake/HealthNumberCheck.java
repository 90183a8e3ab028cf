package dev.failoverlab.agent.brain.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the evidence rule on a serialised response: every number outside {@code evidence} — JSON numbers and
 * numbers written inside text — equals an evidence value (a measurement, or a model's parameter, fit or output),
 * possibly rounded to the digits shown, or shown as a percentage of a stored fraction. Numbers glued to a letter
 * ("p95", "v1") are names, not figures.
 */
public final class HealthNumberCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z0-9_.])(\\d+(?:\\.\\d+)?)");

    private HealthNumberCheck() {
    }

    /** The numbers of {@code response} that no evidence entry supports; empty when the rule holds. */
    public static List<String> unsupported(Object response) {
        JsonNode root = JSON.valueToTree(response);
        List<Double> evidence = new ArrayList<>();
        collectEvidence(root.path("evidence"), evidence);
        List<String> bad = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!f.getKey().equals("evidence")) {
                check(f.getKey(), f.getValue(), evidence, bad);
            }
        }
        return bad;
    }

    public static String json(Object response) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collectEvidence(JsonNode n, List<Double> out) {
        for (JsonNode m : n.path("measurements")) {
            out.add(m.path("value").asDouble());
        }
        for (JsonNode m : n.path("models")) {
            for (String section : List.of("parameters", "fit", "outputs")) {
                m.path(section).fields().forEachRemaining(e -> out.add(e.getValue().asDouble()));
            }
        }
    }

    private static void check(String path, JsonNode n, List<Double> evidence, List<String> bad) {
        if (n.isNumber()) {
            String text = n.asText();
            if (!supported(text, evidence)) {
                bad.add(path + " = " + text);
            }
        } else if (n.isTextual()) {
            Matcher m = NUMBER.matcher(n.asText());
            while (m.find()) {
                if (!supported(m.group(1), evidence)) {
                    bad.add(path + ": " + m.group(1) + " in \"" + n.asText() + "\"");
                }
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                check(path + "[" + i + "]", n.get(i), evidence, bad);
            }
        } else if (n.isObject()) {
            n.fields().forEachRemaining(e -> check(path + "." + e.getKey(), e.getValue(), evidence, bad));
        }
    }

    private static boolean supported(String shown, List<Double> evidence) {
        double v = Double.parseDouble(shown);
        int dot = shown.indexOf('.');
        int decimals = dot < 0 ? 0 : shown.length() - dot - 1;
        double tolerance = 0.5 * Math.pow(10, -decimals) + 1e-9;
        for (double e : evidence) {
            if (Math.abs(e - v) <= tolerance || Math.abs(e * 100 - v) <= tolerance) {
                return true;
            }
        }
        return false;
    }
}
