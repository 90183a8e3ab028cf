package dev.failoverlab.loadgen.yaml;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A typed, position-aware view of one node of SnakeYAML's composed tree. Every accessor either returns a
 * checked value or throws a {@link YamlFileException} at this node's line and column, naming the field path
 * (e.g. {@code load[2].ramp.over}) so the user can jump straight to the mistake.
 */
public final class YamlNode {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");

    private final Node node;
    private final String file;
    private final String path;
    private Map<String, Entry> entries;

    /** One key of a mapping: the key (for "unknown key" errors) and its value. */
    public record Entry(String key, YamlNode keyNode, YamlNode value) {
    }

    private YamlNode(Node node, String file, String path) {
        this.node = node;
        this.file = file;
        this.path = path;
    }

    /** The underlying SnakeYAML node (for free-form sections such as a query body). */
    public Node raw() {
        return node;
    }

    /** Composes a whole document; syntax errors become positioned {@link YamlFileException}s. */
    public static YamlNode compose(String yaml, String file) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            SourceLocation where = mark == null ? new SourceLocation(file, 1, 1)
                    : new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
            // the context says what was open when it went wrong, e.g. an unclosed '{' lines earlier
            String context = e.getContext() == null ? "" : " (" + e.getContext()
                    + (e.getContextMark() == null ? "" : " that starts at line " + (e.getContextMark().getLine() + 1)
                    + ", column " + (e.getContextMark().getColumn() + 1)) + ")";
            throw new YamlFileException(where, "", "YAML syntax error: " + e.getProblem() + context);
        } catch (YAMLException e) {
            throw new YamlFileException(new SourceLocation(file, 1, 1), "", "YAML error: " + e.getMessage());
        }
        if (root == null) {
            throw new YamlFileException(new SourceLocation(file, 1, 1), "",
                    "the file is empty; a scenario needs at least name, duration and load");
        }
        return new YamlNode(root, file, "");
    }

    public String path() {
        return path;
    }

    public SourceLocation location() {
        Mark mark = node.getStartMark();
        return new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    public YamlFileException error(String message) {
        return new YamlFileException(location(), path, message);
    }

    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    // ---- mappings ------------------------------------------------------------------------------------------

    /** Keys and values in file order; duplicate keys are an error. */
    public Map<String, Entry> entries() {
        if (entries != null) {
            return entries;
        }
        if (!(node instanceof MappingNode mapping)) {
            throw error("expected a mapping of keys to values, got " + kind());
        }
        Map<String, Entry> result = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            YamlNode key = new YamlNode(tuple.getKeyNode(), file, path);
            if (!(tuple.getKeyNode() instanceof ScalarNode scalar)) {
                throw key.error("keys must be plain names, got " + key.kind());
            }
            String name = scalar.getValue();
            String childPath = path.isEmpty() ? name : path + "." + name;
            Entry previous = result.put(name,
                    new Entry(name, new YamlNode(scalar, file, childPath), new YamlNode(tuple.getValueNode(), file, childPath)));
            if (previous != null) {
                throw new YamlNode(scalar, file, childPath).error(
                        "duplicate key '" + name + "' (first set at line " + previous.keyNode().location().line() + ")");
            }
        }
        entries = result;
        return result;
    }

    public boolean has(String key) {
        return entries().containsKey(key);
    }

    public Optional<YamlNode> get(String key) {
        Entry entry = entries().get(key);
        return entry == null ? Optional.empty() : Optional.of(entry.value());
    }

    public YamlNode require(String key) {
        return get(key).orElseThrow(() -> error("missing required key '" + key + "'"));
    }

    /** Rejects any key not in {@code allowed}; the message lists the allowed keys in the given order. */
    public void forbidUnknownKeys(Collection<String> allowed) {
        for (Entry entry : entries().values()) {
            if (!allowed.contains(entry.key())) {
                throw entry.keyNode().error("unknown key '" + entry.key() + "'; allowed keys: "
                        + String.join(", ", allowed));
            }
        }
    }

    /** The first key of a mapping whose key is one of {@code kinds}; exactly one such key is required. */
    public Entry requireOneOf(List<String> kinds, String what) {
        Entry found = null;
        for (Entry entry : entries().values()) {
            if (kinds.contains(entry.key())) {
                if (found != null) {
                    throw entry.keyNode().error(what + " has exactly one kind, found both '" + found.key()
                            + "' and '" + entry.key() + "'");
                }
                found = entry;
            }
        }
        if (found == null) {
            throw error(what + " needs one of: " + String.join(", ", kinds));
        }
        return found;
    }

    // ---- sequences -----------------------------------------------------------------------------------------

    public List<YamlNode> elements() {
        if (!(node instanceof SequenceNode sequence)) {
            throw error("expected a list, got " + kind());
        }
        List<YamlNode> result = new ArrayList<>();
        List<Node> values = sequence.getValue();
        for (int i = 0; i < values.size(); i++) {
            result.add(new YamlNode(values.get(i), file, path + "[" + i + "]"));
        }
        return result;
    }

    // ---- scalars -------------------------------------------------------------------------------------------

    public String asString() {
        return scalar("a string");
    }

    public double asNumber(NumberRange range) {
        String text = scalar("a number");
        if (!NUMBER.matcher(text).matches()) {
            throw error("expected a number, got '" + text + "'");
        }
        double value = Double.parseDouble(text);
        if (!range.contains(value)) {
            throw error(range.rule() + ", got " + text);
        }
        return value;
    }

    public int asInt(NumberRange range) {
        String text = scalar("a whole number");
        if (!INTEGER.matcher(text).matches()) {
            throw error("expected a whole number, got '" + text + "'");
        }
        long value;
        try {
            value = Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            throw error("number too large: " + text);
        }
        if (!range.contains(value) || value > Integer.MAX_VALUE) {
            throw error(range.rule() + ", got " + text);
        }
        return (int) value;
    }

    public Duration asDuration() {
        String text = scalar("a duration like 30s or 5m");
        if (INTEGER.matcher(text).matches() || NUMBER.matcher(text).matches()) {
            throw error("expected a duration like 30s or 5m, got '" + text + "' (add a unit: ms, s, m or h)");
        }
        return Durations.parse(text, location(), path);
    }

    public boolean asBoolean() {
        String text = scalar("true or false");
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw error("expected true or false, got '" + text + "'");
    }

    // ---- shorthands for a key of this mapping --------------------------------------------------------------

    public String requireString(String key) {
        return require(key).asString();
    }

    public String optionalString(String key, String fallback) {
        return get(key).map(YamlNode::asString).orElse(fallback);
    }

    public double requireNumber(String key, NumberRange range) {
        return require(key).asNumber(range);
    }

    public double optionalNumber(String key, double fallback, NumberRange range) {
        return get(key).map(v -> v.asNumber(range)).orElse(fallback);
    }

    public int optionalInt(String key, int fallback, NumberRange range) {
        return get(key).map(v -> v.asInt(range)).orElse(fallback);
    }

    public Duration requireDuration(String key) {
        return require(key).asDuration();
    }

    /** The duration under {@code key}, or {@code fallback} (which may be null) when the key is absent. */
    public Duration optionalDuration(String key, Duration fallback) {
        return get(key).map(YamlNode::asDuration).orElse(fallback);
    }

    private String scalar(String expected) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error("expected " + expected + ", got " + kind());
        }
        if (scalar.getTag().equals(Tag.NULL)) {
            throw error("needs a value (expected " + expected + "; remove the key to use the default)");
        }
        return scalar.getValue().trim();
    }

    private String kind() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        return scalar.getTag().equals(Tag.NULL) ? "nothing" : "'" + scalar.getValue() + "'";
    }
}
