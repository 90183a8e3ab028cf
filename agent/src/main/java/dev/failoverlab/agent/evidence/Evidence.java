package dev.failoverlab.agent.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.failoverlab.agent.analytics.ModelEvidence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Collects the evidence behind one response. Not thread-safe: one instance per request.
 * Ids ({@code m1}, {@code m2}, … for measurements, {@code model1}, … for models) let text refer to entries.
 */
public final class Evidence {
    private final List<Measurement> measurements = new ArrayList<>();
    private final List<ModelOutput> models = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();

    /**
     * A measured value.
     *
     * @param metric  e.g. {@code p95_latency_ms}, {@code cpu_utilization}, {@code request_rate_rps}
     * @param subject what was measured: a colour, deployment or {@code service}
     * @param window  e.g. {@code 5m}, {@code instant}, {@code 1h}
     * @param source  e.g. {@code prometheus}, {@code metrics-server}, {@code api-server}, {@code request}, {@code episode-store}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Measurement(String id, String metric, String subject, String window, double value, String unit,
                              String source) {
    }

    /**
     * A model's output: its name, the parameters it was run with, how well it fits, and the values it produced.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ModelOutput(String id, String model, Map<String, Double> parameters, Map<String, Double> fit,
                              Map<String, Double> outputs, Map<String, List<Double>> series, List<String> notes) {
    }

    /** Records the provenance of an analytics result and returns its id. */
    public String add(ModelEvidence m) {
        String id = "model" + (models.size() + 1);
        models.add(new ModelOutput(id, m.model(), m.parameters(), m.fit(), m.outputs(), m.series(), m.notes()));
        return id;
    }

    /** Records a measurement and returns its id. */
    public String measure(String metric, String subject, String window, double value, String unit, String source) {
        String id = "m" + (measurements.size() + 1);
        measurements.add(new Measurement(id, metric, subject, window, value, unit, source));
        return id;
    }

    /** Starts a model entry; call {@link ModelBuilder#add()} to record it. */
    public ModelBuilder model(String name) {
        return new ModelBuilder(name);
    }

    /** Says what could not be measured and why; the answer is partial and says so. */
    public void missing(String what) {
        missing.add(what);
    }

    @JsonProperty("measurements")
    public List<Measurement> measurements() {
        return Collections.unmodifiableList(measurements);
    }

    @JsonProperty("models")
    public List<ModelOutput> models() {
        return Collections.unmodifiableList(models);
    }

    @JsonProperty("missing")
    public List<String> missingData() {
        return Collections.unmodifiableList(missing);
    }

    /** True when something the answer needed could not be measured. */
    public boolean partial() {
        return !missing.isEmpty();
    }

    /**
     * Builder for one model entry written by the brain; the same {@link ModelEvidence} the analytics return, so
     * both kinds of model land in the evidence through {@link #add(ModelEvidence)}.
     */
    public final class ModelBuilder {
        private final ModelEvidence.Builder model;
        private String note;

        private ModelBuilder(String name) {
            this.model = ModelEvidence.of(name);
        }

        public ModelBuilder parameter(String key, double value) {
            model.param(key, value);
            return this;
        }

        public ModelBuilder fit(String key, double value) {
            model.fit(key, value);
            return this;
        }

        public ModelBuilder output(String key, double value) {
            model.output(key, value);
            return this;
        }

        /** Sets the entry's note (a later call replaces an earlier one). */
        public ModelBuilder note(String text) {
            this.note = text;
            return this;
        }

        /** Records the entry and returns its id. */
        public String add() {
            if (note != null) {
                model.note(note);
            }
            return Evidence.this.add(model.build());
        }
    }
}
