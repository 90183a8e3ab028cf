package dev.failoverlab.harness.sim;

import dev.failoverlab.harness.run.ColorSample;
import dev.failoverlab.harness.run.Sample;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Closes a sampling interval: sweeps timeouts up to its end, reads the recorder and the cluster state into a
 * {@link Sample}, and resets the interval counters.
 */
final class SampleBuilder {
    private final Simulation sim;
    private final Histogram total;

    SampleBuilder(Simulation sim) {
        this.sim = sim;
        this.total = sim.recorder.newHistogram();
    }

    Sample build() {
        double now = sim.clock.now;
        sim.flow.sweepTimeouts(now);
        Recorder r = sim.recorder;
        total.reset();
        long arrivals = 0;
        long ok = 0;
        long errors = 0;
        List<ColorSample> colors = new ArrayList<>(sim.deployments.length);
        for (SimDeployment d : sim.deployments) {
            int c = d.index;
            arrivals += r.arrivals[c];
            ok += r.ok[c];
            errors += r.errors[c];
            total.add(r.interval[c]);
            colors.add(colorSample(d, now));
            r.resetInterval(c);
        }
        double offered = sim.scenario.load().rateAt(Math.nextDown(now));
        return new Sample(now, offered, r.cumArrived, r.cumCompleted, r.cumFailed, sim.flow.outstanding, arrivals,
                ok, errors, Recorder.percentileMs(total, 50), Recorder.percentileMs(total, 95),
                Recorder.percentileMs(total, 99), colors);
    }

    private ColorSample colorSample(SimDeployment d, double now) {
        Recorder r = sim.recorder;
        int c = d.index;
        double memorySum = 0;
        int running = 0;
        for (SimPod pod : d.pods) {
            pod.flushCpu(now);
            if (pod.containerRunning()) {
                running++;
                memorySum += pod.memoryMiB(now, sim.workload.memoryBaseMiB(), sim.workload.memoryPerInflightMiB());
            }
        }
        double cpuUsed = d.cpuSeconds - d.cpuSecondsAtSample;
        d.cpuSecondsAtSample = d.cpuSeconds;
        double requestedCoreSeconds = d.runningPods.take(now) * d.requestCores;
        double cpuUtil = requestedCoreSeconds > 0 ? 100.0 * cpuUsed / requestedCoreSeconds : 0;
        return new ColorSample(d.color, r.arrivals[c], r.ok[c], r.errors[c],
                Recorder.percentileMs(r.interval[c], 50), Recorder.percentileMs(r.interval[c], 95),
                Recorder.percentileMs(r.interval[c], 99), sim.router.share(c) * 100.0, d.specReplicas, d.readyCount,
                d.pods.size(), d.existingPods.take(now), cpuUtil, running == 0 ? 0 : memorySum / running);
    }
}
