package dev.failoverlab.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failoverlab.agent.evidence.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Accepts a narration only if every number it states is in the response's evidence. A number matches an evidence
 * value (sign ignored) when equal at the precision shown ({@code 45} matches 45.3, {@code 0.2} matches 0.21); a
 * number marked as a percentage ({@code %}, {@code percent}) also matches a stored fraction times 100, and only
 * numeric fields (a window written {@code 12m} does not back "12%"). Digits
 * glued behind letters are labels, not quantities ({@code p95}, {@code m12}). Small counts get no pass: "2 pods"
 * and "two pods" both need a 2 in the evidence. Evidence values are every numeric field of the evidence plus the
 * numbers written in its text (windows like {@code 5m}, model notes).
 */
public final class NumberGuard {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.])(?:(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?|\\.(\\d+))(?!\\d)"
                    + "(\\s*(?:%|percent\\b|per cent\\b))?",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("zero", 0), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("twice", 2), Map.entry("double", 2),
            Map.entry("triple", 3));
    private static final Pattern WORD = Pattern.compile("\\b(" + String.join("|", WORDS.keySet()) + ")\\b",
            Pattern.CASE_INSENSITIVE);

    private NumberGuard() {
    }

    /** A number as a text states it: what was written, its value, decimals shown, and whether it is a percent. */
    public record Stated(String shown, double value, int decimals, boolean percent) {
        /** Half a unit of the last digit shown: the rounding a reader allows. */
        double tolerance() {
            return 0.5 * Math.pow(10, -decimals) + 1e-9 * Math.abs(value);
        }
    }

    /** The guard's answer: accepted, or the numbers the evidence does not hold. */
    public record Verdict(boolean accepted, List<String> unsupported) {
        public String reason() {
            return accepted ? "all numbers found in the evidence" : "numbers not in the evidence: " + unsupported;
        }
    }

    public static Verdict check(String text, Evidence evidence) {
        if (text == null || text.isBlank()) {
            return new Verdict(false, List.of("(empty text)"));
        }
        List<Double> numeric = new ArrayList<>();
        List<Double> written = new ArrayList<>();
        if (evidence != null) {
            collect(JSON.valueToTree(evidence), numeric, written);
        }
        List<String> unsupported = new ArrayList<>();
        for (Stated n : numbersIn(text)) {
            if (!supported(n, numeric, true) && (n.percent() || !supported(n, written, false))) {
                unsupported.add(n.shown());
            }
        }
        return new Verdict(unsupported.isEmpty(), List.copyOf(unsupported));
    }

    /** Every number a text states, in digits or as a count word. */
    public static List<Stated> numbersIn(String text) {
        List<Stated> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String integer = m.group(1) == null ? "0" : m.group(1).replace(",", "");
            String fraction = m.group(1) == null ? m.group(3) : m.group(2);
            double value = Double.parseDouble(fraction == null ? integer : integer + "." + fraction);
            out.add(new Stated(m.group().trim(), value, fraction == null ? 0 : fraction.length(), m.group(4) != null));
        }
        Matcher w = WORD.matcher(text);
        while (w.find()) {
            out.add(new Stated(w.group(), WORDS.get(w.group().toLowerCase(Locale.ROOT)), 0, false));
        }
        return out;
    }

    /** Splits the evidence into its numeric fields and the numbers written in its text fields. */
    private static void collect(JsonNode node, List<Double> numeric, List<Double> written) {
        if (node.isNumber()) {
            double v = node.asDouble();
            if (Double.isFinite(v)) {
                numeric.add(Math.abs(v));
            }
        } else if (node.isTextual()) {
            for (Stated s : numbersIn(node.asText())) {
                written.add(s.value());
            }
        } else if (node.isContainerNode()) {
            for (JsonNode child : node) {
                collect(child, numeric, written);
            }
        }
    }

    private static boolean supported(Stated n, List<Double> values, boolean asPercentToo) {
        double tol = n.tolerance();
        for (double v : values) {
            if (Math.abs(n.value() - v) <= tol || (asPercentToo && n.percent() && Math.abs(n.value() - v * 100) <= tol)) {
                return true;
            }
        }
        return false;
    }
}
