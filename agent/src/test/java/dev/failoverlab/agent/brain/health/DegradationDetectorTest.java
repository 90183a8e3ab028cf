package dev.failoverlab.agent.brain.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failoverlab.agent.analytics.stats.CumulativeHistogram;
import dev.failoverlab.agent.evidence.Evidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class DegradationDetectorTest {
    private static final double[] BOUNDS = {25, 100, 1000, Double.POSITIVE_INFINITY};
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private final HealthMemory memory = new HealthMemory();
    private final HealthMemory.CusumDesign design = memory.design(DegradationDetector.K, 5.0);
    private final DegradationDetector detector = new DegradationDetector(100, 0.05, 0.01);

    /** One 15 s interval with {@code n} requests, each slow with {@code pSlow} and failed with {@code pError}. */
    private static ScrapeInterval interval(int index, SplittableRandom r, int n, double pSlow, double pError) {
        long slow = 0;
        long errors = 0;
        for (int i = 0; i < n; i++) {
            slow += r.nextDouble() < pSlow ? 1 : 0;
            errors += r.nextDouble() < pError ? 1 : 0;
        }
        long fast = n - slow;
        CumulativeHistogram h = new CumulativeHistogram(BOUNDS, new long[] {fast, fast, n, n});
        return new ScrapeInterval(T0.plusSeconds(15L * index), T0.plusSeconds(15L * (index + 1)), n, errors, h);
    }

    private DetectorReading feed(ColorMemory m, List<ScrapeInterval> all, int upTo) {
        return detector.update("blue", m, design, all.subList(0, upTo), all.get(upTo - 1).end(), new Evidence());
    }

    @Test
    void aHealthyColourNeverAlarmsAndAColourAtTheSloBoundaryRarely() {
        SplittableRandom r = new SplittableRandom(7);
        ColorMemory healthy = memory.color("blue");
        ColorMemory boundary = memory.color("green");
        List<ScrapeInterval> good = new ArrayList<>();
        List<ScrapeInterval> edge = new ArrayList<>();
        int alarmsHealthy = 0;
        int alarmsBoundary = 0;
        int intervals = 1000;
        for (int i = 0; i < intervals; i++) {
            good.add(interval(i, r, 600, 0.01, 0.001));
            edge.add(interval(i, r, 600, 0.05, 0.001));
            alarmsHealthy += feed(healthy, good, i + 1).alarm() ? 1 : 0;
            boolean before = boundary.latency.latched;
            DetectorReading b = feed(boundary, edge, i + 1);
            alarmsBoundary += b.latencyLatched() && !before ? 1 : 0;
        }
        System.out.printf(java.util.Locale.ROOT, "detector: %d intervals, healthy alarms %d, alarms at the SLO"
                + " boundary %d (design ARL0 %.0f intervals)%n", intervals, alarmsHealthy, alarmsBoundary,
                design.arl0());
        assertThat(alarmsHealthy).isZero();
        // at the boundary the design run length is about 900 intervals; a few alarms in 1000 are in line
        assertThat(alarmsBoundary).isLessThanOrEqualTo(5);
        assertThat(design.arl0()).isGreaterThan(500);
    }

    @Test
    void aSlowOnsetAlarmsOnTheFirstDegradedIntervalAndStaysAlarmed() {
        SplittableRandom r = new SplittableRandom(11);
        ColorMemory m = memory.color("blue");
        List<ScrapeInterval> all = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            all.add(interval(i, r, 6000, 0.01, 0));
            assertThat(feed(m, all, i + 1).alarm()).isFalse();
        }
        all.add(interval(8, r, 6000, 0.10, 0));
        DetectorReading first = feed(m, all, 9);
        assertThat(first.alarm()).isTrue();
        assertThat(first.consecutiveAlarms()).isEqualTo(1);
        all.add(interval(9, r, 6000, 0.20, 0));
        assertThat(feed(m, all, 10).consecutiveAlarms()).isEqualTo(2);
        // recovered: the first interval within the allowance clears the latch
        all.add(interval(10, r, 6000, 0.01, 0));
        DetectorReading back = feed(m, all, 11);
        assertThat(back.alarm()).isFalse();
        assertThat(back.consecutiveAlarms()).isZero();
    }

    @Test
    void aRepeatedQueryWithoutANewScrapeDoesNotCountTwice() {
        SplittableRandom r = new SplittableRandom(3);
        ColorMemory m = memory.color("blue");
        List<ScrapeInterval> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            all.add(interval(i, r, 6000, 0.3, 0));
        }
        assertThat(feed(m, all, 3).consecutiveAlarms()).isEqualTo(3);
        DetectorReading again = feed(m, all, 3);
        assertThat(again.newIntervals()).isZero();
        assertThat(again.consecutiveAlarms()).isEqualTo(3);
    }

    @Test
    void aCanaryWithThirtyPercentErrorsAlarmsInItsFirstInterval() {
        SplittableRandom r = new SplittableRandom(5);
        ColorMemory m = memory.color("green");
        List<ScrapeInterval> all = List.of(interval(0, r, 600, 0.0, 0.30));
        DetectorReading d = feed(m, all, 1);
        assertThat(d.alarm()).isTrue();
        assertThat(d.errorLatched()).isTrue();
        assertThat(m.recentIntervals().get(0).violating()).isTrue();
        assertThat(m.recentIntervals().get(0).verified()).isFalse();
    }

    @Test
    void anIdleIntervalClearsOldAlarms() {
        SplittableRandom r = new SplittableRandom(9);
        ColorMemory m = memory.color("blue");
        List<ScrapeInterval> all = new ArrayList<>(List.of(interval(0, r, 6000, 0.4, 0)));
        assertThat(feed(m, all, 1).alarm()).isTrue();
        all.add(interval(1, r, 0, 0, 0));
        DetectorReading idle = feed(m, all, 2);
        assertThat(idle.alarm()).isFalse();
        assertThat(idle.consecutiveAlarms()).isZero();
    }
}
