package dev.failoverlab.agent.analytics.forecast;

import dev.failoverlab.agent.analytics.HasEvidence;

/**
 * A forecasting model fitted to one history. Its {@link #evidence()} holds the model id, fitted parameters and
 * in-sample fit quality; each {@link Forecast} it makes repeats them together with the forecast values.
 */
public interface FittedModel extends HasEvidence {

    /** Model id, e.g. {@code ets(A,Ad,N)}, {@code ols-trend}, {@code snaive(24)}. */
    String model();

    /** One-step-ahead in-sample fitted values (same length as the history). */
    double[] fitted();

    /** One-step-ahead in-sample errors {@code y - fitted}. */
    double[] residuals();

    /** Estimated standard deviation of the one-step error. */
    double sigma();

    /** Point forecasts only: the cheap path used by backtests. */
    double[] pointForecast(int horizon);

    /** Forecast {@code horizon} steps with central prediction intervals at the given levels (e.g. 0.8, 0.95). */
    Forecast forecast(int horizon, IntervalMethod method, double... levels);

    /** Forecast with analytic 80 % and 95 % intervals. */
    default Forecast forecast(int horizon) {
        return forecast(horizon, IntervalMethod.ANALYTIC, 0.80, 0.95);
    }
}
