package dev.failoverlab.agent.analytics.change;

import dev.failoverlab.agent.analytics.ModelEvidence;
import dev.failoverlab.agent.analytics.HasEvidence;

/**
 * The outcome of monitoring an error stream with a restarting Bernoulli SPRT.
 *
 * @param decision        {@link Decision#ALARM} if any cycle accepted H1, {@link Decision#NO_ALARM} otherwise
 * @param alarms          indices of the inputs (observations or batches) at which H1 was accepted
 * @param h0Acceptances   how many test cycles ended accepting H0 (and restarted)
 * @param llr             log-likelihood ratio of the cycle in progress
 * @param arl0            expected observations to a false alarm when the rate is p0 (exact lattice computation)
 * @param detectionDelay  expected observations to an alarm when the rate is p1 from a fresh start (exact)
 * @param evidence        design, exact and Wald characteristics, and the values above
 */
public record SprtResult(Decision decision, long[] alarms, long h0Acceptances, double llr, double arl0,
        double detectionDelay, ModelEvidence evidence) implements HasEvidence {

    /** Where monitoring stands after the last input. */
    public enum Decision {
        /** At least one cycle accepted H1: the error rate is at p1 or worse. */
        ALARM,
        /** No cycle accepted H1 (cycles may have accepted H0 and restarted, or one is still in progress). */
        NO_ALARM
    }

    public SprtResult {
        alarms = alarms.clone();
    }

    @Override
    public long[] alarms() {
        return alarms.clone();
    }
}
