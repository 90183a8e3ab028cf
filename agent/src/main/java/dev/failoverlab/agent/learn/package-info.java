/**
 * Learning that is measured: every query, prediction and decision becomes an {@link dev.failoverlab.agent.learn.Episode};
 * its outcome is filled in once the horizon has passed; decision rules ({@link dev.failoverlab.agent.learn.Rules})
 * are re-tuned on past episodes and their accuracy before and after is kept. Episodes live in a durable store
 * ({@link dev.failoverlab.agent.learn.JsonLinesEpisodeLog}), so a restarted agent applies what an earlier session
 * learned; {@link dev.failoverlab.agent.learn.InMemoryEpisodeLog} serves tests and agents without a store.
 *
 * <h2>Episode kinds (the contract; keys are constants of {@link dev.failoverlab.agent.learn.EpisodeKind})</h2>
 * Flags are 0 or 1. Every recorded episode carries the label {@code rules_version}.
 * <table>
 * <caption>What each kind predicts and what resolves it</caption>
 * <tr><th>kind</th><th>predicted (when recorded)</th><th>observed (after {@code due_at})</th><th>scored as</th></tr>
 * <tr><td>{@code forecast}</td>
 *     <td>{@code p_cpu_above_target} (required), {@code scale_ahead} flag, {@code peak_rps}, {@code peak_cpu}</td>
 *     <td>{@code cpu_above_target} flag (required): CPU went above target within the horizon; {@code peak_rps},
 *         {@code peak_cpu}</td>
 *     <td>Brier and hit rate of the probability; decision right when {@code scale_ahead} (else p &ge; 0.5) equals
 *         the outcome; MAPE of the peaks</td></tr>
 * <tr><td>{@code health}</td>
 *     <td>{@code degraded} (required; 0/1 or a probability), {@code cusum}: the detector statistic in standard
 *         deviations</td>
 *     <td>{@code slo_violated} flag (required): the colour violated the SLO over the next window</td>
 *     <td>Brier and hit rate of {@code degraded}; decision right when degraded &ge; 0.5 equals the outcome</td></tr>
 * <tr><td>{@code failover}</td>
 *     <td>{@code target_better} probability (required), {@code decision} (0 hold, 1 gradual, 2 immediate),
 *         {@code reversal_gap_s}: seconds since the last opposite move, present when the wanted move reverses it
 *         (also when the cooldown blocked it)</td>
 *     <td>{@code target_slo_met}, {@code source_slo_violated} flags (required) over the window after the decision;
 *         {@code target_failed_at_percent}: the target's traffic share when it first violated;
 *         {@code move_error_rate}: error rate during the move</td>
 *     <td>Brier and hit rate of {@code target_better} against {@code target_slo_met}; a move is right when the
 *         target met the SLO, a hold when the source did not violate it</td></tr>
 * <tr><td>{@code optimize}</td>
 *     <td>{@code p95_ms}, {@code cost_per_hour} (required) of the chosen plan</td>
 *     <td>{@code p95_ms}, {@code cost_per_hour} measured under the plan (required)</td>
 *     <td>MAPE of each; right when both are within the tolerance (default 20 %)</td></tr>
 * <tr><td>{@code observation}</td><td>nothing</td>
 *     <td>{@code <colour>.p95_ms}, {@code .error_rate}, {@code .cpu_utilization}, {@code .memory_bytes_per_pod},
 *         {@code .rps}, {@code .traffic_share}; resolved when recorded</td>
 *     <td>paired colour comparisons ({@link dev.failoverlab.agent.learn.PatternFinder})</td></tr>
 * <tr><td>{@code rule-update}</td><td>the new rules and {@code previous.*}</td>
 *     <td>{@code <rule>.objective_before}, {@code .objective_after}, {@code .n}</td>
 *     <td>read back at start-up: the latest one is the rules in force</td></tr>
 * </table>
 *
 * <h2>Re-tuning</h2>
 * Each rule is re-tuned by grid search on its newest usable resolved episodes; a change needs at least 20 of them,
 * a lower objective (mean cost per episode) than the value in force, and a one-sided 95 % lower bound of the
 * per-episode gain above zero (so rules do not wander with noise). Objectives: scale-ahead threshold
 * and degradation-detector threshold weigh false alarms (cost 1) against misses (cost 3); the cooldown weighs
 * allowed flaps (1) against blocked needed moves back (3); the gradual-shift schedule minimises SLO-violating
 * traffic (percent × verification intervals) when past shifts are replayed with the candidate schedule.
 */
package dev.failoverlab.agent.learn;
