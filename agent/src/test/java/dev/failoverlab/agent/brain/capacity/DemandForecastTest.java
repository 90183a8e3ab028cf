package dev.failoverlab.agent.brain.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failoverlab.agent.brain.fake.CapacityWorld;
import dev.failoverlab.agent.evidence.Evidence;
import org.junit.jupiter.api.Test;

final class DemandForecastTest {

    @Test
    void aPastFlashCrowdDoesNotWidenTheBandTheReplicasAreSizedFor() {
        CapacityWorld w = CapacityWorld.runbook(31);
        double[] before = w.flat(250, 60);
        double[] crowd = w.flat(1000, 12);
        double[] after = w.flat(250, 40);
        double[] h = new double[before.length + crowd.length + after.length];
        System.arraycopy(before, 0, h, 0, before.length);
        System.arraycopy(crowd, 0, h, before.length, crowd.length);
        System.arraycopy(after, 0, h, before.length + crowd.length, after.length);
        Evidence ev = new Evidence();
        DemandForecast.Result f = DemandForecast.fit(h, 15, 40, ev);
        // two jumps of 750 rps in 112 points inflate the sample sigma tenfold; the MAD sees the 1 % noise
        assertThat(f.upperPeak(4)).isLessThan(275);
        assertThat(ev.models()).anyMatch(m -> m.model().equals("robust-band(MAD of one-step errors)")
                && m.outputs().get("ratio") < 0.2);
    }

    @Test
    void aShortHistoryIsBacktestedAtAShorterHorizonNotInSample() {
        CapacityWorld w = CapacityWorld.runbook(32);
        Evidence ev = new Evidence();
        DemandForecast.Result f = DemandForecast.fit(w.ramp(300, 360, 4, 12), 15, 40, ev);
        assertThat(f.insufficient()).isFalse();
        assertThat(f.steps()).isEqualTo(40);
        assertThat(ev.models()).anyMatch(m -> m.model().startsWith("model-selection")
                && m.parameters().get("horizon_steps") == 4.0 && m.parameters().get("folds_run") == 3.0);
    }

    @Test
    void fewerThanEightPointsGiveAWideNaiveBand() {
        Evidence ev = new Evidence();
        DemandForecast.Result f = DemandForecast.fit(new double[] {400, 410, 390}, 15, 40, ev);
        assertThat(f.insufficient()).isTrue();
        assertThat(f.peak()).isEqualTo(390);
        // the spread is a quarter of the last value: 97.5 rps, so the 80 % upper bound is 390 + 1.2816 x 97.5
        assertThat(f.upperPeak(40)).isBetween(514.0, 515.5);
        assertThat(ev.models().get(0).notes()).anyMatch(n -> n.startsWith("insufficient history"));
    }
}
