package dev.failoverlab.harness.sim;

import dev.failoverlab.harness.scenario.FaultSpec;
import dev.failoverlab.loadgen.yaml.YamlFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pod templates a Deployment has had, as a ReplicaSet history: a patch that yields a template seen before
 * reuses its revision (as Kubernetes reuses the matching ReplicaSet), a new one appends a revision. Each template's
 * env is turned into the demo app's knobs: {@code SLOW_REQUESTS} and {@code RANDOM_ERRORS} (percent) and
 * {@code SLOW_DELAY_MS}.
 */
final class PodTemplates {
    static final String SLOW_REQUESTS = "SLOW_REQUESTS";
    static final String RANDOM_ERRORS = "RANDOM_ERRORS";
    static final String SLOW_DELAY_MS = "SLOW_DELAY_MS";
    private static final String SAFE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    /** The demo app's behaviour under one template. */
    record Knobs(double slowFraction, double errorFraction, double slowDelaySeconds, String hash) {
    }

    private final List<Map<String, String>> envs = new ArrayList<>();
    private final List<Knobs> knobs = new ArrayList<>();
    private final String deployment;
    private final double defaultSlowDelayMs;

    PodTemplates(String deployment, double defaultSlowDelayMs) {
        this.deployment = deployment;
        this.defaultSlowDelayMs = defaultSlowDelayMs;
        add(new TreeMap<>());
    }

    Knobs knobs(int revision) {
        return knobs.get(revision);
    }

    /** The revision after applying {@code patch} on top of {@code revision}'s env. */
    int patch(int revision, FaultSpec.PatchEnv patch) {
        TreeMap<String, String> env = new TreeMap<>(envs.get(revision));
        env.putAll(patch.env());
        int known = envs.indexOf(env);
        return known >= 0 ? known : add(env, patch);
    }

    /** Checks a patch's values without applying it, so a bad scenario fails before the run starts. */
    static void validate(FaultSpec.PatchEnv patch, int faultIndex) {
        for (Map.Entry<String, String> e : patch.env().entrySet()) {
            knobValue(e.getKey(), e.getValue(), patch, faultIndex);
        }
    }

    private int add(TreeMap<String, String> env) {
        return add(env, null);
    }

    private int add(TreeMap<String, String> env, FaultSpec.PatchEnv source) {
        double slow = source == null ? 0 : knobValue(SLOW_REQUESTS, env.get(SLOW_REQUESTS), source, -1);
        double errors = source == null ? 0 : knobValue(RANDOM_ERRORS, env.get(RANDOM_ERRORS), source, -1);
        double delayMs = source == null || env.get(SLOW_DELAY_MS) == null ? defaultSlowDelayMs
                : knobValue(SLOW_DELAY_MS, env.get(SLOW_DELAY_MS), source, -1);
        envs.add(env);
        knobs.add(new Knobs(slow / 100, errors / 100, delayMs / 1000, hash(deployment + env)));
        return envs.size() - 1;
    }

    private static double knobValue(String key, String text, FaultSpec.PatchEnv patch, int faultIndex) {
        if (text == null) {
            return 0;
        }
        if (!key.equals(SLOW_REQUESTS) && !key.equals(RANDOM_ERRORS) && !key.equals(SLOW_DELAY_MS)) {
            return 0; // other env vars change the template (a rollout) but not the app's behaviour
        }
        String path = (faultIndex >= 0 ? "faults[" + faultIndex + "]." : "") + "patchEnv.env." + key;
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new YamlFileException(patch.location(), path, "'" + text + "' is not a number"
                    + (key.equals(SLOW_DELAY_MS) ? " of milliseconds" : " (a percentage 0..100)"));
        }
        boolean percent = !key.equals(SLOW_DELAY_MS);
        if (!(value >= 0) || Double.isInfinite(value) || (percent && value > 100)) {
            throw new YamlFileException(patch.location(), path, "'" + text + "' is out of range (use "
                    + (percent ? "a percentage 0..100, \"0\" to undo" : "milliseconds >= 0") + ")");
        }
        return value;
    }

    /** Ten characters of the alphabet Kubernetes uses for generated names. */
    static String hash(String text) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001B3L;
        }
        return encode(Seeds.mix64(h), 10);
    }

    static String encode(long value, int length) {
        StringBuilder b = new StringBuilder(length);
        long v = value;
        for (int i = 0; i < length; i++) {
            b.append(SAFE_ALPHABET.charAt((int) Long.remainderUnsigned(v, SAFE_ALPHABET.length())));
            v = Long.divideUnsigned(v, SAFE_ALPHABET.length());
        }
        return b.toString();
    }
}
