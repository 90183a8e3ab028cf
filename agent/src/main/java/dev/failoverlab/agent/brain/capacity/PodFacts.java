package dev.failoverlab.agent.brain.capacity;

import dev.failoverlab.agent.evidence.Evidence;
import dev.failoverlab.agent.observe.ColorObservation;
import dev.failoverlab.agent.observe.ServiceObservation;
import dev.failoverlab.agent.port.ClusterUnavailableException;
import dev.failoverlab.agent.port.ClusterView;
import dev.failoverlab.agent.port.PodInfo;
import dev.failoverlab.agent.port.PodMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the pods of each colour tell about time, failure and trustworthy CPU: how long a new pod takes from start
 * to ready (the lead time scaling ahead must cover), how often pods restart (the failure probability of the
 * availability model), and the CPU of the pods ready for a whole metric window, which is what the HPA's rule
 * counts (a sample taken while a pod was starting, or before it served, says nothing about its load). Read once
 * per query; unreadable sources are listed as missing.
 *
 * @param byColour       restarts, pod-seconds and crash-looping pods per colour
 * @param startupSeconds median start-to-ready time of ready pods; NaN when none could be timed
 */
record PodFacts(Map<String, ColourPods> byColour, double startupSeconds) {

    /**
     * One colour's pods: restarts summed, pod-seconds lived, pods in CrashLoopBackOff, and the CPU of the pods whose
     * metrics-server sample the HPA would trust (ready for a whole metric window): {@code trustedPods} of them
     * using {@code trustedCpuMillis} together; -1 pods when metrics-server could not be read.
     */
    record ColourPods(String colour, int pods, int restarts, double podSeconds, int crashLooping, int trustedPods,
            double trustedCpuMillis) {
    }

    static PodFacts read(ClusterView view, ServiceObservation obs, Evidence evidence) {
        Instant now = obs.at();
        Map<String, ColourPods> byColour = new LinkedHashMap<>();
        List<Double> startups = new ArrayList<>();
        for (ColorObservation c : obs.colors()) {
            List<PodInfo> pods;
            try {
                pods = view.pods(c.deployment());
            } catch (ClusterUnavailableException e) {
                evidence.missing("api-server: pods of " + c.deployment() + " unreadable for restart and start-up"
                        + " times (" + e.getMessage() + ")");
                continue;
            }
            int restarts = 0;
            int crashing = 0;
            double seconds = 0;
            for (PodInfo p : pods) {
                restarts += p.restarts();
                crashing += p.phase() == PodInfo.Phase.CRASH_LOOP_BACK_OFF ? 1 : 0;
                if (p.startTime() != null && !p.startTime().isAfter(now)) {
                    seconds += Duration.between(p.startTime(), now).toMillis() / 1000.0;
                    if (p.ready() && p.readyTransition() != null && !p.readyTransition().isBefore(p.startTime())) {
                        startups.add(Duration.between(p.startTime(), p.readyTransition()).toMillis() / 1000.0);
                    }
                }
            }
            int trusted = -1;
            double usage = 0;
            try {
                Map<String, PodInfo> byName = new HashMap<>();
                pods.forEach(p -> byName.put(p.name(), p));
                trusted = 0;
                for (PodMetrics m : view.podMetrics(c.deployment())) {
                    PodInfo p = byName.get(m.pod());
                    if (p != null && p.ready() && p.readyTransition() != null
                            && !m.timestamp().isBefore(p.readyTransition().plus(m.window()))) {
                        trusted++;
                        usage += m.cpuMillis();
                    }
                }
                evidence.measure("trusted_cpu_pods", c.color(), "15s", trusted, "pods", "metrics-server");
                evidence.measure("trusted_cpu_sum", c.color(), "15s", usage, "millicores", "metrics-server");
            } catch (ClusterUnavailableException e) {
                trusted = -1; // Observer has already listed metrics-server as missing
            }
            byColour.put(c.color(), new ColourPods(c.color(), pods.size(), restarts, seconds, crashing, trusted,
                    usage));
            evidence.measure("pod_restarts", c.color(), "pod lifetimes", restarts, "restarts", "api-server");
            evidence.measure("pod_seconds", c.color(), "pod lifetimes", seconds, "s", "api-server");
            if (crashing > 0) {
                evidence.measure("crash_looping_pods", c.color(), "instant", crashing, "pods", "api-server");
            }
        }
        double startup = Double.NaN;
        if (!startups.isEmpty()) {
            Collections.sort(startups);
            int n = startups.size();
            startup = n % 2 == 1 ? startups.get(n / 2) : (startups.get(n / 2 - 1) + startups.get(n / 2)) / 2;
            evidence.measure("pod_startup_median", "service", "ready pods", startup, "s", "api-server");
        }
        return new PodFacts(byColour, startup);
    }
}
