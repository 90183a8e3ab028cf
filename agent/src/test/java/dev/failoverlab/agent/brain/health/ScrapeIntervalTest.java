package dev.failoverlab.agent.brain.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failoverlab.agent.port.ScrapeSample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ScrapeIntervalTest {
    private static final double[] BOUNDS = {50, 100, 250, Double.POSITIVE_INFINITY};
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private static ScrapeSample sample(int secondsAfter, long requests, long errors, long... cumulative) {
        return new ScrapeSample(T0.plusSeconds(secondsAfter), requests, errors, BOUNDS.clone(), cumulative, 0);
    }

    @Test
    void differencesConsecutiveScrapesExactly() {
        List<ScrapeSample> s = List.of(sample(0, 1000, 10, 900, 950, 990, 1000),
                sample(15, 1600, 16, 1440, 1520, 1590, 1600), sample(30, 2200, 40, 1900, 2050, 2180, 2200));
        List<ScrapeInterval> in = ScrapeInterval.between(s, T0.plusSeconds(30), Duration.ofMinutes(1));
        assertThat(in).hasSize(2);
        assertThat(in.get(0).requests()).isEqualTo(600);
        assertThat(in.get(0).errors()).isEqualTo(6);
        assertThat(in.get(0).rps()).isEqualTo(40.0);
        assertThat(in.get(1).histogram().cumulativeCounts()).containsExactly(460, 530, 590, 600);
        ScrapeInterval merged = ScrapeInterval.merge(in);
        assertThat(merged.requests()).isEqualTo(1200);
        assertThat(merged.errors()).isEqualTo(30);
        assertThat(merged.histogram().total()).isEqualTo(1200);
        assertThat(merged.seconds()).isEqualTo(30.0);
    }

    @Test
    void aCounterResetCountsFromZeroLikePromQl() {
        List<ScrapeSample> s = List.of(sample(0, 5000, 50, 4000, 4500, 4900, 5000),
                sample(15, 300, 3, 250, 280, 295, 300));
        ScrapeInterval i = ScrapeInterval.between(s, T0.plusSeconds(15), Duration.ofMinutes(1)).get(0);
        assertThat(i.requests()).isEqualTo(300);
        assertThat(i.errors()).isEqualTo(3);
        assertThat(i.histogram().total()).isEqualTo(300);
    }

    @Test
    void scrapesWithoutAnInfBucketGiveNoHistogramButKeepCounts() {
        double[] noInf = {50, 100};
        List<ScrapeSample> s = List.of(new ScrapeSample(T0, 100, 1, noInf, new long[] {90, 100}, 0),
                new ScrapeSample(T0.plusSeconds(15), 200, 2, noInf, new long[] {180, 200}, 0));
        ScrapeInterval i = ScrapeInterval.between(s, T0.plusSeconds(15), Duration.ofMinutes(1)).get(0);
        assertThat(i.requests()).isEqualTo(100);
        assertThat(i.histogram()).isNull();
    }

    @Test
    void onlyScrapesInsideTheRangeCount() {
        List<ScrapeSample> s = List.of(sample(0, 0, 0, 0, 0, 0, 0), sample(15, 100, 0, 100, 100, 100, 100),
                sample(30, 200, 0, 200, 200, 200, 200), sample(45, 300, 0, 300, 300, 300, 300));
        assertThat(ScrapeInterval.between(s, T0.plusSeconds(45), Duration.ofSeconds(30))).hasSize(1);
        assertThat(ScrapeInterval.merge(List.of())).isNull();
    }
}
