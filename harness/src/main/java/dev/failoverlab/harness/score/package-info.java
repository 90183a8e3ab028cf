/**
 * Scoring: pure functions from one raw {@link dev.failoverlab.harness.run.RunRecording} and its
 * {@link dev.failoverlab.harness.scenario.Scenario} to a {@link dev.failoverlab.harness.score.RunScore} (SLO
 * intervals, traffic moves, flaps, false failovers, expectations, decision latency, cost), then aggregation over
 * seeds (mean and Student-t 95 % interval) and paired Wilcoxon signed-rank comparisons between policies.
 * Nothing here reads wall-clock time; the same raw data always gives the same scores.
 */
package dev.failoverlab.harness.score;
