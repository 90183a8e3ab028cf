package dev.failoverlab.agent.brain.capacity;

import dev.failoverlab.agent.analytics.optimize.ColourAllocation;
import dev.failoverlab.agent.analytics.optimize.PlanOutcome;
import dev.failoverlab.agent.evidence.Evidence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan's predicted outcomes as the response shows them: the plan search's queueing p95 plus the colours'
 * non-CPU latency, its error rate, availability and cost, and each colour's CPU per pod at its share of the load
 * (from the colour's CPU model). Recorded as one model entry so every figure printed is in the evidence.
 *
 * @param p95Ms        predicted service p95 latency
 * @param cpuUtil      CPU utilisation per pod of each colour (fraction of request)
 * @param peakCpu      highest CPU utilisation of a colour that serves traffic
 */
record PlanPrediction(PlanOutcome outcome, double p95Ms, double errorRate, double availability, double costPerHour,
        Map<String, Double> cpuUtil, double peakCpu) {

    static PlanPrediction of(String name, PlanOutcome o, List<PlanInputs> inputs, double baseLatencyMs,
            Evidence evidence) {
        var m = evidence.model(name).parameter("base_latency_ms", baseLatencyMs)
                .parameter("queue_p95_ms", o.latencySeconds() * 1000);
        Map<String, Double> cpu = new LinkedHashMap<>();
        double peak = 0;
        for (ColourAllocation a : o.allocations()) {
            PlanInputs in = inputs.stream().filter(i -> i.colour().equals(a.colour())).findFirst().orElseThrow();
            double u = a.replicas() == 0 ? 0 : in.cpu().utilisationAt(a.arrivalRate() / a.replicas());
            cpu.put(a.colour(), u);
            if (a.share() > 0) {
                peak = Math.max(peak, u);
            }
            m.output(a.colour() + ".replicas", a.replicas()).output(a.colour() + ".share", a.share())
                    .output(a.colour() + ".cpu_util", u);
        }
        PlanPrediction provisional = new PlanPrediction(o, 0, 0, 0, 0, cpu, peak);
        provisional.splitPercent().forEach((c, pct) -> m.output(c + ".split_percent", pct));
        double p95 = o.latencySeconds() * 1000 + baseLatencyMs;
        m.output("p95_ms", p95).output("error_rate", o.errorRate()).output("availability", o.availability())
                .output("cost_per_hour", o.costPerHour()).output("peak_cpu", peak).add();
        return new PlanPrediction(o, p95, o.errorRate(), o.availability(), o.costPerHour(), cpu, peak);
    }

    int replicas(String colour) {
        return outcome.allocations().stream().filter(a -> a.colour().equals(colour)).findFirst().orElseThrow()
                .replicas();
    }

    /** Whole percent per colour, the first colour taking the rounding remainder so they sum to 100. */
    Map<String, Integer> splitPercent() {
        Map<String, Integer> out = new LinkedHashMap<>();
        List<ColourAllocation> a = outcome.allocations();
        int second = (int) Math.round(a.get(1).share() * 100);
        out.put(a.get(0).colour(), 100 - second);
        out.put(a.get(1).colour(), second);
        return out;
    }

    Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p95_ms", p95Ms);
        m.put("error_rate", errorRate);
        m.put("availability", availability);
        m.put("cost_per_hour", costPerHour);
        m.put("cpu_util", cpuUtil);
        return m;
    }
}
