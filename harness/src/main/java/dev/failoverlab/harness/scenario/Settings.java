package dev.failoverlab.harness.scenario;

import dev.failoverlab.loadgen.yaml.SourceLocation;
import dev.failoverlab.loadgen.yaml.Durations;
import dev.failoverlab.loadgen.yaml.YamlFileException;
import java.time.Duration;
import java.util.Map;

/**
 * Per-policy overrides from a scenario, with the location of each value so a bad value is reported at its
 * place in the file. Keys are validated against the policy's declared keys when parsing.
 */
public record Settings(Map<String, Value> values) {

    public static final Settings EMPTY = new Settings(Map.of());

    public Settings {
        values = Map.copyOf(values);
    }

    /** A raw scalar and where it was written. */
    public record Value(String text, SourceLocation location, String path) {
    }

    public Duration duration(String key, Duration fallback) {
        Value v = values.get(key);
        return v == null ? fallback : Durations.parse(v.text(), v.location(), v.path());
    }

    public double number(String key, double fallback) {
        Value v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.text());
        } catch (NumberFormatException e) {
            throw new YamlFileException(v.location(), v.path(), "expected a number, got '" + v.text() + "'");
        }
    }

    public int integer(String key, int fallback) {
        Value v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.text());
        } catch (NumberFormatException e) {
            throw new YamlFileException(v.location(), v.path(), "expected an integer, got '" + v.text() + "'");
        }
    }
}
