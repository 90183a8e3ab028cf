package dev.failoverlab.agent.analytics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The provenance of a model output: which model ran, with which parameters, how well it fitted, and the values it
 * produced. A response's {@code evidence} section is built from these, and every number the agent shows must be
 * one of the values held here (possibly rounded or shown as a percentage of a stored fraction).
 *
 * <p>Maps keep insertion order so evidence renders in the order the model wrote it. Scalars live in
 * {@code parameters}, {@code fit} and {@code outputs}; per-step vectors (forecast paths, interval bounds) live in
 * {@code series}. A non-finite value means "unbounded" (for example the waiting time of an overloaded queue) and
 * is always accompanied by a note saying why.
 *
 * @param model      a stable model identifier, e.g. {@code ets(A,Ad,N)} or {@code erlang-c}
 * @param parameters inputs and fitted parameters (smoothing constants, servers, arrival rate, ...)
 * @param fit        fit quality (SSE, RMSE, AIC, backtest MASE, ...); empty for closed-form models
 * @param outputs    scalar outputs (probabilities, percentiles, p-values, ...)
 * @param series     vector outputs, one value per step or bucket
 * @param notes      plain-language caveats: approximations used, data too short, intervals empirical, ...
 */
public record ModelEvidence(
        String model,
        Map<String, Double> parameters,
        Map<String, Double> fit,
        Map<String, Double> outputs,
        Map<String, List<Double>> series,
        List<String> notes) {

    public ModelEvidence {
        Objects.requireNonNull(model, "model");
        if (model.isBlank()) {
            throw new IllegalArgumentException("evidence needs a model name; pass e.g. \"erlang-c\"");
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        fit = Collections.unmodifiableMap(new LinkedHashMap<>(fit));
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        series.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        series = Collections.unmodifiableMap(copy);
        notes = List.copyOf(notes);
    }

    /** Starts evidence for {@code model}. */
    public static Builder of(String model) {
        return new Builder(model);
    }

    /** A scalar output by name; throws naming the known outputs when it is absent. */
    public double output(String name) {
        Double v = outputs.get(name);
        if (v == null) {
            throw new IllegalArgumentException("evidence of " + model + " has no output '" + name
                    + "'; known outputs: " + outputs.keySet());
        }
        return v;
    }

    /** A parameter by name; throws naming the known parameters when it is absent. */
    public double parameter(String name) {
        Double v = parameters.get(name);
        if (v == null) {
            throw new IllegalArgumentException("evidence of " + model + " has no parameter '" + name
                    + "'; known parameters: " + parameters.keySet());
        }
        return v;
    }

    /** Fluent builder; every method returns {@code this}. Not thread-safe, meant for one result. */
    public static final class Builder {
        private final String model;
        private final Map<String, Double> parameters = new LinkedHashMap<>();
        private final Map<String, Double> fit = new LinkedHashMap<>();
        private final Map<String, Double> outputs = new LinkedHashMap<>();
        private final Map<String, List<Double>> series = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();

        private Builder(String model) {
            this.model = model;
        }

        public Builder param(String name, double value) {
            parameters.put(name, value);
            return this;
        }

        public Builder fit(String name, double value) {
            fit.put(name, value);
            return this;
        }

        public Builder output(String name, double value) {
            outputs.put(name, value);
            return this;
        }

        public Builder series(String name, double[] values) {
            List<Double> list = new ArrayList<>(values.length);
            for (double v : values) {
                list.add(v);
            }
            series.put(name, list);
            return this;
        }

        public Builder note(String note) {
            notes.add(note);
            return this;
        }

        public ModelEvidence build() {
            return new ModelEvidence(model, parameters, fit, outputs, series, notes);
        }
    }
}
