package dev.failoverlab.harness.sim;

import dev.failoverlab.agent.port.PodInfo;
import dev.failoverlab.harness.run.ColorSample;
import dev.failoverlab.harness.run.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the live model into a {@link LiveStatus}; runs under the live simulation's lock. */
final class LiveStatusBuilder {
    private LiveStatusBuilder() {
    }

    static LiveStatus build(LiveSimulation live, Sample latest) {
        Simulation sim = live.sim;
        double now = sim.clock.now;
        double window = Simulation.SAMPLE_SECONDS;
        List<LiveStatus.Deployment> deployments = new ArrayList<>();
        Map<String, Integer> traffic = new LinkedHashMap<>();
        for (SimDeployment d : sim.deployments) {
            int percent = (int) Math.round(sim.router.share(d.index) * 100);
            traffic.put(d.color, percent);
            ColorSample c = latest == null ? null : latest.color(d.color);
            LiveRollout rollout = LiveRollout.of(d);
            deployments.add(new LiveStatus.Deployment(d.name, d.color, d.specReplicas, d.readyCount,
                    d.updatedReplicas(), rollout.complete(), percent,
                    c == null ? null : c.arrivals() / window,
                    c == null ? null : finite(c.p95Ms()),
                    c == null ? null : errorPercent(c.ok(), c.errors()),
                    c == null ? null : c.cpuUtilPercent(),
                    knobs(d.templates.knobs(d.revision)), pods(d, now)));
        }
        Map<String, String> selector = new TreeMap<>();
        selector.put("app", sim.scenario.cluster().service());
        int selected = sim.router.selector();
        if (selected >= 0) {
            selector.put("color", sim.deployments[selected].color);
        }
        return new LiveStatus(now, live.speed(), sim.scenario.cluster().namespace(),
                sim.scenario.cluster().service(), live.arrivals.load().describe(), live.arrivals.rateAt(now), window,
                latest == null ? null : latest.arrivals() / window,
                latest == null ? null : finite(latest.p95Ms()),
                latest == null ? null : errorPercent(latest.ok(), latest.errors()),
                selector, traffic, deployments);
    }

    private static List<LiveStatus.Pod> pods(SimDeployment d, double now) {
        List<LiveStatus.Pod> pods = new ArrayList<>(d.pods.size());
        for (SimPod p : d.pods) {
            pods.add(new LiveStatus.Pod(p.name, d.name, status(p.phase()), p.ready, p.restarts, now - p.createdAt));
        }
        return pods;
    }

    /** kubectl's STATUS column. */
    static String status(PodInfo.Phase phase) {
        return switch (phase) {
            case PENDING -> "Pending";
            case RUNNING -> "Running";
            case CRASH_LOOP_BACK_OFF -> "CrashLoopBackOff";
            case TERMINATING -> "Terminating";
        };
    }

    private static Map<String, Double> knobs(PodTemplates.Knobs k) {
        Map<String, Double> knobs = new TreeMap<>();
        knobs.put(PodTemplates.SLOW_REQUESTS, k.slowFraction() * 100);
        knobs.put(PodTemplates.RANDOM_ERRORS, k.errorFraction() * 100);
        knobs.put(PodTemplates.SLOW_DELAY_MS, k.slowDelaySeconds() * 1000);
        return knobs;
    }

    private static Double errorPercent(long ok, long errors) {
        long finished = ok + errors;
        return finished == 0 ? null : 100.0 * errors / finished;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
