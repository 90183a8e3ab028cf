package dev.failoverlab.agent.brain.capacity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-pod request rate and CPU of each colour, one sample per query (an {@link dev.failoverlab.agent.brain.AgentState}
 * entry). metrics-server keeps only the latest CPU sample, so the agent remembers earlier ones itself: several
 * windows at different loads let the service-rate regression separate idle CPU from CPU per request.
 */
final class CpuSamples {
    /** Samples kept per colour: ten minutes at the autoscaler's 15 s cadence. */
    static final int CAPACITY = 40;
    /** Two queries closer than this read the same metrics-server sample; the second is not added. */
    static final Duration MIN_SPACING = Duration.ofSeconds(10);

    /** One window: requests per second per ready pod and CPU cores per pod, at {@code at}. */
    record Sample(Instant at, double ratePerPod, double cpuCoresPerPod) {
    }

    private final Map<String, Deque<Sample>> byColour = new HashMap<>();

    /** Adds a sample unless one was taken less than {@link #MIN_SPACING} earlier; drops the oldest beyond capacity. */
    synchronized void add(String colour, Sample sample) {
        Deque<Sample> q = byColour.computeIfAbsent(colour, k -> new ArrayDeque<>());
        Sample last = q.peekLast();
        if (last != null && Duration.between(last.at(), sample.at()).compareTo(MIN_SPACING) < 0) {
            return;
        }
        q.addLast(sample);
        while (q.size() > CAPACITY) {
            q.removeFirst();
        }
    }

    /** The colour's samples, oldest first, none older than {@code maxAge} before {@code now}. */
    synchronized List<Sample> recent(String colour, Instant now, Duration maxAge) {
        List<Sample> out = new ArrayList<>();
        for (Sample s : byColour.getOrDefault(colour, new ArrayDeque<>())) {
            if (!s.at().isBefore(now.minus(maxAge))) {
                out.add(s);
            }
        }
        return out;
    }
}
