package dev.failoverlab.harness.calibrate;

import dev.failoverlab.loadgen.http.LoadGenerator;
import dev.failoverlab.loadgen.http.LoadListener;
import dev.failoverlab.loadgen.http.LoadOptions;
import dev.failoverlab.loadgen.http.LoadResult;
import dev.failoverlab.loadgen.profile.LoadProfile;
import dev.failoverlab.loadgen.profile.LoadSegment;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Runs one constant open-loop level against the workload with the real load generator, in chunks. Around each chunk
 * it reads the workload's counters (CPU seconds, requests) and the machine's CPU, so each chunk knows how many cores
 * the workload, the load generator and everything else used over the same wall-clock window.
 *
 * <p>The machine is shared with other tenants whose bursts stall the workload for tens to hundreds of ms; the
 * simulator models a pod with dedicated cores. So a level keeps running chunks until it has its duration's worth in
 * which the other tenants stayed under {@link Plan#neighbourLimitCores} (or runs out of its time allowance, then it
 * takes the least disturbed chunks and says so). The figures come from the merged histograms of the kept chunks;
 * the p95 over all chunks is kept beside them for the report.
 */
final class LevelRunner {
    /**
     * @param chunk               length of one chunk
     * @param allowance           at most this many times the level's duration is spent looking for quiet chunks
     * @param neighbourLimitCores other tenants' CPU above which a chunk counts as disturbed
     */
    record Plan(Duration chunk, double allowance, double neighbourLimitCores) {
    }

    private record Chunk(LoadResult result, double wallSeconds, double workloadCpuSeconds, double serverRequests,
                         double loadgenCpuSeconds, double neighbourCpuSeconds) {
        double neighbourCores() {
            return neighbourCpuSeconds / wallSeconds;
        }
    }

    private final WorkloadEndpoint endpoint;
    private final URI target;
    private final int connections;
    private final long seed;
    private final Plan plan;
    private long chunkSerial;

    /**
     * @param target      the URL the load goes to ({@code GET}); normally the workload's {@code /}
     * @param connections the load generator's connection pool: enough that slow requests never hold all of them
     */
    LevelRunner(WorkloadEndpoint endpoint, URI target, int connections, long seed, Plan plan) {
        this.endpoint = endpoint;
        this.target = target;
        this.connections = connections;
        this.seed = seed;
        this.plan = plan;
    }

    /**
     * @param slowThreshold latency at or above which a request counts as slow (half the slow delay), or null
     */
    RealLevel run(double rps, Duration duration, Duration slowThreshold) {
        int needed = (int) Math.max(1, Math.round((double) duration.toNanos() / plan.chunk().toNanos()));
        int allowed = (int) Math.ceil(needed * plan.allowance());
        List<Chunk> all = new ArrayList<>();
        List<Chunk> quiet = new ArrayList<>();
        while (quiet.size() < needed && all.size() < allowed) {
            Chunk c = chunk(rps, plan.chunk());
            all.add(c);
            if (!(c.neighbourCores() > plan.neighbourLimitCores())) {
                quiet.add(c);
            }
        }
        boolean undisturbed = quiet.size() >= needed;
        List<Chunk> used = undisturbed ? quiet : all.stream()
                .sorted(Comparator.comparingDouble(Chunk::neighbourCores)).limit(needed).toList();
        return level(rps, used, all, undisturbed, slowThreshold);
    }

    /** One run of {@code duration} taken as it comes (warm-up, sizing): no chunks, nothing left out. */
    RealLevel once(double rps, Duration duration) {
        List<Chunk> one = List.of(chunk(rps, duration));
        return level(rps, one, one, true, null);
    }

    private Chunk chunk(double rps, Duration length) {
        LoadProfile profile = new LoadProfile(List.of(new LoadSegment.Constant(rps, length.toNanos() / 1e9)));
        // each chunk its own arrival stream, all derived from the seed
        LoadOptions options = LoadOptions.of(target, profile).withConnections(connections)
                .withSeed(seed * 1_000_003L + chunkSerial++);
        MachineCpu.Reading machineBefore = MachineCpu.read();
        WorkloadEndpoint.Counters before = endpoint.counters();
        LoadResult result = LoadGenerator.run(options, LoadListener.NONE);
        WorkloadEndpoint.Counters after = endpoint.counters();
        MachineCpu.Reading machineAfter = MachineCpu.read();
        double wall = (after.nanoTime() - before.nanoTime()) / 1e9;
        double workloadCpu = after.cpuSeconds() - before.cpuSeconds();
        double machineWall = (machineAfter.nanoTime() - machineBefore.nanoTime()) / 1e9;
        double loadgenCpu = machineAfter.ownCoresSince(machineBefore) * wall;
        double busyCpu = machineAfter.busyCoresSince(machineBefore) * machineWall;
        double neighbourCpu = Double.isNaN(busyCpu) ? Double.NaN : Math.max(0, busyCpu - workloadCpu - loadgenCpu);
        return new Chunk(result, wall, workloadCpu, after.requests() - before.requests(), loadgenCpu, neighbourCpu);
    }

    private static RealLevel level(double rps, List<Chunk> used, List<Chunk> all, boolean undisturbed,
                                   Duration slowThreshold) {
        Histogram latency = merged(used);
        double wall = 0;
        double workloadCpu = 0;
        double requests = 0;
        double loadgenCpu = 0;
        double neighbourCpu = 0;
        double loadSeconds = 0;
        long completed = 0;
        long errors = 0;
        for (Chunk c : used) {
            wall += c.wallSeconds();
            workloadCpu += c.workloadCpuSeconds();
            requests += c.serverRequests();
            loadgenCpu += c.loadgenCpuSeconds();
            neighbourCpu += c.neighbourCpuSeconds();
            loadSeconds += c.result().durationSeconds();
            completed += c.result().completed();
            errors += c.result().errors();
        }
        double slow = slowThreshold == null ? 0 : atOrAbove(latency, slowThreshold);
        RealLevel.Sharing sharing = new RealLevel.Sharing(loadgenCpu / wall, neighbourCpu / wall, used.size(),
                all.size(), percentileMs(merged(all), 95), undisturbed);
        return new RealLevel(rps, completed / loadSeconds, requests / wall, percentileMs(latency, 50),
                percentileMs(latency, 95), percentileMs(latency, 99), slow, workloadCpu / wall, completed, errors,
                wall, sharing);
    }

    private static Histogram merged(List<Chunk> chunks) {
        Histogram h = chunks.get(0).result().latency().copy();
        for (int i = 1; i < chunks.size(); i++) {
            h.add(chunks.get(i).result().latency());
        }
        return h;
    }

    private static double percentileMs(Histogram h, double p) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(p) / 1000.0;
    }

    /** Fraction of requests at or above {@code d}; values in d's own bucket count as above. */
    private static double atOrAbove(Histogram h, Duration d) {
        long total = h.getTotalCount();
        if (total == 0) {
            return 0;
        }
        long micros = d.toNanos() / 1000;
        long below = h.getCountBetweenValues(0, h.lowestEquivalentValue(micros) - 1);
        return (double) (total - below) / total;
    }
}
