package dev.failoverlab.agent.learn;

/**
 * The decision parameters the learner may re-tune; everything else in the agent is fixed by models and
 * configuration. {@code version} increases with each accepted update.
 *
 * @param scaleAheadProbability scale ahead when P(CPU above target within the horizon) is at least this
 * @param canaryPercent         first step of a gradual shift towards a colour that has not carried traffic recently
 * @param shiftStepPercent      size of each further verified step of a gradual shift
 * @param detectorThreshold     CUSUM decision interval h (in standard deviations) for degradation onset
 * @param cooldownSeconds       minimum time between opposite traffic moves (no flapping)
 */
public record Rules(
        int version,
        double scaleAheadProbability,
        int canaryPercent,
        int shiftStepPercent,
        double detectorThreshold,
        double cooldownSeconds) {

    public static Rules initial() {
        return new Rules(1, 0.5, 10, 50, 5.0, 300);
    }
}
