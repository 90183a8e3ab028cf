package dev.failoverlab.harness.policy;

import dev.failoverlab.loadgen.yaml.YamlFileException;
import dev.failoverlab.harness.scenario.Settings;
import java.time.Duration;

/**
 * Range checks on top of {@link Settings}: a value that parses but makes no sense (a zero period, a negative
 * tolerance) is reported at its place in the scenario file, like a value that does not parse.
 */
final class PolicySettings {

    private PolicySettings() {
    }

    static Duration positiveDuration(Settings settings, String key, Duration fallback) {
        Duration d = settings.duration(key, fallback);
        if (d.isZero() || d.isNegative()) {
            throw at(settings, key, "must be a duration greater than zero (e.g. 15s)");
        }
        return d;
    }

    static Duration nonNegativeDuration(Settings settings, String key, Duration fallback) {
        Duration d = settings.duration(key, fallback);
        if (d.isNegative()) {
            throw at(settings, key, "must not be negative (use 0s to switch it off)");
        }
        return d;
    }

    static int positiveInteger(Settings settings, String key, int fallback) {
        int n = settings.integer(key, fallback);
        if (n < 1) {
            throw at(settings, key, "must be an integer of at least 1, got " + n);
        }
        return n;
    }

    static double numberInRange(Settings settings, String key, double fallback, double min, double max) {
        double x = settings.number(key, fallback);
        if (!(x >= min && x <= max)) {
            throw at(settings, key, "must be a number from " + plain(min) + " to " + plain(max) + ", got "
                    + plain(x));
        }
        return x;
    }

    private static String plain(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    /** Only called for a key that is present: every fallback is valid. */
    private static YamlFileException at(Settings settings, String key, String message) {
        Settings.Value v = settings.values().get(key);
        return new YamlFileException(v.location(), v.path(), message);
    }
}
