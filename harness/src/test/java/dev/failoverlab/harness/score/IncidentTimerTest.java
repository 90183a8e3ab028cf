package dev.failoverlab.harness.score;

import static dev.failoverlab.harness.score.ScenarioFixtures.patch;
import static dev.failoverlab.harness.score.ScenarioFixtures.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failoverlab.harness.run.RunEvent.Kind;
import dev.failoverlab.harness.run.RunRecording;
import dev.failoverlab.harness.scenario.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class IncidentTimerTest {
    private final Scenario scenario = scenario("incident", 1200, List.of(
            patch(300, "web-blue", Map.of("SLOW_REQUESTS", "40")),
            patch(900, "web-blue", Map.of("SLOW_REQUESTS", "0"))), List.of());

    private List<Incident> measure(RunRecording run) {
        return IncidentTimer.measure(run, scenario, FaultWindows.of(scenario), SloTimeline.of(run, scenario.slo()));
    }

    @Test
    void measuresMitigationImpactAndRestoreFromTheOnset() {
        RunRecording run = new RunBuilder("incident", "p", 1, 1200)
                .p95(300, 400, 700)
                .event(200, Kind.SCALE, "web-blue", "3")
                .event(310, Kind.SCALE, "web-blue", "2")
                .event(342.5, Kind.SCALE, "web-green", "2")
                .event(360, Kind.SELECTOR, "web", "green").build();

        List<Incident> incidents = measure(run);

        assertThat(incidents).as("the repair patch at 900 s is not an incident").hasSize(1);
        Incident i = incidents.get(0);
        assertThat(i.label()).isEqualTo("web-blue patchEnv SLOW_REQUESTS=40");
        assertThat(i.colour()).isEqualTo("blue");
        assertThat(i.onsetSeconds()).isEqualTo(300.0);
        assertThat(i.mitigationSeconds()).as("scale-down at 310 is not mitigation; green 1→2 at 342.5 is")
                .isEqualTo(42.5);
        assertThat(i.impactSeconds()).as("first violating interval ends at 305").isEqualTo(5.0);
        assertThat(i.restoreSeconds()).as("last violation ends at 400, then 60 s clean").isEqualTo(100.0);
    }

    @Test
    void anActionExactlyAtTheOnsetCountsAndMissingThingsAreNaN() {
        RunRecording acted = new RunBuilder("incident", "p", 1, 1200)
                .event(300, Kind.SPLIT, "web", "blue=50,green=50").build();
        Incident i = measure(acted).get(0);
        assertThat(i.mitigationSeconds()).isZero();
        assertThat(i.impactSeconds()).as("never violated").isNaN();
        assertThat(i.restoreSeconds()).as("never violated: restored at once").isZero();

        RunRecording idle = new RunBuilder("incident", "p", 1, 1200).errors(300, 1200, 30).build();
        Incident j = measure(idle).get(0);
        assertThat(j.mitigationSeconds()).isNaN();
        assertThat(j.restoreSeconds()).isNaN();
    }
}
