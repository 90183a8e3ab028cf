/**
 * Forecasting for {@code POST /analyze}: additive exponential smoothing state-space models (SES, Holt, damped
 * Holt, additive Holt-Winters), an OLS linear trend and the naive benchmarks; parameters fitted by minimising
 * one-step-ahead SSE; prediction intervals from the models' analytic forecast variances (or, on request, from
 * in-sample multi-step error quantiles); a rolling-origin {@link dev.failoverlab.agent.analytics.forecast.ModelSelector}
 * scoring candidates by MASE; and {@link dev.failoverlab.agent.analytics.forecast.ExceedanceProbability}, which turns
 * a forecast into "P(load crosses the threshold within the horizon) and when".
 *
 * <p>Series are plain {@code double[]} at a regular step; times are seconds. All randomness is seeded.
 */
package dev.failoverlab.agent.analytics.forecast;
