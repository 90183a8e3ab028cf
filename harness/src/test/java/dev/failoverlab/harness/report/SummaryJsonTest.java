package dev.failoverlab.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SummaryJsonTest {
    @TempDir
    Path folder;

    @Test
    void holdsScoresPerRunAndAggregatesWithNullForNotApplicable() throws Exception {
        SyntheticSuite.write(folder);
        SuiteResults results = SuiteCollector.collect(folder, SyntheticSuite.scenarios());
        JsonNode root = new ObjectMapper().readTree(SummaryJson.render(results));

        assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
        JsonNode burst = root.get("scenarios").get(1);
        assertThat(burst.get("name").asText()).isEqualTo("error-burst");
        assertThat(burst.get("faults")).as("the repair patch is not a fault").hasSize(2);
        assertThat(burst.get("faults").get(0).get("endSeconds").asDouble()).isEqualTo(600.0);
        assertThat(burst.get("faults").get(1).get("endSeconds").isNull()).as("until the end").isTrue();

        JsonNode reactive = burst.get("policies").get(1);
        assertThat(reactive.get("policy").asText()).isEqualTo("reactive");
        JsonNode run = reactive.get("runs").get(0);
        assertThat(run.get("seed").asLong()).isEqualTo(1);
        assertThat(run.get("flaps").asInt()).isEqualTo(2);
        assertThat(run.get("falseFailovers").asInt()).isEqualTo(2);
        assertThat(run.get("trafficMoves")).hasSize(3);
        assertThat(run.get("trafficMoves").get(0).get("after").get("green").asDouble()).isEqualTo(100.0);
        assertThat(run.get("incidents").get(1).get("mitigationSeconds").isNull()).as("never acted on the pod kill")
                .isTrue();
        assertThat(reactive.get("metrics").get("mitigationSeconds").get("mean").asDouble()).isEqualTo(60.0);
        assertThat(reactive.get("expectations").get(0).get("passed").asInt()).isZero();

        JsonNode suite = root.get("suite");
        assertThat(suite.get("totals")).hasSize(2);
        JsonNode slo = suite.get("comparisons").get(0);
        assertThat(slo.get("metric").asText()).isEqualTo("sloViolationSeconds");
        assertThat(slo.get("pairs").asInt()).isEqualTo(6);
        assertThat(slo.get("pValue").asDouble()).isEqualTo(0.03125);
        assertThat(slo.get("verdict").asText()).isEqualTo("differs (p = 0.0313)");
    }
}
