package dev.failoverlab.harness.policy;

import static dev.failoverlab.harness.policy.Pods.cpu;
import static dev.failoverlab.harness.policy.Pods.settled;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failoverlab.agent.port.PodInfo;
import dev.failoverlab.agent.port.PodMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replica calculation against the Kubernetes documentation's examples and replica_calculator.go's rules. */
final class ReplicaCalculatorTest {
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private final ReplicaCalculator calc = new ReplicaCalculator(0.1, Duration.ofMinutes(5), Duration.ofSeconds(30));

    /** {@code n} settled pods, each using {@code millis} of CPU. */
    private static List<PodInfo> pods(int n) {
        List<PodInfo> pods = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pods.add(settled("p" + i, NOW));
        }
        return pods;
    }

    private static List<PodMetrics> usage(int n, double millis) {
        List<PodMetrics> m = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            m.add(cpu("p" + i, millis, NOW.minusSeconds(5)));
        }
        return m;
    }

    @Test
    void onePodAtFullRequestAgainstHalfTargetDoubles() {
        var rec = calc.compute(1, 50, 100, pods(1), usage(1, 100), NOW);
        assertThat(rec.computed()).isTrue();
        assertThat(rec.utilizationPercent()).isEqualTo(100);
        assertThat(rec.ratio()).isEqualTo(2.0);
        assertThat(rec.replicas()).isEqualTo(2);
    }

    @Test
    void ratioTwoDoublesAndRatioHalfHalves() {
        // the doc's "200m current vs 100m desired": 200m used of a 200m request is 100 % against 50 %
        assertThat(calc.compute(3, 50, 200, pods(3), usage(3, 200), NOW).replicas()).isEqualTo(6);
        // and "50m current vs 100m desired" halves: 25 % against 50 %
        assertThat(calc.compute(4, 50, 200, pods(4), usage(4, 50), NOW).replicas()).isEqualTo(2);
    }

    @Test
    void desiredIsCeilOfRatioTimesReadyPods() {
        // 82 % / 50 % = 1.64; 1.64 × 2 = 3.28 → 4
        var rec = calc.compute(2, 50, 500, pods(2), usage(2, 410), NOW);
        assertThat(rec.utilizationPercent()).isEqualTo(82);
        assertThat(rec.replicas()).isEqualTo(4);
    }

    @Test
    void noChangeInsideTheTolerance() {
        var within = calc.compute(2, 50, 100, pods(2), usage(2, 54), NOW);
        assertThat(within.replicas()).isEqualTo(2);
        assertThat(within.explanation()).contains("within tolerance");
        assertThat(calc.compute(2, 50, 100, pods(2), usage(2, 46), NOW).replicas()).isEqualTo(2);
        // just outside: 56 % → ratio 1.12 → ceil(2.24) = 3; 44 % → 0.88 → ceil(4.4) = 5 (no change); 40 % → 4
        assertThat(calc.compute(2, 50, 100, pods(2), usage(2, 56), NOW).replicas()).isEqualTo(3);
        assertThat(calc.compute(5, 50, 100, pods(5), usage(5, 44), NOW).replicas()).isEqualTo(5);
        assertThat(calc.compute(5, 50, 100, pods(5), usage(5, 40), NOW).replicas()).isEqualTo(4);
    }

    @Test
    void utilisationIsTruncatedToWholePercentAsKubernetesReportsIt() {
        // 55.9 % → 55 % (usage rounded up to 56m per pod: 112 * 100 / 200 = 56)
        var rec = calc.compute(2, 50, 100, pods(2), usage(2, 55.2), NOW);
        assertThat(rec.utilizationPercent()).isEqualTo(56);
        var truncated = calc.compute(3, 50, 100, pods(3), usage(3, 55), NOW);
        assertThat(truncated.utilizationPercent()).isEqualTo(55);
        assertThat(truncated.ratio()).isEqualTo(1.1);
        // |1.0 - 1.1| is 0.10000000000000009 in float64, just above the tolerance: Go's controller scales here
        // too, to ceil(1.1 × 3) = ceil(3.3000000000000003) = 4
        assertThat(truncated.replicas()).isEqualTo(4);
    }

    @Test
    void initialisingPodsCpuBurstIsNotTrustedOnScaleUp() {
        // two settled pods at 60 %; a third started 1 min ago, ready 20 s ago, burning 200 % while warming up.
        // Counting it naively: (60+60+200)/3 = 106 % → 7 replicas. Kubernetes ignores its sample (no full metric
        // window since it became ready), and on a scale-up counts it at 0 %: (60+60+0)/3 = 40 % → the ratio
        // reverses direction → no change.
        List<PodInfo> pods = new ArrayList<>(pods(2));
        pods.add(Pods.started("p2", NOW.minusSeconds(60), true, NOW.minusSeconds(20)));
        List<PodMetrics> m = new ArrayList<>(usage(2, 60));
        m.add(cpu("p2", 200, NOW.minusSeconds(10)));
        var rec = calc.compute(3, 50, 100, pods, m, NOW);
        assertThat(rec.unready()).isEqualTo(1);
        assertThat(rec.utilizationPercent()).isEqualTo(60);
        assertThat(rec.replicas()).isEqualTo(3);
        assertThat(rec.explanation()).contains("reverses direction");
    }

    @Test
    void notYetReadyPodsDampenTheScaleUp() {
        // 2 ready pods at 100 % and 2 pending ones: ratio 2.0 on the ready pods, but the pending ones count as
        // 0 % on a scale-up: 200/400 = 50 % → ratio 1.0 → inside the tolerance → no change instead of 4 → 4+
        List<PodInfo> pods = new ArrayList<>(pods(2));
        pods.add(Pods.pending("p2"));
        pods.add(Pods.pending("p3"));
        var held = calc.compute(4, 50, 100, pods, usage(2, 100), NOW);
        assertThat(held.ratio()).isEqualTo(2.0);
        assertThat(held.replicas()).isEqualTo(4);
        // with one pending pod: (100+100+0)/300 = 66 % → 1.32 × 3 = 3.96 → 4 pods, where counting only the
        // measured pods at face value and adding the pending one would ask for ceil(2.0 × 2) + 1 = 5
        var damped = calc.compute(3, 50, 100, pods.subList(0, 3), usage(2, 100), NOW);
        assertThat(damped.replicas()).isEqualTo(4);
    }

    @Test
    void podThatNeverBecameReadyIsIgnoredEvenAfterInitialisation() {
        // started 10 min ago, unready since 5 s after start: never ready within the 30 s readiness delay
        List<PodInfo> pods = new ArrayList<>(pods(2));
        pods.add(Pods.started("p2", NOW.minusSeconds(600), false, NOW.minusSeconds(595)));
        List<PodMetrics> m = new ArrayList<>(usage(2, 20));
        m.add(cpu("p2", 90, NOW.minusSeconds(5)));
        var rec = calc.compute(3, 50, 100, pods, m, NOW);
        assertThat(rec.unready()).isEqualTo(1);
        assertThat(rec.utilizationPercent()).isEqualTo(20); // the unready pod's 90 % is not in the mean
        // a pod that was ready and went unready later (transition long after start) is counted
        pods.set(2, Pods.started("p2", NOW.minusSeconds(600), false, NOW.minusSeconds(60)));
        assertThat(calc.compute(3, 50, 100, pods, m, NOW).ready()).isEqualTo(3);
    }

    @Test
    void missingMetricsCountAsFullRequestOnScaleDown() {
        // 4 pods at 10 %, 1 without a sample. Naively ratio 0.2 × 4 → 1 replica; Kubernetes counts the missing
        // pod at 100 %: (40 + 100)/500 = 28 % → 0.56 × 5 = 2.8 → 3
        List<PodInfo> pods = pods(5);
        var rec = calc.compute(5, 50, 100, pods, usage(4, 10), NOW);
        assertThat(rec.missing()).isEqualTo(1);
        assertThat(rec.replicas()).isEqualTo(3);
        assertThat(rec.explanation()).contains("1 pod(s) without metrics counted at 100 %");
    }

    @Test
    void missingMetricsThatReverseTheScaleDownHoldTheSize() {
        // 1 pod at 40 % (ratio 0.8), 1 missing at 100 %: (40+100)/200 = 70 % → 1.4 > 1 → no change
        var rec = calc.compute(2, 50, 100, pods(2), usage(1, 40), NOW);
        assertThat(rec.replicas()).isEqualTo(2);
    }

    @Test
    void missingMetricsCountAsZeroOnScaleUp() {
        // 2 pods at 100 %, 1 missing: (200 + 0)/300 = 66 % → 1.32 × 3 = 3.96 → 4
        var rec = calc.compute(3, 50, 100, pods(3), usage(2, 100), NOW);
        assertThat(rec.replicas()).isEqualTo(4);
    }

    @Test
    void terminatingPodsAreLeftOutEntirely() {
        List<PodInfo> pods = new ArrayList<>(pods(2));
        pods.add(Pods.terminating("p2", NOW));
        var rec = calc.compute(3, 50, 100, pods, usage(2, 100), NOW);
        assertThat(rec.missing()).isZero();
        assertThat(rec.unready()).isZero();
        assertThat(rec.replicas()).isEqualTo(4);
    }

    @Test
    void noMetricsAtAllGivesNoRecommendation() {
        var rec = calc.compute(2, 50, 100, pods(2), List.of(), NOW);
        assertThat(rec.computed()).isFalse();
        assertThat(rec.explanation()).contains("did not receive metrics").contains("2 missing");
        assertThat(calc.compute(2, 50, 100, List.of(), List.of(), NOW).computed()).isFalse();
    }
}
