package dev.failoverlab.harness.sim;

import dev.failoverlab.agent.port.ScrapeSample;
import java.util.ArrayList;
import java.util.List;

/**
 * Prometheus: every 15 s it stores each colour's cumulative request and error counters and latency histogram
 * (default buckets, cumulative {@code le} counts, sum). Policies read only these stored scrapes, so what they see
 * lags reality by up to one scrape interval.
 */
final class Prometheus {
    static final double SCRAPE_SECONDS = 15;

    private final Simulation sim;
    private final List<List<ScrapeSample>> byColor = new ArrayList<>();

    Prometheus(Simulation sim) {
        this.sim = sim;
        for (int c = 0; c < sim.deployments.length; c++) {
            byColor.add(new ArrayList<>());
        }
    }

    void scrape() {
        double now = sim.clock.now;
        sim.flow.sweepTimeouts(now);
        Recorder r = sim.recorder;
        for (int c = 0; c < byColor.size(); c++) {
            long[] cumulative = new long[Recorder.BUCKETS_MS.length];
            long sum = 0;
            for (int b = 0; b < cumulative.length; b++) {
                sum += r.promBuckets[c][b];
                cumulative[b] = sum;
            }
            byColor.get(c).add(new ScrapeSample(SimClock.instant(now), r.promRequests[c], r.promErrors[c],
                    Recorder.BUCKETS_MS.clone(), cumulative, r.promSumMs[c]));
        }
        sim.queue.push(now + SCRAPE_SECONDS, EventType.SCRAPE, 0);
    }

    /** Scrapes of one colour no older than {@code fromSeconds}, oldest first, as copies. */
    List<ScrapeSample> since(int color, double fromSeconds) {
        List<ScrapeSample> stored = byColor.get(color);
        List<ScrapeSample> result = new ArrayList<>();
        java.time.Instant from = SimClock.instant(fromSeconds);
        for (ScrapeSample s : stored) {
            if (!s.timestamp().isBefore(from)) {
                result.add(new ScrapeSample(s.timestamp(), s.requests(), s.errors(), s.bucketUpperMs().clone(),
                        s.bucketCounts().clone(), s.latencySumMs()));
            }
        }
        return result;
    }
}
