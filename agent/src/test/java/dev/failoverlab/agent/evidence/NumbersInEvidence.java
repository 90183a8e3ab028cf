package dev.failoverlab.agent.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the provenance rule of every response: each number shown outside {@code evidence} — in a string or as a
 * JSON number — must be a value of the evidence rounded to the precision shown, or such a value × 100 (a stored
 * fraction shown as a percentage). Signs are not compared: sentences carry direction in words ("lower", "fewer").
 * Digits that are part of a name ({@code p95}, {@code v3}, {@code m12}, {@code gpt-4o}) or a path ({@code /2026/})
 * are not numbers. Use {@link #assertAllInEvidence(Object)} in endpoint tests.
 */
public final class NumbersInEvidence {
    /** Digits not glued to a name or path; thousands groups "50,000" read as one number. */
    private static final Pattern NUMBER =
            Pattern.compile("(?<![\\p{L}\\p{N}_./])(?<!\\p{L}-)(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NumbersInEvidence() {
    }

    /** A number as shown: where, its value, and how many decimals it was shown with. */
    public record Shown(String path, double value, int decimals) {
        boolean matches(double evidence) {
            double tolerance = 0.5 * Math.pow(10, -decimals) * (1 + 1e-9) + 1e-12;
            double e = Math.abs(evidence);
            return Math.abs(e - value) <= tolerance || Math.abs(e * 100 - value) <= tolerance;
        }
    }

    /** Fails with every unmatched number (path and value) when any number lacks evidence. */
    public static void assertAllInEvidence(Object response) {
        List<String> missing = unmatched(response instanceof JsonNode n ? n : MAPPER.valueToTree(response));
        if (!missing.isEmpty()) {
            throw new AssertionError(missing.size() + " number(s) shown without evidence:\n  "
                    + String.join("\n  ", missing));
        }
    }

    /** Descriptions ({@code path: value}) of the shown numbers no evidence value accounts for. */
    public static List<String> unmatched(JsonNode response) {
        List<Double> evidence = evidenceValues(response);
        List<String> out = new ArrayList<>();
        for (Shown s : shownNumbers(response)) {
            if (evidence.stream().noneMatch(s::matches)) {
                out.add(s.path() + ": " + BigDecimal.valueOf(s.value()).setScale(s.decimals(),
                        java.math.RoundingMode.HALF_UP).toPlainString());
            }
        }
        return out;
    }

    /** Every number shown outside the top-level {@code evidence} field. */
    public static List<Shown> shownNumbers(JsonNode response) {
        List<Shown> out = new ArrayList<>();
        if (response.isObject()) {
            for (Map.Entry<String, JsonNode> field : response.properties()) {
                if (!field.getKey().equals("evidence")) {
                    collect(field.getValue(), field.getKey(), out);
                }
            }
        } else {
            collect(response, "", out);
        }
        return out;
    }

    /** Every JSON number anywhere under the top-level {@code evidence} field. */
    public static List<Double> evidenceValues(JsonNode response) {
        List<Double> out = new ArrayList<>();
        JsonNode evidence = response.get("evidence");
        if (evidence != null) {
            gatherNumbers(evidence, out);
        }
        return out;
    }

    /** Numbers in a sentence, as {@link #shownNumbers} reads them. */
    public static List<Shown> numbersIn(String text, String path) {
        List<Shown> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String whole = m.group(1).replace(",", "");
            String fraction = m.group(2);
            double value = Double.parseDouble(fraction == null ? whole : whole + "." + fraction);
            out.add(new Shown(path + " \"" + text + "\"", value, fraction == null ? 0 : fraction.length()));
        }
        return out;
    }

    private static void collect(JsonNode node, String path, List<Shown> out) {
        if (node.isTextual()) {
            out.addAll(numbersIn(node.textValue(), path));
        } else if (node.isNumber()) {
            BigDecimal exact = node.decimalValue().stripTrailingZeros();
            out.add(new Shown(path, Math.abs(node.doubleValue()), Math.max(0, exact.scale())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", out);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collect(field.getValue(), path + "." + field.getKey(), out);
            }
        }
    }

    private static void gatherNumbers(JsonNode node, List<Double> out) {
        if (node.isNumber()) {
            out.add(node.doubleValue());
        } else if (node.isContainerNode()) {
            node.forEach(child -> gatherNumbers(child, out));
        }
    }
}
