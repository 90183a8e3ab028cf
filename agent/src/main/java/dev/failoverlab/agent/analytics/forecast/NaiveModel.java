package dev.failoverlab.agent.analytics.forecast;

import dev.failoverlab.agent.analytics.ModelEvidence;
import dev.failoverlab.agent.analytics.Require;
import java.util.Arrays;
import java.util.List;

/**
 * The naive (random walk) and seasonal naive benchmarks: forecast the last value, or the value one season earlier.
 * They are the yardsticks of MASE, candidates the selector must beat to justify anything fancier, and on hourly
 * data hard to beat (M4 hourly: seasonal naive sMAPE 13.91 against Holt's 29.25). Variances are the textbook
 * {@code sigma^2 h} (naive) and {@code sigma^2 (floor((h-1)/m) + 1)} (seasonal naive), with sigma the RMS of the
 * in-sample one-step (one-season) differences.
 */
public final class NaiveModel implements FittedModel {

    private final int seasonLength;
    private final int lag;
    private final double[] history;
    private final double[] fitted;
    private final double[] residuals;
    private final double sigma;
    private final ModelEvidence evidence;

    NaiveModel(int seasonLength, double[] history) {
        this.seasonLength = seasonLength;
        this.lag = Math.max(1, seasonLength);
        Require.finiteSeries("history for " + id(seasonLength), history, lag + 1);
        this.history = history.clone();
        int n = history.length;
        this.fitted = new double[n];
        this.residuals = new double[n];
        double sse = 0;
        for (int t = 0; t < n; t++) {
            if (t < lag) {
                fitted[t] = Double.NaN;
                residuals[t] = Double.NaN;
            } else {
                fitted[t] = history[t - lag];
                residuals[t] = history[t] - fitted[t];
                sse += residuals[t] * residuals[t];
            }
        }
        this.sigma = Math.sqrt(sse / (n - lag));
        this.evidence = ModelEvidence.of(id(seasonLength)).param("lag", lag)
                .fit("n", n).fit("sigma", sigma)
                .note("fitted values and residuals are NaN for the first " + lag + " observations")
                .build();
    }

    private static String id(int m) {
        return m == 0 ? "naive" : "snaive(" + m + ")";
    }

    @Override
    public String model() {
        return id(seasonLength);
    }

    @Override
    public double[] fitted() {
        return fitted.clone();
    }

    @Override
    public double[] residuals() {
        return residuals.clone();
    }

    @Override
    public double sigma() {
        return sigma;
    }

    @Override
    public ModelEvidence evidence() {
        return evidence;
    }

    @Override
    public double[] pointForecast(int horizon) {
        ForecastIntervals.checkRequest(horizon, new double[0]);
        int n = history.length;
        double[] out = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            out[h - 1] = history[n - 1 + h - back(h)];
        }
        return out;
    }

    /** How far back the forecast of step h looks: {@code lag * ceil(h / lag)}. */
    private int back(int h) {
        return lag * ((h + lag - 1) / lag);
    }

    @Override
    public Forecast forecast(int horizon, IntervalMethod method, double... levels) {
        ForecastIntervals.checkRequest(horizon, levels);
        double[] point = pointForecast(horizon);
        double[] weights = new double[horizon];
        for (int j = 0; j < horizon; j++) {
            weights[j] = j % lag == 0 ? 1 : 0;
        }
        double[] sigmas = EtsFilter.stepSigmas(weights, sigma);
        String note = null;
        if (method == IntervalMethod.EMPIRICAL) {
            List<PredictionInterval> empirical = ForecastIntervals.empirical(point, inSampleErrors(horizon), levels);
            if (empirical != null) {
                return ForecastIntervals.assemble(evidence, point, sigmas, weights, empirical,
                        IntervalMethod.EMPIRICAL, null);
            }
            note = "too little history for empirical intervals; fell back to analytic intervals";
        }
        return ForecastIntervals.assemble(evidence, point, sigmas, weights,
                ForecastIntervals.gaussian(point, sigmas, levels, 0), IntervalMethod.ANALYTIC, note);
    }

    private double[][] inSampleErrors(int horizon) {
        int n = history.length;
        double[][] errors = new double[horizon][];
        for (int h = 1; h <= horizon; h++) {
            int b = back(h);
            int first = b - h; // smallest origin whose look-back stays inside the history
            double[] e = new double[Math.max(0, n - h - first)];
            for (int i = 0; i < e.length; i++) {
                int origin = first + i;
                e[i] = history[origin + h] - history[origin + h - b];
            }
            errors[h - 1] = e;
        }
        return errors;
    }

    /** The naive methods as a {@link Forecaster}; {@code seasonLength == 0} is the plain random walk. */
    record Method(int seasonLength) implements Forecaster {
        @Override
        public String name() {
            return id(seasonLength);
        }

        @Override
        public int minimumLength() {
            return Math.max(1, seasonLength) + 1;
        }

        @Override
        public FittedModel fit(double[] history) {
            return new NaiveModel(seasonLength, Arrays.copyOf(history, history.length));
        }
    }
}
