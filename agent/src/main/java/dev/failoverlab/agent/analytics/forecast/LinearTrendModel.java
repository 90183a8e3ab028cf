package dev.failoverlab.agent.analytics.forecast;

import dev.failoverlab.agent.analytics.ModelEvidence;
import dev.failoverlab.agent.analytics.Require;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * An ordinary least squares straight line through the history ({@code y = a + b t}, Commons Math
 * {@link SimpleRegression}), extrapolated. It is the model behind statements like "traffic up 15 % over three
 * minutes": the slope, its standard error and its p-value say whether the trend is real. Prediction intervals
 * use the regression prediction variance {@code s^2 (1 + 1/n + (t0 - tbar)^2 / Sxx)} with Student-t quantiles on
 * {@code n - 2} degrees of freedom; steps are treated as independent given the line (innovation weights
 * {@code 1, 0, 0, ...}), which ignores the autocorrelation real residuals have, and the evidence says so.
 */
public final class LinearTrendModel implements FittedModel {

    static final Forecaster FORECASTER = new Forecaster() {
        @Override
        public String name() {
            return MODEL;
        }

        @Override
        public int minimumLength() {
            return 3;
        }

        @Override
        public FittedModel fit(double[] history) {
            return new LinearTrendModel(history);
        }
    };

    private static final String MODEL = "ols-trend";

    private final int n;
    private final SimpleRegression regression;
    private final double[] fitted;
    private final double[] residuals;
    private final double sigma;
    private final double meanT;
    private final double sxx;
    private final ModelEvidence evidence;

    LinearTrendModel(double[] history) {
        Require.finiteSeries("history for " + MODEL, history, 3);
        this.n = history.length;
        this.regression = new SimpleRegression();
        for (int t = 0; t < n; t++) {
            regression.addData(t, history[t]);
        }
        this.fitted = new double[n];
        this.residuals = new double[n];
        for (int t = 0; t < n; t++) {
            fitted[t] = regression.predict(t);
            residuals[t] = history[t] - fitted[t];
        }
        this.sigma = Math.sqrt(Math.max(0, regression.getMeanSquareError()));
        this.meanT = (n - 1) / 2.0;
        this.sxx = regression.getXSumSquares();
        double slopeP = sigma == 0 ? 0 : regression.getSignificance();
        this.evidence = ModelEvidence.of(MODEL)
                .param("intercept", regression.getIntercept())
                .param("slope_per_step", regression.getSlope())
                .param("slope_std_error", regression.getSlopeStdErr())
                .param("slope_p_value", slopeP)
                .fit("n", n).fit("sse", regression.getSumSquaredErrors()).fit("sigma", sigma)
                .fit("r_squared", regression.getRSquare())
                .note("OLS line over the whole history; forecast steps treated as independent given the line")
                .build();
    }

    @Override
    public String model() {
        return MODEL;
    }

    /** Fitted slope per sampling step. */
    public double slope() {
        return regression.getSlope();
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
        double[] out = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            out[h - 1] = regression.predict(n - 1.0 + h);
        }
        return out;
    }

    @Override
    public Forecast forecast(int horizon, IntervalMethod method, double... levels) {
        ForecastIntervals.checkRequest(horizon, levels);
        double[] point = pointForecast(horizon);
        double[] se = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            double d = n - 1.0 + h - meanT;
            se[h - 1] = sigma * Math.sqrt(1 + 1.0 / n + d * d / sxx);
        }
        double[] weights = new double[horizon];
        weights[0] = 1;
        String note = null;
        if (method == IntervalMethod.EMPIRICAL) {
            double[][] errors = new double[horizon][];
            Arrays.fill(errors, residuals);
            List<PredictionInterval> empirical = ForecastIntervals.empirical(point, errors, levels);
            if (empirical != null) {
                return ForecastIntervals.assemble(evidence, point, se, weights, empirical, IntervalMethod.EMPIRICAL,
                        "empirical bounds use the in-sample residuals for every step");
            }
            note = "empirical intervals need at least " + ForecastIntervals.MIN_EMPIRICAL_ERRORS
                    + " residuals; fell back to analytic intervals";
        }
        return ForecastIntervals.assemble(evidence, point, se, weights,
                ForecastIntervals.gaussian(point, se, levels, n - 2), IntervalMethod.ANALYTIC,
                note != null ? note : "Student-t quantiles on n - 2 = " + (n - 2) + " degrees of freedom");
    }
}
