package dev.failoverlab.agent.analytics.forecast;

import dev.failoverlab.agent.analytics.ModelEvidence;
import dev.failoverlab.agent.analytics.HasEvidence;
import java.util.List;

/**
 * An h-step forecast: point values, the forecast standard deviation per step, the innovation weights that
 * correlate the steps (so sample paths can be simulated, see {@link ExceedanceProbability}) and prediction
 * intervals. Step {@code i} (1-based) is {@code i} sampling periods after the last observation.
 *
 * @param model              model id, e.g. {@code ets(A,A,A)}
 * @param point              point forecast per step
 * @param sigma              standard deviation of the forecast error per step (Gaussian model)
 * @param innovationWeights  {@code c_0 = 1, c_1, ...}: the step-h error is {@code sum_j c_j eps_{h-j}} up to scale
 * @param intervals          prediction intervals, one per requested level
 * @param intervalMethod     how the intervals were obtained (the evidence notes any fallback)
 * @param evidence           model parameters, fit quality and the forecast values
 */
public record Forecast(
        String model,
        double[] point,
        double[] sigma,
        double[] innovationWeights,
        List<PredictionInterval> intervals,
        IntervalMethod intervalMethod,
        ModelEvidence evidence) implements HasEvidence {

    public Forecast {
        if (point.length == 0 || sigma.length != point.length || innovationWeights.length != point.length) {
            throw new IllegalArgumentException("point, sigma and innovationWeights need the same positive length; got "
                    + point.length + ", " + sigma.length + ", " + innovationWeights.length);
        }
        point = point.clone();
        sigma = sigma.clone();
        innovationWeights = innovationWeights.clone();
        intervals = List.copyOf(intervals);
    }

    @Override
    public double[] point() {
        return point.clone();
    }

    @Override
    public double[] sigma() {
        return sigma.clone();
    }

    @Override
    public double[] innovationWeights() {
        return innovationWeights.clone();
    }

    public int horizon() {
        return point.length;
    }

    /** The interval of nominal {@code level}; throws listing the available levels when absent. */
    public PredictionInterval interval(double level) {
        for (PredictionInterval pi : intervals) {
            if (Math.abs(pi.level() - level) < 1e-9) {
                return pi;
            }
        }
        throw new IllegalArgumentException("no " + level + " interval in this forecast; available: "
                + intervals.stream().map(PredictionInterval::level).toList());
    }
}
