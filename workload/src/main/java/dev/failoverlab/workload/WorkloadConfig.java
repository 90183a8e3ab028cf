package dev.failoverlab.workload;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The workload's settings, read from environment variables so that a Deployment (and a harness fault that patches
 * its env) configures it. Every value is checked here, in the record's constructor, so that the {@code with...}
 * copies tests use are held to the same rules; a bad value fails with one line naming the variable, the rule and
 * the value, e.g. {@code SLOW_REQUESTS: expected a number 0..100, got 'abc'}.
 *
 * @param color         COLOR: the colour this instance serves as (body of {@code GET /}, label of workload_info)
 * @param port          PORT: TCP port on 0.0.0.0; 0 picks any free port
 * @param workMs        WORK_MS: mean CPU milliseconds burned per {@code GET /}
 * @param workCv        WORK_CV: coefficient of variation of that CPU demand (0 fixed, 1 exponential, else gamma)
 * @param slowPercent   SLOW_REQUESTS: percent of {@code GET /} that additionally sleep {@code slowDelayMs}
 * @param slowDelayMs   SLOW_DELAY_MS: the sleep of a slow request
 * @param errorPercent  RANDOM_ERRORS: percent of {@code GET /} answered 500
 * @param threads       THREADS: worker threads; requests beyond wait in the server's queue
 * @param warmupSeconds WARMUP_SECONDS: readiness fails until this long after start
 * @param drainSeconds  DRAIN_SECONDS: longest wait for in-flight requests on SIGTERM
 * @param seed          SEED: seed of the per-request random draws
 */
public record WorkloadConfig(String color, int port, double workMs, double workCv, double slowPercent,
                             long slowDelayMs, double errorPercent, int threads, double warmupSeconds,
                             double drainSeconds, long seed) {

    public static final String COLOR = "COLOR";
    public static final String PORT = "PORT";
    public static final String WORK_MS = "WORK_MS";
    public static final String WORK_CV = "WORK_CV";
    public static final String SLOW_REQUESTS = "SLOW_REQUESTS";
    public static final String SLOW_DELAY_MS = "SLOW_DELAY_MS";
    public static final String RANDOM_ERRORS = "RANDOM_ERRORS";
    public static final String THREADS = "THREADS";
    public static final String WARMUP_SECONDS = "WARMUP_SECONDS";
    public static final String DRAIN_SECONDS = "DRAIN_SECONDS";
    public static final String SEED = "SEED";
    /** Every variable the workload reads; any other is ignored. */
    public static final List<String> VARIABLES = List.of(COLOR, PORT, WORK_MS, WORK_CV, SLOW_REQUESTS, SLOW_DELAY_MS,
            RANDOM_ERRORS, THREADS, WARMUP_SECONDS, DRAIN_SECONDS, SEED);

    /** Upper bounds that keep a typo (an extra zero) from turning into an hour-long sleep or 10^6 threads. */
    static final double MAX_WORK_MS = 60_000;
    static final double MAX_WORK_CV = 10;
    static final long MAX_SLOW_DELAY_MS = 600_000;
    static final int MAX_THREADS = 10_000;
    static final double MAX_SECONDS = 3_600;

    private static final Pattern COLOR_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");

    public WorkloadConfig {
        Objects.requireNonNull(color, COLOR);
        if (!COLOR_NAME.matcher(color).matches()) {
            throw bad(COLOR, "a name of 1..63 letters, digits, '-' or '_'", color);
        }
        checkRange(PORT, "an integer 0..65535", port, 0, 65_535);
        checkRange(WORK_MS, "a number 0..60000", workMs, 0, MAX_WORK_MS);
        checkRange(WORK_CV, "a number 0..10", workCv, 0, MAX_WORK_CV);
        checkRange(SLOW_REQUESTS, "a number 0..100", slowPercent, 0, 100);
        checkRange(SLOW_DELAY_MS, "an integer 0..600000", slowDelayMs, 0, MAX_SLOW_DELAY_MS);
        checkRange(RANDOM_ERRORS, "a number 0..100", errorPercent, 0, 100);
        checkRange(THREADS, "an integer 1..10000", threads, 1, MAX_THREADS);
        checkRange(WARMUP_SECONDS, "a number 0..3600", warmupSeconds, 0, MAX_SECONDS);
        checkRange(DRAIN_SECONDS, "a number 0..3600", drainSeconds, 0, MAX_SECONDS);
    }

    /** The settings with no environment at all: what the Deployment gets unless it says otherwise. */
    public static WorkloadConfig defaults() {
        return new WorkloadConfig("blue", 8080, 1.0, 1.0, 0, 700, 0, 100, 3, 20, 1);
    }

    /**
     * Reads the settings from {@code env}; variables that are absent or blank keep their default (Kubernetes
     * manifests often carry {@code value: ""} for "unset"). Surrounding whitespace is ignored.
     *
     * @throws IllegalArgumentException naming the variable, the rule and the offending value
     */
    public static WorkloadConfig fromEnv(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        WorkloadConfig d = defaults();
        return new WorkloadConfig(
                text(env, COLOR, d.color()),
                smallInteger(env, PORT, "an integer 0..65535", 65_535, d.port()),
                number(env, WORK_MS, "a number 0..60000", d.workMs()),
                number(env, WORK_CV, "a number 0..10", d.workCv()),
                number(env, SLOW_REQUESTS, "a number 0..100", d.slowPercent()),
                integer(env, SLOW_DELAY_MS, "an integer 0..600000", d.slowDelayMs()),
                number(env, RANDOM_ERRORS, "a number 0..100", d.errorPercent()),
                smallInteger(env, THREADS, "an integer 1..10000", MAX_THREADS, d.threads()),
                number(env, WARMUP_SECONDS, "a number 0..3600", d.warmupSeconds()),
                number(env, DRAIN_SECONDS, "a number 0..3600", d.drainSeconds()),
                integer(env, SEED, "an integer", d.seed()));
    }

    public WorkloadConfig withColor(String value) {
        return new WorkloadConfig(value, port, workMs, workCv, slowPercent, slowDelayMs, errorPercent, threads,
                warmupSeconds, drainSeconds, seed);
    }

    public WorkloadConfig withPort(int value) {
        return new WorkloadConfig(color, value, workMs, workCv, slowPercent, slowDelayMs, errorPercent, threads,
                warmupSeconds, drainSeconds, seed);
    }

    /** CPU demand per {@code GET /}: mean milliseconds and coefficient of variation. */
    public WorkloadConfig withWork(double meanMs, double cv) {
        return new WorkloadConfig(color, port, meanMs, cv, slowPercent, slowDelayMs, errorPercent, threads,
                warmupSeconds, drainSeconds, seed);
    }

    public WorkloadConfig withSlow(double percent, long delayMs) {
        return new WorkloadConfig(color, port, workMs, workCv, percent, delayMs, errorPercent, threads,
                warmupSeconds, drainSeconds, seed);
    }

    public WorkloadConfig withErrorPercent(double value) {
        return new WorkloadConfig(color, port, workMs, workCv, slowPercent, slowDelayMs, value, threads,
                warmupSeconds, drainSeconds, seed);
    }

    public WorkloadConfig withThreads(int value) {
        return new WorkloadConfig(color, port, workMs, workCv, slowPercent, slowDelayMs, errorPercent, value,
                warmupSeconds, drainSeconds, seed);
    }

    public WorkloadConfig withWarmupSeconds(double value) {
        return new WorkloadConfig(color, port, workMs, workCv, slowPercent, slowDelayMs, errorPercent, threads,
                value, drainSeconds, seed);
    }

    public WorkloadConfig withDrainSeconds(double value) {
        return new WorkloadConfig(color, port, workMs, workCv, slowPercent, slowDelayMs, errorPercent, threads,
                warmupSeconds, value, seed);
    }

    public WorkloadConfig withSeed(long value) {
        return new WorkloadConfig(color, port, workMs, workCv, slowPercent, slowDelayMs, errorPercent, threads,
                warmupSeconds, drainSeconds, value);
    }

    /** One line for the startup log: every setting as its env name, so an operator can compare with the manifest. */
    public String describe() {
        return String.format(Locale.ROOT,
                "COLOR=%s PORT=%d WORK_MS=%s WORK_CV=%s SLOW_REQUESTS=%s SLOW_DELAY_MS=%d RANDOM_ERRORS=%s "
                        + "THREADS=%d WARMUP_SECONDS=%s DRAIN_SECONDS=%s SEED=%d",
                color, port, plain(workMs), plain(workCv), plain(slowPercent), slowDelayMs, plain(errorPercent),
                threads, plain(warmupSeconds), plain(drainSeconds), seed);
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }

    private static String text(Map<String, String> env, String name, String fallback) {
        String raw = env.get(name);
        return raw == null || raw.isBlank() ? fallback : raw.strip();
    }

    private static double number(Map<String, String> env, String name, String rule, double fallback) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        String value = raw.strip();
        // Double.parseDouble also takes "NaN", "Infinity", hex floats and a trailing 'd'/'f': none is a setting
        if (!value.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw bad(name, rule, raw);
        }
        return Double.parseDouble(value);
    }

    private static long integer(Map<String, String> env, String name, String rule, long fallback) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw bad(name, rule, raw);
        }
    }

    /** An int setting: out-of-range longs are reported as written, not as what a cast to int would make of them. */
    private static int smallInteger(Map<String, String> env, String name, String rule, int max, int fallback) {
        long value = integer(env, name, rule, fallback);
        if (value < 0 || value > max) {
            throw bad(name, rule, env.get(name));
        }
        return (int) value;
    }

    private static void checkRange(String name, String rule, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw bad(name, rule, plain(value));
        }
    }

    private static IllegalArgumentException bad(String name, String rule, String value) {
        return new IllegalArgumentException(name + ": expected " + rule + ", got '" + value + "'");
    }
}
