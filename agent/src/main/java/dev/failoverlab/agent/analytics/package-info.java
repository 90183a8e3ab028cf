/**
 * The agent's quantitative core: pure, deterministic functions from measurements (arrays of doubles,
 * timestamps in seconds, cumulative histogram counts) to model outputs. Nothing here reads a clock, sleeps,
 * performs I/O or draws unseeded random numbers, so the same input always gives the same answer, bit for bit.
 *
 * <p>Every result record carries an {@link dev.failoverlab.agent.analytics.ModelEvidence}: the model's name, its
 * parameters, its fit quality and the output values themselves, so every number the agent prints in a response
 * can be traced to the model that produced it. Sub-packages:
 * <ul>
 *   <li>{@code forecast} — exponential smoothing (SES, Holt, damped Holt, additive Holt-Winters), OLS trend,
 *       naive benchmarks, rolling-origin model selection and exceedance probabilities;</li>
 *   <li>{@code stats} — proportions (Wilson, z, Fisher), rank-sum tests, Prometheus-style histograms;</li>
 *   <li>{@code change} — CUSUM and Bernoulli SPRT change detectors with their run-length characteristics;</li>
 *   <li>{@code capacity} — Erlang C queueing, service-rate estimation and k-of-n pod availability;</li>
 *   <li>{@code optimize} — the replica and traffic-split plan search behind {@code POST /optimize}.</li>
 * </ul>
 */
package dev.failoverlab.agent.analytics;
