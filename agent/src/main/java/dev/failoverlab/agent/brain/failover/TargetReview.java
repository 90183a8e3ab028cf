package dev.failoverlab.agent.brain.failover;

import dev.failoverlab.agent.brain.health.CapacityVerdict;
import dev.failoverlab.agent.brain.health.ColorHealth;
import dev.failoverlab.agent.brain.health.Fmt;
import dev.failoverlab.agent.brain.health.HealthStatus;
import dev.failoverlab.agent.brain.health.ServiceHealth;
import dev.failoverlab.agent.evidence.Evidence;

/**
 * Whether a colour is a safe place for traffic, how much of the load its ready pods carry now, how many pods the
 * whole load needs, and the failover risk. Capacity uses the target's own service-rate estimate, else the
 * source's (same image), else pod parity (a target pod carries what a source pod carries now).
 *
 * @param eligible         traffic may move there
 * @param reason           why not (null when eligible)
 * @param carryPercent     share of the whole load its ready pods carry at the move utilisation, 0..100
 * @param podsForFullLoad  pods that carry the whole load at the planning utilisation (the current count when it
 *                         is within the HPA's tolerance of that)
 */
record TargetReview(boolean eligible, String reason, Risk risk, String riskReason, int carryPercent,
        int podsForFullLoad) {

    static TargetReview review(ServiceHealth h, ColorHealth src, ColorHealth tgt, double moveUtilisation,
            double planUtilisation, long provenMemorySeconds, Evidence ev) {
        String c = tgt.color();
        String reason = null;
        // a failing source makes a merely degraded or marked target the lesser evil: never worse, never unready
        boolean lesserEvil = src.status() == HealthStatus.FAILING && tgt.status() != HealthStatus.FAILING;
        if (tgt.failedVerification() && !lesserEvil) {
            reason = c + " is marked unsafe (" + tgt.failedDetail() + ") until its pods are replaced or it serves"
                    + " within the SLO again";
        } else if ("UNKNOWN".equals(tgt.technical())) {
            reason = c + "'s state is unknown (" + tgt.basis() + ")";
        } else if (tgt.specReplicas() > 0 && tgt.readyReplicas() == 0) {
            reason = c + " has no ready pods";
        } else if (Boolean.FALSE.equals(tgt.probeHealthy())) {
            reason = c + "'s health probe failed";
        } else if (tgt.status() == HealthStatus.FAILING || tgt.status() == HealthStatus.DEGRADED && !lesserEvil) {
            reason = c + " is " + tgt.status().json() + " (" + tgt.basis() + ")";
        } else if (h.significantlyWorse(c, src.color())) {
            reason = c + " is significantly worse than " + src.color() + " on the traffic both served";
        }
        double total = h.totalRps();
        double mu = tgt.capacity().knowsServiceRate() ? tgt.capacity().serviceRatePerPod()
                : src.capacity().knowsServiceRate() ? src.capacity().serviceRatePerPod() : Double.NaN;
        String method = tgt.capacity().knowsServiceRate() ? "own service rate"
                : src.capacity().knowsServiceRate() ? "source's service rate (same image)" : "pod parity";
        double perPodNow = src.readyReplicas() > 0 && src.rps() > 0 ? src.rps() / src.readyReplicas() : Double.NaN;
        double carryRps;
        int pods;
        if (Double.isFinite(mu)) {
            carryRps = tgt.readyReplicas() * mu * moveUtilisation;
            pods = CapacityVerdict.replicasFor(total / (mu * planUtilisation), tgt.specReplicas());
        } else if (Double.isFinite(perPodNow)) {
            carryRps = tgt.readyReplicas() * perPodNow;
            pods = CapacityVerdict.replicasFor(total / perPodNow, tgt.specReplicas());
        } else {
            carryRps = Double.POSITIVE_INFINITY; // nothing measured to size it by
            pods = Math.max(1, tgt.specReplicas());
            ev.missing("capacity of " + c + " unknown: no service-rate estimate and no source load per pod");
        }
        pods = Math.max(1, pods);
        int carry = total <= 0 || tgt.readyReplicas() > 0 && Double.isInfinite(carryRps) ? 100
                : (int) Math.floor(Math.min(100, 100 * carryRps / total) + 1e-9);
        if (tgt.readyReplicas() == 0) {
            carry = 0;
        }
        Evidence.ModelBuilder b = ev.model("target-capacity(" + method + ")")
                .parameter("total_rps", total).parameter("move_utilisation", moveUtilisation)
                .parameter("plan_utilisation", planUtilisation).parameter("ready_pods", tgt.readyReplicas())
                .parameter("proven_memory_s", provenMemorySeconds)
                .parameter("scale_tolerance", CapacityVerdict.SCALE_TOLERANCE);
        if (Double.isFinite(mu)) {
            b.parameter("service_rate_per_pod", mu);
        } else if (Double.isFinite(perPodNow)) {
            b.parameter("source_rps_per_pod", perPodNow);
        }
        b.output("carry_percent", carry).output("pods_for_full_load", pods).note("target " + c).add();
        Risk risk;
        String riskReason;
        if (reason != null) {
            risk = Risk.HIGH;
            riskReason = reason;
        } else if (tgt.proven() && carry >= 100) {
            risk = Risk.LOW;
            riskReason = c + " proven stable (served within the SLO in the last " + Fmt.seconds(provenMemorySeconds)
                    + ") and its " + tgt.readyReplicas() + " ready pods carry the load";
        } else if (!tgt.proven()) {
            risk = Risk.MEDIUM;
            riskReason = c + " unproven: no traffic served within the SLO in the last "
                    + Fmt.seconds(provenMemorySeconds);
        } else {
            risk = Risk.MEDIUM;
            riskReason = c + " proven, but its ready pods carry " + carry + "% of the load; needs " + pods + " pods";
        }
        return new TargetReview(reason == null, reason, risk, riskReason, carry, pods);
    }
}
