package dev.failoverlab.agent.brain.capacity;

import dev.failoverlab.agent.evidence.Evidence;
import dev.failoverlab.agent.observe.ColorObservation;
import dev.failoverlab.agent.observe.ServiceObservation;
import dev.failoverlab.agent.port.ClusterUnavailableException;
import dev.failoverlab.agent.port.ClusterView;
import dev.failoverlab.agent.port.PodInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the pods of each colour tell about time and failure: how long a new pod takes from start to ready (the
 * lead time scaling ahead must cover) and how often pods restart (the failure probability of the availability
 * model). Read from the API server once per query; unreadable pods are listed as missing.
 *
 * @param byColour       restarts, pod-seconds and crash-looping pods per colour
 * @param startupSeconds median start-to-ready time of ready pods; NaN when none could be timed
 */
record PodFacts(Map<String, ColourPods> byColour, double startupSeconds) {

    /** One colour's pods: restarts summed, pod-seconds lived, pods in CrashLoopBackOff. */
    record ColourPods(String colour, int pods, int restarts, double podSeconds, int crashLooping) {
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
            byColour.put(c.color(), new ColourPods(c.color(), pods.size(), restarts, seconds, crashing));
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
