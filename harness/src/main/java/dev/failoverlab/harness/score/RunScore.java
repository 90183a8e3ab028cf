package dev.failoverlab.harness.score;

import dev.failoverlab.harness.run.RunKey;
import java.util.List;

/**
 * Everything scoring says about one run. Times are simulated seconds; NaN means "not applicable" (no fault,
 * never mitigated, no traffic).
 *
 * @param sloViolatedIntervals sample intervals that broke the SLO
 * @param availabilityPercent  ok / (ok + errors) over the run, in percent
 * @param meanP95Ms            mean of the interval p95 over intervals with traffic
 * @param missedFailovers      failed {@code trafficOn} expectations
 * @param incidents            decision latency per fault, in onset order; the first one is the headline
 * @param queries              agent queries; its wall times are not deterministic
 */
public record RunScore(
        RunKey key,
        double runSeconds,
        double intervalSeconds,
        int sloViolatedIntervals,
        double sloViolationSeconds,
        long okRequests,
        long failedRequests,
        double availabilityPercent,
        double meanP95Ms,
        List<TrafficMove> moves,
        MoveFindings findings,
        int missedFailovers,
        List<ExpectationResult> expectations,
        List<Incident> incidents,
        Cost cost,
        QueryStats queries) {

    public RunScore {
        moves = List.copyOf(moves);
        expectations = List.copyOf(expectations);
        incidents = List.copyOf(incidents);
    }

    public int expectationsPassed() {
        int n = 0;
        for (ExpectationResult e : expectations) {
            if (e.passed()) {
                n++;
            }
        }
        return n;
    }

    public int flaps() {
        return findings.flaps();
    }

    public int falseFailovers() {
        return findings.falseFailovers();
    }

    /** The first fault's decision latency, or null when the scenario injects none. */
    public Incident headline() {
        return incidents.isEmpty() ? null : incidents.get(0);
    }
}
