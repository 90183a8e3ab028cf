package dev.failoverlab.agent.analytics.forecast;

/**
 * The state of an additive ETS model after {@code observations} observations: level, trend and the seasonal
 * component of each phase. The phase of 0-based time index {@code t} is {@code t mod m}; the value stored for a
 * phase is the most recent seasonal estimate, which is what the next observation of that phase uses.
 *
 * @param seasonByPhase empty for non-seasonal models, length m otherwise; never mutated after construction
 */
public record EtsState(double level, double trend, double[] seasonByPhase, int observations) {

    public EtsState {
        seasonByPhase = seasonByPhase.clone();
    }

    @Override
    public double[] seasonByPhase() {
        return seasonByPhase.clone();
    }

    /** The seasonal component for 0-based time index {@code t}, or 0 for a non-seasonal state. */
    public double seasonAt(long t) {
        int m = seasonByPhase.length;
        return m == 0 ? 0.0 : seasonByPhase[(int) Math.floorMod(t, (long) m)];
    }

    int seasonLength() {
        return seasonByPhase.length;
    }
}
