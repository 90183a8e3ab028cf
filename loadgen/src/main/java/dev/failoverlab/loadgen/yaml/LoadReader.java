package dev.failoverlab.loadgen.yaml;

import dev.failoverlab.loadgen.profile.LoadProfile;
import dev.failoverlab.loadgen.profile.LoadSegment;
import dev.failoverlab.loadgen.profile.TraceReplay;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads {@code load:}, a list of one-key maps played in order, into the {@link LoadProfile} shared by the
 * simulator and the real load generator. The profile's own constructors validate too; their
 * {@link IllegalArgumentException}s are turned into positioned errors here.
 */
public final class LoadReader {
    public static final List<String> KINDS = List.of("constant", "ramp", "step", "spike", "sine", "replay");

    private static final List<String> CONSTANT = List.of("rps", "for");
    private static final List<String> RAMP = List.of("from", "to", "over");
    private static final List<String> STEP = List.of("rps", "every");
    private static final List<String> SPIKE = List.of("base", "peak", "at", "rise", "hold", "for");
    private static final List<String> SINE = List.of("mean", "amplitude", "period", "phase", "for");
    private static final List<String> REPLAY = List.of("file", "interval", "skip", "compress", "scale", "peakRps",
            "for");
    private static final NumberRange RATE = NumberRange.ANY_NON_NEGATIVE;

    private final Path baseDir;

    public LoadReader(Path baseDir) {
        this.baseDir = baseDir;
    }

    public LoadProfile read(YamlNode load, Duration scenarioDuration) {
        List<YamlNode> items = load.elements();
        if (items.isEmpty()) {
            throw load.error("needs at least one segment: " + String.join(", ", KINDS));
        }
        List<LoadSegment> segments = new ArrayList<>();
        double end = 0;
        double limit = scenarioDuration.toMillis() / 1000.0;
        for (YamlNode item : items) {
            item.forbidUnknownKeys(KINDS);
            YamlNode.Entry kind = item.requireOneOf(KINDS, "a load segment");
            LoadSegment segment = segment(kind.key(), kind.value());
            segments.add(segment);
            end += segment.durationSeconds();
            if (end > limit + 1e-9) {
                throw item.error("the load ends at " + seconds(end) + ", after the scenario's duration "
                        + Durations.format(scenarioDuration) + " (shorten the load or raise duration)");
            }
        }
        return new LoadProfile(segments);
    }

    private LoadSegment segment(String kind, YamlNode body) {
        return switch (kind) {
            case "constant" -> {
                body.forbidUnknownKeys(CONSTANT);
                double rps = body.requireNumber("rps", RATE);
                double seconds = seconds(body, "for");
                yield build(body, () -> new LoadSegment.Constant(rps, seconds));
            }
            case "ramp" -> {
                body.forbidUnknownKeys(RAMP);
                double from = body.requireNumber("from", RATE);
                double to = body.requireNumber("to", RATE);
                double seconds = seconds(body, "over");
                yield build(body, () -> new LoadSegment.Ramp(from, to, seconds));
            }
            case "step" -> step(body);
            case "spike" -> spike(body);
            case "sine" -> sine(body);
            default -> replay(body);
        };
    }

    private LoadSegment step(YamlNode body) {
        body.forbidUnknownKeys(STEP);
        List<YamlNode> levelNodes = body.require("rps").elements();
        double[] levels = new double[levelNodes.size()];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = levelNodes.get(i).asNumber(RATE);
        }
        double every = seconds(body, "every");
        return build(body, () -> new LoadSegment.Step(levels, every));
    }

    private LoadSegment spike(YamlNode body) {
        body.forbidUnknownKeys(SPIKE);
        double base = body.requireNumber("base", RATE);
        double peak = body.requireNumber("peak", RATE);
        double at = body.requireDuration("at").toMillis() / 1000.0;
        double rise = body.optionalDuration("rise", Duration.ZERO).toMillis() / 1000.0;
        double hold = body.requireDuration("hold").toMillis() / 1000.0;
        double seconds = seconds(body, "for");
        if (at + rise + hold > seconds + 1e-9) {
            throw body.require("for").error("at + rise + hold = " + seconds(at + rise + hold)
                    + " does not fit inside for " + seconds(seconds));
        }
        return build(body, () -> new LoadSegment.Spike(base, peak, at, rise, hold, seconds));
    }

    private LoadSegment sine(YamlNode body) {
        body.forbidUnknownKeys(SINE);
        double mean = body.requireNumber("mean", RATE);
        double amplitude = body.requireNumber("amplitude", RATE);
        if (amplitude > mean) {
            throw body.require("amplitude").error("amplitude " + NumberRange.format(amplitude) + " exceeds mean "
                    + NumberRange.format(mean) + ": the rate would go below 0");
        }
        double period = seconds(body, "period");
        double phase = body.optionalDuration("phase", Duration.ZERO).toMillis() / 1000.0;
        double seconds = seconds(body, "for");
        return build(body, () -> new LoadSegment.Sine(mean, amplitude, period, phase, seconds));
    }

    private LoadSegment replay(YamlNode body) {
        body.forbidUnknownKeys(REPLAY);
        YamlNode fileNode = body.require("file");
        Path file = baseDir.resolve(fileNode.asString()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw fileNode.error("trace file not found: looked for " + file + " (relative to "
                    + baseDir.toAbsolutePath().normalize() + "); the public traces live in ../shared/data/traces"
                    + " beside the checkout, i.e. ../../shared/data/traces/... from a file in scenarios/");
        }
        double interval = body.optionalDuration("interval", Duration.ofSeconds(60)).toMillis() / 1000.0;
        if (interval <= 0) {
            throw body.require("interval").error("interval must be > 0");
        }
        long skip = body.optionalInt("skip", 0, NumberRange.atLeast(0));
        double compress = body.optionalNumber("compress", 1, NumberRange.POSITIVE);
        if (body.has("scale") && body.has("peakRps")) {
            throw body.require("peakRps").error("give either scale or peakRps, not both");
        }
        double scale = body.optionalNumber("scale", 1, NumberRange.POSITIVE);
        double seconds = seconds(body, "for");
        TraceReplay replay = build(body, () -> readTrace(body, file, interval, skip, compress, scale, seconds));
        if (!body.has("peakRps")) {
            return replay;
        }
        double peakRps = body.requireNumber("peakRps", NumberRange.POSITIVE);
        double windowPeak = replay.maxRate();
        if (windowPeak <= 0) {
            throw body.require("peakRps").error("the replayed window of " + file.getFileName()
                    + " has no requests, so there is nothing to scale to peakRps");
        }
        return build(body, () -> new TraceReplay(file, replay.countsPerInterval(), interval, compress,
                scale * peakRps / windowPeak, seconds));
    }

    private static TraceReplay readTrace(YamlNode body, Path file, double interval, long skip, double compress,
                                         double scale, double seconds) {
        try {
            return TraceReplay.read(file, interval, skip, compress, scale, seconds);
        } catch (UncheckedIOException e) {
            throw body.require("file").error("cannot read the trace " + file + ": " + e.getCause().getMessage());
        } catch (IllegalArgumentException e) {
            // too few rows after skip, or a window longer than the trace: the fix is in for/skip/compress
            YamlNode at = e.getMessage().contains("at least two rows") && skip > 0 ? body.require("skip")
                    : body.require("for");
            throw at.error("the replayed window does not fit the trace: " + e.getMessage());
        }
    }

    /** Runs a profile constructor, positioning its complaint at the field it names (e.g. {@code "for: ..."}). */
    private static <T> T build(YamlNode body, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            int colon = message.indexOf(": ");
            if (colon > 0 && body.has(message.substring(0, colon))) {
                throw body.require(message.substring(0, colon)).error(message.substring(colon + 2));
            }
            throw body.error(message);
        }
    }

    private static double seconds(YamlNode body, String key) {
        return body.requireDuration(key).toMillis() / 1000.0;
    }

    private static String seconds(double s) {
        return Durations.format(Duration.ofMillis(Math.round(s * 1000)));
    }
}
