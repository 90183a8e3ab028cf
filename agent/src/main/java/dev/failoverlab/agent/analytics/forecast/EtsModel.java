package dev.failoverlab.agent.analytics.forecast;

import dev.failoverlab.agent.analytics.ModelEvidence;
import java.util.List;

/**
 * A fitted additive ETS model (SES, Holt, damped Holt or additive Holt-Winters). Forecasts use the class-1
 * analytic variance of Hyndman et al. (2008, Table 6.1, in its general form {@code 1 + sum c_j^2}), which is exact
 * for these linear Gaussian state-space models; empirical intervals from in-sample h-step errors are available for
 * series whose errors are visibly non-Gaussian (bursty request rates).
 *
 * <p>The one-step error variance is {@code SSE / (n - k)} with {@code k} counting the smoothing parameters and the
 * initial states (level, trend, m - 1 free seasonal indices), like the R forecast package.
 */
public final class EtsModel implements FittedModel {

    private final EtsKind kind;
    private final int seasonLength;
    private final EtsParameters parameters;
    private final double[] history;
    private final EtsFilter.Run run;
    private final double sigma;
    private final ModelEvidence evidence;

    EtsModel(EtsKind kind, int seasonLength, EtsParameters parameters, EtsState initial, double[] history) {
        this.kind = kind;
        this.seasonLength = seasonLength;
        this.parameters = parameters;
        this.history = history.clone();
        this.run = EtsFilter.run(kind, parameters, initial, this.history);
        int n = history.length;
        double sse = 0;
        double sae = 0;
        for (double e : run.residuals) {
            sse += e * e;
            sae += Math.abs(e);
        }
        int k = kind.smoothingParameterCount() + 1 + (kind.hasTrend() ? 1 : 0)
                + (seasonLength > 0 ? seasonLength - 1 : 0);
        this.sigma = Math.sqrt(sse / Math.max(1, n - k));
        ModelEvidence.Builder b = ModelEvidence.of(kind.id()).param("alpha", parameters.alpha());
        if (kind.hasTrend()) {
            b.param("beta", parameters.beta());
        }
        if (kind.isSeasonal()) {
            b.param("gamma", parameters.gamma()).param("season_length", seasonLength);
        }
        if (kind.isDamped()) {
            b.param("phi", parameters.phi());
        }
        b.param("initial_level", initial.level());
        if (kind.hasTrend()) {
            b.param("initial_trend", initial.trend());
        }
        b.param("final_level", run.last.level());
        if (kind.hasTrend()) {
            b.param("final_trend", run.last.trend());
        }
        double aic = n * Math.log(Math.max(sse, Double.MIN_NORMAL) / n) + 2.0 * (k + 1);
        this.evidence = b.fit("n", n).fit("sse", sse).fit("rmse", Math.sqrt(sse / n)).fit("mae", sae / n)
                .fit("sigma", sigma).fit("aic", aic).fit("parameters_counted", k)
                .note("parameters fitted by minimising one-step-ahead SSE (grid + "
                        + (kind.smoothingParameterCount() == 1 ? "Brent" : "BOBYQA") + ")")
                .build();
    }

    @Override
    public String model() {
        return kind.id();
    }

    public EtsKind kind() {
        return kind;
    }

    public EtsParameters parameters() {
        return parameters;
    }

    /** The state after the last observation. */
    public EtsState finalState() {
        return run.last;
    }

    @Override
    public double[] fitted() {
        return run.fitted.clone();
    }

    @Override
    public double[] residuals() {
        return run.residuals.clone();
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
        return EtsFilter.forecast(kind, parameters, run.last, horizon);
    }

    @Override
    public Forecast forecast(int horizon, IntervalMethod method, double... levels) {
        ForecastIntervals.checkRequest(horizon, levels);
        double[] point = EtsFilter.forecast(kind, parameters, run.last, horizon);
        double[] weights = EtsFilter.innovationWeights(kind, parameters, seasonLength, horizon);
        double[] sigmas = EtsFilter.stepSigmas(weights, sigma);
        String note = null;
        if (method == IntervalMethod.EMPIRICAL) {
            List<PredictionInterval> empirical = ForecastIntervals.empirical(point, inSampleErrors(horizon), levels);
            if (empirical != null) {
                return ForecastIntervals.assemble(evidence, point, sigmas, weights, empirical,
                        IntervalMethod.EMPIRICAL, null);
            }
            note = "empirical intervals requested but the history gives fewer than "
                    + ForecastIntervals.MIN_EMPIRICAL_ERRORS + " errors at step " + horizon
                    + "; fell back to analytic intervals";
        }
        return ForecastIntervals.assemble(evidence, point, sigmas, weights,
                ForecastIntervals.gaussian(point, sigmas, levels, 0), IntervalMethod.ANALYTIC, note);
    }

    /** In-sample h-step errors for h = 1..horizon, skipping a burn-in of one season (or 3 steps). */
    private double[][] inSampleErrors(int horizon) {
        int n = history.length;
        int burnIn = Math.max(3, seasonLength);
        double[][] errors = new double[horizon][];
        for (int h = 1; h <= horizon; h++) {
            int count = Math.max(0, n - h - burnIn);
            double[] e = new double[count];
            for (int i = 0; i < count; i++) {
                int origin = burnIn + i;
                e[i] = history[origin + h] - EtsFilter.forecastFrom(kind, parameters, run, seasonLength, origin, h);
            }
            errors[h - 1] = e;
        }
        return errors;
    }
}
