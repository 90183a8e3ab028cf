package dev.failoverlab.harness.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Scripted agent queries: timing, endpoint and the body turned into JSON with YAML's scalar types. */
final class QueryReaderTest {
    private final ScenarioParser parser = new ScenarioParser(new TestCatalog());

    private static String scenario(String queries) {
        return "name: q\nduration: 10m\nload:\n  - constant: {rps: 100, for: 10m}\nqueries:\n" + queries;
    }

    @Test
    void bodyKeepsNumbersStringsAndBooleans() {
        Scenario s = parser.parse(scenario("""
                  - at: 30s
                    endpoint: optimize
                    body: {constraints: {budget_limit_per_hour: 12.50, max_response_time_ms: 100},
                           current_scenario: {expected_load: 2x_normal}, execute: true, tags: [a, "1"]}
                """), "q.yaml", Path.of("."));
        assertThat(s.queries()).singleElement().satisfies(q -> {
            assertThat(q.at()).isEqualTo(Duration.ofSeconds(30));
            assertThat(q.endpoint()).isEqualTo("optimize");
            assertThat(q.bodyJson()).isEqualTo("{\"constraints\":{\"budget_limit_per_hour\":12.5,"
                    + "\"max_response_time_ms\":100},\"current_scenario\":{\"expected_load\":\"2x_normal\"},"
                    + "\"execute\":true,\"tags\":[\"a\",\"1\"]}");
        });
    }

    @Test
    void unknownEndpointAndLateQueryArePositioned() {
        assertThatThrownBy(() -> parser.parse(scenario("  - {at: 1m, endpoint: predict, body: {}}\n"), "q.yaml",
                Path.of(".")))
                .hasMessageContaining("q.yaml:6:24").hasMessageContaining("unknown endpoint 'predict'")
                .hasMessageContaining("failover-assessment");
        assertThatThrownBy(() -> parser.parse(scenario("  - {at: 10m, endpoint: insights, body: {}}\n"), "q.yaml",
                Path.of(".")))
                .hasMessageContaining("q.yaml:6:10").hasMessageContaining("not before the end of the run");
    }
}
