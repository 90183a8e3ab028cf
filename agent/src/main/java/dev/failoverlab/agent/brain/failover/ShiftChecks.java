package dev.failoverlab.agent.brain.failover;

import dev.failoverlab.agent.brain.health.ColorHealth;
import dev.failoverlab.agent.brain.health.ColorMemory;
import dev.failoverlab.agent.brain.health.HealthStatus;
import dev.failoverlab.agent.evidence.Evidence;
import java.time.Instant;

/** What the planner asks about a shift in progress and about the colours on either side of it. */
final class ShiftChecks {

    private ShiftChecks() {
    }

    /** The colour is back within the SLO with confidence. */
    static boolean recovered(ColorHealth c) {
        return c.status() == HealthStatus.OPTIMAL && c.confident();
    }

    /** Why the target of a shift went bad since {@code since} (a phrase without figures), or null. */
    static String wentBad(ColorHealth to, Instant since) {
        if (to.status() == HealthStatus.FAILING) {
            return "failing after traffic moved to it";
        }
        for (ColorMemory.IntervalVerdict v : to.judgedIntervalsAfter(since)) {
            if (v.violating()) {
                return "violated the SLO after traffic moved to it";
            }
        }
        if (to.status() == HealthStatus.DEGRADED && to.confident() && to.hasTraffic()) {
            return "degraded after traffic moved to it";
        }
        return null;
    }

    /** Verified scrape intervals of {@code c} (with enough requests) since {@code t}. */
    static int verifiedSince(ColorHealth c, Instant t) {
        int verified = 0;
        for (ColorMemory.IntervalVerdict v : c.judgedIntervalsAfter(t)) {
            verified += v.verified() ? 1 : 0;
        }
        return verified;
    }

    /** P(source misses the SLO) x P(target meets it), the two taken as independent. */
    static double targetBetter(ColorHealth src, ColorHealth tgt, Evidence ev) {
        double pSrcBad = Double.isNaN(src.confidence()) ? 0.5
                : src.status().bad() ? src.confidence() : 1 - src.confidence();
        double pTgtGood;
        if (tgt.status() == HealthStatus.OPTIMAL && !Double.isNaN(tgt.confidence())) {
            pTgtGood = tgt.confidence();
        } else {
            int n = 0;
            int good = 0;
            for (ColorMemory.IntervalVerdict v : tgt.judgedIntervalsAfter(null)) {
                n++;
                good += v.verified() ? 1 : 0;
            }
            pTgtGood = (good + 1.0) / (n + 2.0); // Laplace: no history gives one half
        }
        double p = pSrcBad * pTgtGood;
        ev.model("target-better(independent product)").parameter("p_source_bad", pSrcBad)
                .parameter("p_target_good", pTgtGood).output("p_target_better", p)
                .note("target's chance from its confidence, else Laplace's rule on its verified intervals")
                .add();
        return p;
    }
}
