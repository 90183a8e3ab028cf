package dev.failoverlab.agent.analytics.forecast;

/**
 * A central prediction interval per forecast step.
 *
 * @param level nominal coverage, e.g. 0.80 or 0.95
 * @param lower lower bound per step (step 1 first)
 * @param upper upper bound per step
 */
public record PredictionInterval(double level, double[] lower, double[] upper) {

    public PredictionInterval {
        if (lower.length != upper.length) {
            throw new IllegalArgumentException("lower has " + lower.length + " steps but upper has " + upper.length);
        }
        lower = lower.clone();
        upper = upper.clone();
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    /** Whether {@code actual} lies inside the interval at 1-based {@code step}. */
    public boolean covers(int step, double actual) {
        return actual >= lower[step - 1] && actual <= upper[step - 1];
    }

    /** Level as a whole percentage, used in evidence names such as {@code lower_95}. */
    public int percent() {
        return (int) Math.round(level * 100);
    }
}
