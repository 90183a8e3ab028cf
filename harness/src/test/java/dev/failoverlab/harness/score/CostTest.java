package dev.failoverlab.harness.score;

import static dev.failoverlab.harness.score.ScenarioFixtures.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.failoverlab.harness.scenario.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CostTest {

    @Test
    void podSecondsArePricedByRequestsAndTokensByTheMillion() {
        Scenario s = scenario("cost", 1200, List.of(), List.of());
        // blue: 2 pods for 600 s, then 4 pods for 600 s = 3600 pod-s; green: 1 pod for 1200 s = 1200 pod-s
        var run = new RunBuilder("cost", "p", 1, 1200).replicasFrom("blue", 605, 4)
                .query(10, 3.0, 1_000_000, 0).query(20, 5.0, 600_000, 200_000).build();

        Cost c = Cost.of(run, s);

        // per pod-hour: 0.5 vCPU × $0.0316 + 0.25 GiB × $0.0042 = $0.01685
        assertThat(c.podSecondsByColour()).containsEntry("blue", 3600.0).containsEntry("green", 1200.0);
        assertThat(c.computeDollarsByColour().get("blue")).isCloseTo(0.01685, within(1e-12));
        assertThat(c.computeDollarsByColour().get("green")).isCloseTo(0.01685 / 3, within(1e-12));
        // 1.6 M input × $2.5 + 0.2 M output × $10 = $4 + $2
        assertThat(c.llmInputTokens()).isEqualTo(1_600_000);
        assertThat(c.llmOutputTokens()).isEqualTo(200_000);
        assertThat(c.llmDollars()).isCloseTo(6.0, within(1e-12));
        assertThat(c.totalDollars()).isCloseTo(6.0 + 0.01685 * 4 / 3, within(1e-12));
        assertThat(c.runSeconds()).isEqualTo(1200.0);
        assertThat(c.dollarsPerHour()).isCloseTo((6.0 + 0.01685 * 4 / 3) * 3, within(1e-12));
    }
}
