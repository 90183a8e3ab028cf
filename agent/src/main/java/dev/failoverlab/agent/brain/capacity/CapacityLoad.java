package dev.failoverlab.agent.brain.capacity;

import dev.failoverlab.agent.analytics.optimize.ColourAllocation;
import dev.failoverlab.agent.analytics.optimize.PlanOutcome;
import dev.failoverlab.agent.analytics.optimize.PlanResult;
import dev.failoverlab.agent.analytics.optimize.Relaxation;
import dev.failoverlab.agent.evidence.Evidence;
import dev.failoverlab.agent.observe.ServiceObservation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code load_prediction} block and the structured {@code plan} of {@code /optimize}: the expected load
 * against the current one, the replicas the load needs at the CPU target (a range from the service-rate
 * interval when there is one), and the plan search's answer as numbers.
 */
final class CapacityLoad {

    private CapacityLoad() {
    }

    static OptimizeResponse.LoadPrediction prediction(ServiceObservation obs, double expected, PlanInputs active,
            PlanPrediction best, double target, Evidence ev) {
        String rps = Fmt.whole(expected) + " (current: " + Fmt.whole(obs.totalRps()) + ")";
        CpuCostModel.ColourCpu cpu = active.cpu();
        double rate = cpu.rateAtUtilisation(target);
        String required;
        if (Double.isFinite(rate) && rate > 0) {
            int point = (int) Math.ceil(expected / rate - 1e-9);
            var m = ev.model("required-capacity(replicas at the CPU target)").parameter("cpu_target", target)
                    .parameter("expected_rps", expected).parameter("rate_at_target_per_pod", rate)
                    .output("replicas", point);
            double lo = point;
            double hi = point;
            double mu = cpu.rate().perPod();
            if (Double.isFinite(cpu.rate().lower()) && cpu.rate().lower() > 0 && Double.isFinite(cpu.rate().upper())) {
                hi = Math.ceil(expected / (rate * cpu.rate().lower() / mu) - 1e-9);
                lo = Math.ceil(expected / (rate * cpu.rate().upper() / mu) - 1e-9);
                m.parameter("confidence", cpu.rate().confidence()).output("replicas_low", lo)
                        .output("replicas_high", hi);
            }
            m.add();
            required = (lo == hi ? Fmt.whole(point) : Fmt.whole(lo) + "-" + Fmt.whole(hi)) + " replicas total at "
                    + Fmt.pct(target) + " CPU";
        } else {
            required = "insufficient data: idle CPU alone reaches the CPU target";
        }
        String peak = best == null ? "no feasible plan" : "~" + Fmt.pct(best.peakCpu()) + " per pod";
        return new OptimizeResponse.LoadPrediction(rps, required, peak);
    }

    static OptimizeResponse.Plan plan(PlanResult r, PlanPrediction best, double expected, List<PlanInputs> inputs,
            double base, Evidence ev) {
        Map<String, Double> failure = new LinkedHashMap<>();
        inputs.forEach(i -> failure.put(i.colour(), i.model().podFailureProbability()));
        List<String> binding = r.binding().stream().map(OptimizeTexts::name).toList();
        if (best == null) {
            Map<String, Object> relaxation = null;
            Relaxation c = r.cheapestRelaxation();
            if (c != null) {
                relaxation = new LinkedHashMap<>();
                relaxation.put("constraint", OptimizeTexts.name(c.constraint()));
                relaxation.put("current_limit", OptimizeTexts.inRequestUnits(c.constraint(), c.currentLimit(), base));
                relaxation.put("required_limit", OptimizeTexts.inRequestUnits(c.constraint(), c.requiredLimit(), base));
                relaxation.put("relative_change", c.relativeChange());
                relaxation.put("replicas", replicas(c.plan()));
            }
            return new OptimizeResponse.Plan(false, expected, null, null, null, binding, List.of(), relaxation,
                    failure);
        }
        List<Map<String, Object>> runners = new ArrayList<>();
        var m = ev.model("runners-up(plan search)").parameter("base_latency_ms", base);
        int i = 1;
        for (PlanOutcome o : r.runnersUp()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("replicas", replicas(o));
            Map<String, Integer> split = new LinkedHashMap<>();
            for (ColourAllocation a : o.allocations()) {
                int pct = (int) Math.round(a.share() * 100);
                split.put(a.colour(), pct);
                m.output(i + "." + a.colour() + ".replicas", a.replicas()).output(i + "." + a.colour() + ".share",
                        a.share()).output(i + "." + a.colour() + ".split_percent", pct);
            }
            double p95 = o.latencySeconds() * 1000 + base;
            m.output(i + ".p95_ms", p95).output(i + ".cost_per_hour", o.costPerHour());
            row.put("split_percent", split);
            row.put("p95_ms", p95);
            row.put("cost_per_hour", o.costPerHour());
            runners.add(row);
            i++;
        }
        m.add();
        Map<String, Integer> replicas = replicas(best.outcome());
        return new OptimizeResponse.Plan(true, expected, replicas, best.splitPercent(), best.asMap(), binding, runners,
                null, failure);
    }

    private static Map<String, Integer> replicas(PlanOutcome o) {
        Map<String, Integer> out = new LinkedHashMap<>();
        o.allocations().forEach(a -> out.put(a.colour(), a.replicas()));
        return out;
    }
}
