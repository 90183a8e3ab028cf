package dev.failoverlab.agent.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failoverlab.agent.api.EvaluateRequest;
import dev.failoverlab.agent.api.FailoverAssessmentRequest;
import dev.failoverlab.agent.api.InsightsRequest;
import dev.failoverlab.agent.api.OptimizeRequest;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded request bodies for the fuzz test: the runbook's five bodies verbatim and mutated (type swaps, deletions,
 * vocabulary swaps, huge numbers, deep nesting, invalid UTF-8, truncation, byte flips), plus random JSON values.
 */
final class FuzzBodies {
    /** One generated request: its kind (for the tally), content type and raw bytes. */
    record Body(String kind, String contentType, byte[] bytes) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String JSON = "application/json";
    private static final List<String> WORDS = vocabulary();
    private static final String[] HUGE = {"1e400", "-1e400", "1e-400", "123456789012345678901234567890",
            "-0.0", "9".repeat(99), "9".repeat(150), "0." + "0".repeat(120) + "1", "4.9e-324", "1.7976931348623157e308"};
    private static final byte[][] BAD_UTF8 = {{(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}};

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, JsonNode> seeds;
    private final List<String> paths;

    FuzzBodies(Map<String, JsonNode> seedsByPath) {
        this.seeds = seedsByPath;
        this.paths = new ArrayList<>(seedsByPath.keySet());
    }

    Body next(String path, SplittableRandom rnd) {
        JsonNode seed = (rnd.nextInt(10) < 7 ? seeds.get(path) : seeds.get(paths.get(rnd.nextInt(paths.size())))).deepCopy();
        int kind = rnd.nextInt(12);
        return switch (kind) {
            case 0 -> json("verbatim", seed);
            case 1 -> json("random-value", randomValue(rnd, 4));
            case 2 -> json("type-swap", replaceRandom(seed, rnd, randomValue(rnd, 2)));
            case 3 -> json("deletion", delete(seed, rnd));
            case 4 -> json("vocabulary", replaceRandom(seed, rnd, NODES.textNode(WORDS.get(rnd.nextInt(WORDS.size()))), true));
            case 5 -> new Body("huge-number", JSON, bytes(replaceRaw(seed, rnd, HUGE[rnd.nextInt(HUGE.length)])));
            case 6 -> new Body("deep-nesting", JSON, bytes(replaceRaw(seed, rnd, nest(rnd))));
            case 7 -> new Body("invalid-utf8", JSON, insert(bytes(seed.toPrettyString()), rnd,
                    BAD_UTF8[rnd.nextInt(BAD_UTF8.length)]));
            case 8 -> truncated(seed, rnd);
            case 9 -> flipped(seed, rnd);
            case 10 -> json("add-unknown", addUnknown(seed, rnd));
            default -> odd(seed, rnd);
        };
    }

    private Body json(String kind, JsonNode node) {
        return new Body(kind, JSON, bytes(node.toString()));
    }

    private Body truncated(JsonNode seed, SplittableRandom rnd) {
        byte[] b = bytes(seed.toPrettyString());
        return new Body("truncation", JSON, java.util.Arrays.copyOf(b, rnd.nextInt(b.length)));
    }

    private Body flipped(JsonNode seed, SplittableRandom rnd) {
        byte[] b = bytes(seed.toString());
        for (int i = 1 + rnd.nextInt(3); i > 0; i--) {
            b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
        }
        return new Body("byte-flip", JSON, b);
    }

    /** Empty bodies, wrong content types and charsets. */
    private Body odd(JsonNode seed, SplittableRandom rnd) {
        return switch (rnd.nextInt(4)) {
            case 0 -> new Body("empty", JSON, new byte[0]);
            case 1 -> new Body("form-content-type", "application/x-www-form-urlencoded", bytes(seed.toString()));
            case 2 -> new Body("text-content-type", "text/plain", bytes(seed.toString()));
            default -> new Body("latin1-charset", "application/json; charset=ISO-8859-1", bytes(seed.toString()));
        };
    }

    private JsonNode randomValue(SplittableRandom rnd, int depth) {
        int pick = depth <= 0 ? rnd.nextInt(6) : rnd.nextInt(8);
        return switch (pick) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(rnd.nextBoolean());
            case 2 -> NODES.numberNode(rnd.nextInt(-1000, 1000));
            case 3 -> NODES.numberNode(rnd.nextDouble() * Math.pow(10, rnd.nextInt(-5, 12)));
            case 4 -> NODES.textNode(WORDS.get(rnd.nextInt(WORDS.size())));
            case 5 -> NODES.numberNode(new BigInteger(80, new java.util.Random(rnd.nextLong())));
            case 6 -> {
                ArrayNode a = NODES.arrayNode();
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    a.add(randomValue(rnd, depth - 1));
                }
                yield a;
            }
            default -> {
                ObjectNode o = NODES.objectNode();
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    o.set(WORDS.get(rnd.nextInt(WORDS.size())), randomValue(rnd, depth - 1));
                }
                yield o;
            }
        };
    }

    private JsonNode replaceRandom(JsonNode root, SplittableRandom rnd, JsonNode value) {
        return replaceRandom(root, rnd, value, false);
    }

    /** Replaces one value somewhere in the tree (only a string, when {@code textOnly}). */
    private JsonNode replaceRandom(JsonNode root, SplittableRandom rnd, JsonNode value, boolean textOnly) {
        List<JsonNode[]> slots = new ArrayList<>();
        collect(root, slots);
        if (textOnly) {
            slots.removeIf(s -> !s[1].isTextual());
        }
        if (slots.isEmpty()) {
            return root;
        }
        JsonNode[] slot = slots.get(rnd.nextInt(slots.size()));
        set(slot, value);
        return root;
    }

    /** Serialises the tree with one value swapped for raw text (which Jackson could not build as a node). */
    private String replaceRaw(JsonNode root, SplittableRandom rnd, String raw) {
        String marker = "__RAW_" + rnd.nextInt(1_000_000) + "__";
        replaceRandom(root, rnd, NODES.textNode(marker));
        return root.toString().replace("\"" + marker + "\"", raw);
    }

    private JsonNode delete(JsonNode root, SplittableRandom rnd) {
        List<JsonNode[]> slots = new ArrayList<>();
        collect(root, slots);
        if (!slots.isEmpty()) {
            JsonNode[] slot = slots.get(rnd.nextInt(slots.size()));
            if (slot[0] instanceof ObjectNode o) {
                o.remove(slot[2].asText());
            } else if (slot[0] instanceof ArrayNode a) {
                a.remove(slot[2].asInt());
            }
        }
        return root;
    }

    private JsonNode addUnknown(JsonNode root, SplittableRandom rnd) {
        ((ObjectNode) root).set("extra_" + rnd.nextInt(100), randomValue(rnd, 3));
        return root;
    }

    private static String nest(SplittableRandom rnd) {
        int depth = rnd.nextBoolean() ? rnd.nextInt(2, 60) : rnd.nextInt(60, 3000);
        boolean arrays = rnd.nextBoolean();
        String open = arrays ? "[" : "{\"n\":";
        return open.repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
    }

    /** Every (parent, child, key-or-index) triple under the root. */
    private static void collect(JsonNode node, List<JsonNode[]> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.add(new JsonNode[] {node, e.getValue(), NODES.textNode(e.getKey())});
                collect(e.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new JsonNode[] {node, node.get(i), NODES.numberNode(i)});
                collect(node.get(i), out);
            }
        }
    }

    private static void set(JsonNode[] slot, JsonNode value) {
        if (slot[0] instanceof ObjectNode o) {
            o.set(slot[2].asText(), value);
        } else if (slot[0] instanceof ArrayNode a) {
            a.set(slot[2].asInt(), value);
        }
    }

    private static byte[] insert(byte[] b, SplittableRandom rnd, byte[] bad) {
        int at = rnd.nextInt(b.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, at);
        out.write(bad, 0, bad.length);
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Valid and near-valid words: every enumerated value the agent knows, phrases, and junk. */
    private static List<String> vocabulary() {
        // sorted: Set.of iterates in a per-JVM random order, which would break the seed's reproducibility
        java.util.TreeSet<String> w = new java.util.TreeSet<>();
        w.addAll(EvaluateRequest.METRICS);
        w.addAll(FailoverAssessmentRequest.SCENARIOS);
        w.addAll(FailoverAssessmentRequest.PRIORITIES);
        w.addAll(FailoverAssessmentRequest.Context.TIMES);
        w.addAll(FailoverAssessmentRequest.Context.TOLERANCES);
        w.addAll(FailoverAssessmentRequest.Context.COSTS);
        w.addAll(OptimizeRequest.GOALS);
        w.addAll(InsightsRequest.QUERIES);
        w.addAll(List.of("analyze_scaling_needs", "assess_deployment_health", "10_minutes", "1_hour", "90s", "5m",
                "0s", "99999_hours", "2x_normal", "800rps", "0x_normal", "101x", "normal", "1e9rps", "web-blue",
                "web-green", "", " ", "task", "context", "deployments", "constraints", "\u0000", "\uD83D\uDE00",
                "NaN", "Infinity", "-1", "null", "true", "${jndi:ldap://x}", "' OR 1=1 --", "é".repeat(50)));
        return List.copyOf(w);
    }

    String describe(Body b) {
        String text = new String(b.bytes(), StandardCharsets.UTF_8);
        return b.kind() + " " + b.contentType() + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }

    ObjectMapper mapper() {
        return mapper;
    }
}
