package dev.failoverlab.agent.brain.capacity;

import dev.failoverlab.agent.evidence.Evidence;
import dev.failoverlab.agent.observe.ColorObservation;
import dev.failoverlab.agent.observe.ServiceObservation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the load forecast into replicas per colour. A colour's load is its traffic share of the total; its pods
 * stay at or below the CPU target while each serves at most {@code rateAtTarget} requests per second (from its CPU
 * model). It is sized for the highest upper bound of the forecast's 80 % interval within the provisioning lead
 * time, because a pod asked for now serves only after that long and the next query re-plans anyway; and, as the
 * HPA does, for {@code ceil(ready x cpu / target)} when CPU is already above target (beyond the HPA's tolerance).
 * Without a forecast the HPA's rule alone decides.
 */
final class ReplicaRequirement {
    /** The HPA's tolerance: no scaling while utilisation is within 10 % of the target. */
    static final double HPA_TOLERANCE = 0.1;

    private ReplicaRequirement() {
    }

    /** Traffic share per colour: the Service's weights, else the measured request shares, else all on the active. */
    static Map<String, Double> shares(ServiceObservation obs, Evidence evidence) {
        Map<String, Double> out = new LinkedHashMap<>();
        boolean routed = obs.colors().stream().allMatch(c -> Double.isFinite(c.trafficShare()));
        if (routed) {
            obs.colors().forEach(c -> out.put(c.color(), c.trafficShare()));
            return out;
        }
        double total = obs.totalRps();
        var model = evidence.model("traffic-shares(measured request shares)");
        for (ColorObservation c : obs.colors()) {
            double s = total > 0 ? (Double.isFinite(c.rps()) ? c.rps() / total : 0)
                    : (c.color().equals(obs.activeColor()) ? 1 : 0);
            out.put(c.color(), s);
            model.output(c.color() + ".share", s);
        }
        model.note(total > 0 ? "Service weights unreadable: shares from each colour's measured requests"
                : "no routing and no traffic measured: all traffic assumed on the active colour").add();
        return out;
    }

    /**
     * @param forecast   the load forecast, or null
     * @param leadSteps  forecast steps the sizing looks ahead
     * @param maxReplicas the guard's ceiling, used when idle CPU alone exceeds the target
     */
    static List<ColourNeed> compute(ServiceObservation obs, Map<String, Double> shares,
            Map<String, CpuCostModel.ColourCpu> cpu, PodFacts pods, DemandForecast.Result forecast, int leadSteps,
            double target, int maxReplicas, Evidence evidence) {
        double upper = forecast == null ? Double.NaN : Math.max(0, forecast.upperPeak(leadSteps));
        double peak = forecast == null ? Double.NaN : Math.max(0, forecast.peak());
        return obs.colors().stream().map(c -> need(c, shares.getOrDefault(c.color(), 0.0), cpu.get(c.color()),
                pods.byColour().get(c.color()), upper, peak, leadSteps, target, maxReplicas, evidence)).toList();
    }

    private static ColourNeed need(ColorObservation c, double share, CpuCostModel.ColourCpu cpu,
            PodFacts.ColourPods pods, double upper, double peak, int leadSteps, double target, int maxReplicas,
            Evidence evidence) {
        double cpuNow = c.cpuUtilization();
        // the HPA's rule counts only pods ready for a whole metric window (new pods at 0 % on a scale-up):
        // desired = ceil(their CPU / (target x request)), no change inside its 10 % tolerance
        double trustedUtil = cpuNow;
        double usage = Double.NaN;
        if (pods != null && pods.trustedPods() > 0 && c.cpuRequestMillis() > 0) {
            trustedUtil = pods.trustedCpuMillis() / (pods.trustedPods() * (double) c.cpuRequestMillis());
            usage = pods.trustedCpuMillis() / c.cpuRequestMillis();
        } else if (Double.isFinite(cpuNow)) {
            usage = cpuNow * Math.max(1, c.readyReplicas());
        }
        double ratio = trustedUtil / target;
        boolean over = share > 0 && Double.isFinite(trustedUtil) && ratio > 1 + HPA_TOLERANCE;
        int hpa = share <= 0 || !Double.isFinite(usage) ? -1
                : Math.abs(ratio - 1) <= HPA_TOLERANCE ? Math.max(1, c.specReplicas())
                : Math.max(1, (int) Math.ceil(usage / target - 1e-9));
        double rateAtTarget = cpu == null ? Double.NaN : cpu.rateAtUtilisation(target);
        int ahead = -1;
        double demand = Double.NaN;
        double cpuPeak = Double.NaN;
        if (share > 0 && cpu != null && Double.isFinite(upper)) {
            demand = share * upper;
            ahead = Double.isNaN(rateAtTarget) ? maxReplicas
                    : Math.max(1, (int) Math.ceil(demand / rateAtTarget - 1e-9));
            cpuPeak = cpu.utilisationAt(share * peak / Math.max(1, c.specReplicas()));
        }
        // with a forecast: its upper bound, raised at once when CPU is over target; without: the HPA's rule
        int required = share <= 0 ? 0 : ahead >= 0 ? Math.max(ahead, over ? hpa : 0) : hpa;
        var m = evidence.model("replica-requirement [" + c.color() + "]").parameter("share", share)
                .parameter("cpu_target", target).parameter("interval_level", DemandForecast.LEVEL)
                .parameter("lead_steps", leadSteps).parameter("spec_replicas", c.specReplicas());
        if (Double.isFinite(demand)) {
            m.parameter("demand_upper_rps", demand).output("rate_at_target_per_pod", rateAtTarget)
                    .output("required_ahead", ahead).output("cpu_peak", cpuPeak);
        }
        if (Double.isFinite(trustedUtil)) {
            m.output("trusted_utilisation", trustedUtil);
        }
        if (hpa >= 0) {
            m.parameter("hpa_tolerance", HPA_TOLERANCE).output("required_hpa_rule", hpa);
        }
        m.output("required", required).add();
        if (share > 0 && Double.isNaN(rateAtTarget) && cpu != null) {
            evidence.missing(c.color() + ": idle CPU alone exceeds the target; sized to the guard's ceiling");
        }
        return new ColourNeed(c.color(), c.deployment(), c.specReplicas(), c.readyReplicas(), share,
                Double.isFinite(trustedUtil) ? trustedUtil : cpuNow, cpuPeak, required, over, rateAtTarget, demand);
    }

    /**
     * The total request rate at which the first serving colour reaches the CPU target at its current replicas
     * (each colour's CPU is linear in the total at fixed shares); +Inf when no serving colour has a CPU model.
     */
    static double thresholdRps(List<ColourNeed> needs, Evidence evidence) {
        double threshold = Double.POSITIVE_INFINITY;
        var m = evidence.model("cpu-target-as-load(total rps at which a colour reaches the target)");
        for (ColourNeed n : needs) {
            if (n.serving() && Double.isFinite(n.rateAtTarget())) {
                double t = n.rateAtTarget() * n.spec() / n.share();
                m.output(n.colour() + ".threshold_rps", t);
                threshold = Math.min(threshold, t);
            }
        }
        if (Double.isFinite(threshold)) {
            m.output("threshold_rps", threshold).add();
        }
        return threshold;
    }
}
