package dev.failoverlab.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failoverlab.loadgen.http.ArrivalProcess;
import dev.failoverlab.loadgen.http.LoadGenerator;
import dev.failoverlab.loadgen.http.LoadListener;
import dev.failoverlab.loadgen.http.LoadOptions;
import dev.failoverlab.loadgen.http.LoadResult;
import dev.failoverlab.loadgen.profile.LoadProfile;
import dev.failoverlab.loadgen.profile.LoadSegment;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The loopback checks: the real workload driven by the real load generator. Fractions are judged against
 * a two-sided 99.9 % binomial interval around the configured percentage, so a correct app fails one run in a
 * thousand per check.
 */
final class WorkloadUnderLoadTest {
    private static final double Z_999 = 3.2905;

    @Test
    void oneThousandRequestsPerSecondForTwentySecondsAreDeliveredWithinTwoPercent() throws Exception {
        WorkloadConfig config = WorkloadConfig.defaults().withPort(0).withWarmupSeconds(0).withWork(0.2, 1.0);
        try (WorkloadServer server = WorkloadServer.start(config)) {
            LoadResult r = drive(server, 1000, 20, 32);
            report("1000 req/s x 20 s", r, String.format(Locale.ROOT, "achieved %.1f req/s (%+.2f %%)",
                    r.achievedRps(), 100 * (r.achievedRps() / 1000 - 1)));

            assertThat(r.durationSeconds()).isCloseTo(20, org.assertj.core.data.Offset.offset(0.5));
            assertThat(r.achievedRps()).as("achieved rate").isBetween(980.0, 1020.0);
            assertThat(r.errors()).isZero();
            assertThat(r.unsent()).isZero();
        }
    }

    @Test
    void slowRequestsKnobDelaysAboutThatShareAndLiftsP95ToTheDelay() throws Exception {
        long delayMs = 700;
        WorkloadConfig config = WorkloadConfig.defaults().withPort(0).withWarmupSeconds(0).withWork(0.2, 1.0)
                .withSlow(20, delayMs);
        try (WorkloadServer server = WorkloadServer.start(config)) {
            // 200/s × 20 % × 0.7 s ≈ 28 requests wait at a time: 100 connections keep arrivals from queueing
            LoadResult r = drive(server, 200, 10, 100);

            long slow = r.countAtOrAbove(Duration.ofMillis(delayMs));
            report("SLOW_REQUESTS=20", r, String.format(Locale.ROOT, "%d of %d at or above %d ms (%.2f %%), p95 %.1f ms",
                    slow, r.completed(), delayMs, 100.0 * slow / r.completed(), r.percentileMs(95)));
            assertThat(r.errors()).isZero();
            assertInsideBinomialInterval(slow, r.completed(), 0.20);
            assertThat(r.percentileMs(95)).as("p95 ms").isGreaterThanOrEqualTo(delayMs);
        }
    }

    @Test
    void randomErrorsKnobAnswersAboutThatShareWith500() throws Exception {
        WorkloadConfig config = WorkloadConfig.defaults().withPort(0).withWarmupSeconds(0).withWork(0.2, 1.0)
                .withErrorPercent(5);
        try (WorkloadServer server = WorkloadServer.start(config)) {
            LoadResult r = drive(server, 400, 10, 32);

            long answered500 = r.statusCounts().getOrDefault(500, 0L);
            report("RANDOM_ERRORS=5", r, String.format(Locale.ROOT, "%d of %d answered 500 (%.2f %%)",
                    answered500, r.completed(), 100.0 * answered500 / r.completed()));
            assertThat(r.errors()).as("every error is a 500").isEqualTo(answered500);
            assertInsideBinomialInterval(answered500, r.completed(), 0.05);
        }
    }

    private static LoadResult drive(WorkloadServer server, double rps, double seconds, int connections) {
        LoadProfile profile = new LoadProfile(List.of(new LoadSegment.Constant(rps, seconds)));
        LoadOptions options = LoadOptions.of(server.baseUri(), profile).withConnections(connections)
                .withArrivals(ArrivalProcess.UNIFORM).withSeed(4);
        return LoadGenerator.run(options, LoadListener.NONE);
    }

    /** The measured figures, for the build log. */
    private static void report(String check, LoadResult r, String figure) {
        System.out.printf(Locale.ROOT, "%s: %s; intended %d, completed %d, late %d, unsent %d%n", check, figure,
                r.intended(), r.completed(), r.late(), r.unsent());
    }

    private static void assertInsideBinomialInterval(long hits, long n, double p) {
        double half = Z_999 * Math.sqrt(p * (1 - p) / n);
        assertThat(n).isGreaterThan(1000);
        assertThat((double) hits / n).as(hits + " of " + n).isBetween(p - half, p + half);
    }
}
