package dev.failoverlab.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failoverlab.harness.run.RunRecording;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SimDeterminismTest {

    @Test
    void sameScenarioPolicyAndSeedGiveTheSameRecording() {
        RunRecording first = SimFixtures.run(SimConservationTest.stormy(), SimConservationTest.scaler(), 42);
        RunRecording second = SimFixtures.run(SimConservationTest.stormy(), SimConservationTest.scaler(), 42);
        assertThat(second.key()).isEqualTo(first.key());
        assertThat(second.samples()).isEqualTo(first.samples());
        assertThat(second.events()).isEqualTo(first.events());
        assertThat(second.stats().requests()).isEqualTo(first.stats().requests());
        assertThat(second.stats().events()).isEqualTo(first.stats().events());
    }

    @Test
    void anotherSeedGivesAnotherRunButTheSameFaultTimeline() {
        RunRecording a = SimFixtures.run(SimConservationTest.stormy(), SimFixtures.idle(), 1);
        RunRecording b = SimFixtures.run(SimConservationTest.stormy(), SimFixtures.idle(), 2);
        assertThat(b.samples()).isNotEqualTo(a.samples());
        assertThat(b.events()).isEqualTo(a.events()); // faults only: the idle policy does nothing
    }

    @Test
    void everyPolicySeesTheSameArrivals() {
        // common random numbers: the arrival stream does not depend on what the policy does
        RunRecording idle = SimFixtures.run(SimConservationTest.stormy(), SimFixtures.idle(), 5);
        RunRecording busy = SimFixtures.run(SimConservationTest.stormy(), SimConservationTest.scaler(), 5);
        for (int i = 0; i < idle.samples().size(); i++) {
            assertThat(busy.samples().get(i).arrivals()).isEqualTo(idle.samples().get(i).arrivals());
        }
        assertThat(busy.samples()).isNotEqualTo(idle.samples());
    }

    @Test
    void progressIsReportedAboutEveryTenSimulatedSeconds() {
        List<Double> reported = new ArrayList<>();
        RunRecording run = new SimBackend().run(SimConservationTest.stormy(), SimFixtures.idle(), 1, reported::add);
        // 10, 20, …, 470 during the run, then 480 at its end
        assertThat(reported).hasSize(48).isSorted();
        assertThat(reported.get(0)).isEqualTo(10.0);
        assertThat(reported.get(reported.size() - 1)).isEqualTo(480.0);
        assertThat(run.backend()).isEqualTo("sim");
        assertThat(run.intervalSeconds()).isEqualTo(5.0);
        assertThat(run.colors()).containsExactly("blue", "green");
    }
}
