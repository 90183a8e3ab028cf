package dev.failoverlab.agent.brain.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.failoverlab.agent.evidence.Evidence;
import dev.failoverlab.agent.observe.ColorObservation;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class CapacityCheckTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    /** Two ready 500m pods at {@code cpuMillis} each. */
    private static ColorObservation pods(double cpuMillis) {
        return new ColorObservation("blue", "web-blue", 2, 2, 2, 0, 500, 256L << 20, 60, 0, 0, null, null,
                Double.NaN, Double.NaN, Double.NaN, cpuMillis, 130 << 20, 1.0, true);
    }

    private static ScrapeInterval interval(double rps) {
        return new ScrapeInterval(T0, T0.plusSeconds(15), Math.round(rps * 15), 0, null);
    }

    /** Memory with samples at 125 rps per pod and 1 ms of CPU per request: 500 rps per pod at full CPU. */
    private static ColorMemory learned() {
        ColorMemory m = new ColorMemory();
        for (int i = 0; i < 6; i++) {
            m.addServiceSample(T0.minusSeconds(15L * (6 - i)), 125, 0.125);
        }
        return m;
    }

    @Test
    void saturatedPodsWithHighCpuAreAnOverloadNotAFault() {
        ColorMemory m = learned();
        Evidence ev = new Evidence();
        CapacityCheck.Rate rate = CapacityCheck.serviceRate(m, null, pods(495), interval(990));
        assertThat(rate.source()).isEqualTo("own history");
        assertThat(rate.rate().perPod()).isCloseTo(500, within(1e-6));
        CapacityVerdict v = CapacityCheck.check("blue", rate, pods(495), interval(990), 0.6, 100, 0.05, m, T0, ev);
        assertThat(v.utilisation()).isCloseTo(0.99, within(1e-9));
        assertThat(v.capacityBound()).isTrue();
        assertThat(v.recentlyCapacityBound()).isTrue();
        // the memory keeps it for a minute while the backlog drains through new pods
        CapacityVerdict later = CapacityCheck.check("blue", rate, pods(250), interval(500), 0.3, 100, 0.05, m,
                T0.plusSeconds(30), ev);
        assertThat(later.capacityBound()).isFalse();
        assertThat(later.recentlyCapacityBound()).isTrue();
        CapacityVerdict after = CapacityCheck.check("blue", rate, pods(250), interval(500), 0.3, 100, 0.05, m,
                T0.plusSeconds(120), ev);
        assertThat(after.recentlyCapacityBound()).isFalse();
    }

    @Test
    void slowWaitsWithLowCpuAreTheColoursOwnFault() {
        ColorMemory m = learned();
        CapacityCheck.Rate rate = CapacityCheck.serviceRate(m, null, pods(200), interval(400));
        CapacityVerdict v = CapacityCheck.check("blue", rate, pods(200), interval(400), 0.2, 100, 0.05, m, T0,
                new Evidence());
        assertThat(v.utilisation()).isCloseTo(0.4, within(1e-9));
        assertThat(v.predictedSlowFraction()).isLessThan(1e-6);
        assertThat(v.capacityBound()).isFalse();
    }

    @Test
    void busyButFastPodsAreNotCalledOverloaded() {
        ColorMemory m = learned();
        CapacityCheck.Rate rate = CapacityCheck.serviceRate(m, null, pods(410), interval(800));
        CapacityVerdict v = CapacityCheck.check("blue", rate, pods(410), interval(800), 0.0, 100, 0.05, m, T0,
                new Evidence());
        assertThat(v.cpuUtilisation()).isGreaterThan(CapacityCheck.HIGH_CPU);
        assertThat(v.capacityBound()).as("80 %% utilisation and nothing slow: nothing to explain").isFalse();
    }

    @Test
    void withoutHistoryTheOtherColoursRateThenTheCurrentIntervalIsUsed() {
        ColorMemory empty = new ColorMemory();
        CapacityCheck.Rate other = CapacityCheck.serviceRate(empty, learned(), pods(200), interval(400));
        assertThat(other.source()).isEqualTo("other colour (same image)");
        CapacityCheck.Rate now = CapacityCheck.serviceRate(empty, null, pods(200), interval(400));
        assertThat(now.source()).isEqualTo("current interval");
        assertThat(now.rate().perPod()).isCloseTo(500, within(1e-6));
        CapacityCheck.Rate none = CapacityCheck.serviceRate(empty, null, pods(200), null);
        assertThat(none.rate()).isNull();
        CapacityVerdict v = CapacityCheck.check("blue", none, pods(200), interval(400), 0.2, 100, 0.05, empty, T0,
                new Evidence());
        assertThat(v.knowsServiceRate()).isFalse();
        assertThat(v.capacityBound()).isFalse();
    }

    @Test
    void replicasFollowTheHpaTolerance() {
        assertThat(CapacityVerdict.replicasFor(4.07, 4)).isEqualTo(4);
        assertThat(CapacityVerdict.replicasFor(4.07, 2)).isEqualTo(5);
        assertThat(CapacityVerdict.replicasFor(1.6, 1)).isEqualTo(2);
        assertThat(CapacityVerdict.replicasFor(0.5, 3)).as("never scales down").isEqualTo(3);
    }
}
