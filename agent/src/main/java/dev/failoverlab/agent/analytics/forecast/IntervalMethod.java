package dev.failoverlab.agent.analytics.forecast;

/** How a forecast's prediction intervals were obtained; reported in the forecast's evidence. */
public enum IntervalMethod {
    /**
     * Gaussian intervals from the model's analytic h-step forecast variance (class-1 formulas of Hyndman et al.
     * 2008 for ETS, the regression prediction variance with Student-t quantiles for OLS).
     */
    ANALYTIC,
    /**
     * Quantiles of the model's own in-sample h-step-ahead errors, added to the point forecast; no distributional
     * assumption, but needs enough history for each step (the model falls back to ANALYTIC and says so otherwise).
     */
    EMPIRICAL
}
