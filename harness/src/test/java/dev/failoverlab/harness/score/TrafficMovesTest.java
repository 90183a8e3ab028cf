package dev.failoverlab.harness.score;

import static dev.failoverlab.harness.score.ScenarioFixtures.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failoverlab.harness.run.RunEvent.Kind;
import dev.failoverlab.harness.scenario.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

final class TrafficMovesTest {
    private final Scenario scenario = scenario("moves", 600, List.of(), List.of());

    @Test
    void sharesStartOnTheActiveColourAndFollowSplitAndSelectorValues() {
        List<TrafficMove> moves = TrafficMoves.derive(new RunBuilder("moves", "p", 1, 600)
                .event(100, Kind.SPLIT, "web", "blue=70,green=30")
                .event(200, Kind.SELECTOR, "web", "green")
                .event(300, Kind.SPLIT, "web", "blue=50,green=50").build(), scenario);

        assertThat(moves).hasSize(3);
        assertThat(moves.get(0).before()).containsEntry("blue", 100.0).containsEntry("green", 0.0);
        assertThat(moves.get(0).after()).containsEntry("blue", 70.0).containsEntry("green", 30.0);
        assertThat(moves.get(0).lowered(List.of("blue", "green"))).containsExactly("blue");
        assertThat(moves.get(1).after()).containsEntry("blue", 0.0).containsEntry("green", 100.0);
        assertThat(moves.get(2).raised(List.of("blue", "green"))).containsExactly("blue");
        assertThat(moves.get(2).describe(List.of("blue", "green"))).isEqualTo("blue 0→50%, green 100→50%");
    }

    @Test
    void eventsThatChangeNothingAreNotMovesAndOtherKindsAreIgnored() {
        List<TrafficMove> moves = TrafficMoves.derive(new RunBuilder("moves", "p", 1, 600)
                .event(50, Kind.SELECTOR, "web", "blue")
                .event(60, Kind.SCALE, "web-green", "3")
                .event(70, Kind.REFUSED, "web", "green")
                .event(80, Kind.SPLIT, "web", "web-blue=0,web-green=100").build(), scenario);

        assertThat(moves).singleElement().satisfies(m -> {
            assertThat(m.tSeconds()).isEqualTo(80.0);
            assertThat(m.after()).containsEntry("green", 100.0);
        });
    }

    @Test
    void unlistedColoursInASplitGetZero() {
        List<TrafficMove> moves = TrafficMoves.derive(new RunBuilder("moves", "p", 1, 600)
                .event(10, Kind.SPLIT, "web", "green=100").build(), scenario);
        assertThat(moves.get(0).after()).containsEntry("blue", 0.0).containsEntry("green", 100.0);
    }

    @Test
    void aMalformedSplitNamesTheRunTimeAndExpectedForm() {
        assertThatThrownBy(() -> TrafficMoves.derive(new RunBuilder("moves", "p", 7, 600)
                .event(42, Kind.SPLIT, "web", "blue:70").build(), scenario))
                .hasMessageContaining("moves/p/seed-7")
                .hasMessageContaining("t=42 s")
                .hasMessageContaining("blue=70,green=30");
        assertThatThrownBy(() -> TrafficMoves.derive(new RunBuilder("moves", "p", 7, 600)
                .event(42, Kind.SPLIT, "web", "blue=70,green=20").build(), scenario))
                .hasMessageContaining("sums to 90");
        assertThatThrownBy(() -> TrafficMoves.derive(new RunBuilder("moves", "p", 7, 600)
                .event(42, Kind.SELECTOR, "web", "purple").build(), scenario))
                .hasMessageContaining("'purple' is neither a colour");
    }
}
