package dev.failoverlab.agent.learn;

import static dev.failoverlab.agent.learn.TestEpisodes.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failoverlab.agent.observe.ColorObservation;
import dev.failoverlab.agent.observe.ServiceObservation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory store keeps the same contract as the file store; observations become episodes without NaNs. */
final class InMemoryEpisodeLogTest {

    @Test
    void keepsOrderUpdatesByIdAndCapsLikeTheFileStore() {
        var log = new InMemoryEpisodeLog(20);
        log.record(RuleUpdates.toEpisode("rule-update-0", TestEpisodes.T0, Rules.initial(),
                new Rules(2, 0.4, 10, 50, 5, 300), List.of()));
        for (int i = 1; i <= 40; i++) {
            log.record(TestEpisodes.pending("forecast-" + i, EpisodeKind.FORECAST, i,
                    map(EpisodeKind.P_CPU_ABOVE_TARGET, 0.5)));
        }
        List<Episode> all = log.all();
        assertThat(all.size()).isBetween(20, 22);
        assertThat(all.get(0).id()).isEqualTo("rule-update-0");
        assertThat(all.get(all.size() - 1).id()).isEqualTo("forecast-40");

        Episode last = all.get(all.size() - 1).resolve(map(EpisodeKind.CPU_ABOVE_TARGET, 0));
        log.update(last);
        assertThat(log.all().get(all.size() - 1)).isEqualTo(last);
        assertThat(log.durable()).isFalse();
        assertThat(log.location()).isEqualTo("memory");
        assertThatThrownBy(() -> log.update(TestEpisodes.forecast("forecast-1", 1, 0.5, 1)))
                .hasMessageContaining("no episode with id \"forecast-1\" in memory (it may have been compacted away)");
        assertThatThrownBy(() -> new InMemoryEpisodeLog(0)).hasMessageContaining("at least 1");
    }

    @Test
    void anObservationKeepsWhatWasMeasuredAndLeavesOutWhatWasNot() {
        ColorObservation blue = new ColorObservation("blue", "web-blue", 2, 2, 2, 0, 500, 256L << 20, 60, 24_000, 24,
                null, null, 20, 84, 120, 250, 180e6, 1.0, true);
        ColorObservation green = new ColorObservation("green", "web-green", 1, 1, 1, 0, 500, 256L << 20, 60, 0, 0,
                null, null, Double.NaN, Double.NaN, Double.NaN, 10, 120e6, 0.0, true);
        var observation = new ServiceObservation(TestEpisodes.T0, "mcp-failover-clean", "web", "blue",
                List.of(blue, green), new double[0], 15);
        Learner learner = new Learner(new InMemoryEpisodeLog());

        Episode e = learner.recordObservation(observation);

        assertThat(e.kind()).isEqualTo("observation");
        assertThat(e.resolved()).isTrue();
        assertThat(e.observed()).containsEntry("blue.p95_ms", 84.0).containsEntry("blue.error_rate", 0.001)
                .containsEntry("blue.rps", 400.0).containsEntry("blue.cpu_utilization", 0.5)
                .containsEntry("green.memory_bytes_per_pod", 120e6).containsEntry("green.traffic_share", 0.0)
                .doesNotContainKeys("green.p95_ms", "green.error_rate");
        assertThat(e.labels()).containsEntry("active_color", "blue");
    }
}
