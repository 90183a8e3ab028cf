/**
 * {@code POST /failover-assessment}: decide hold / gradual shift / immediate switch / rollback from the health
 * assessment and the business context, and execute it when asked.
 *
 * <h2>Decision rules, in order (the first that applies decides)</h2>
 * Shares are the Service's current traffic split in percent. "Degraded" and "failing" are the health package's
 * statuses; "confident" means at least 95 %. One scrape interval is 15 s.
 * <ol>
 *   <li><b>No data</b>: colours or routing unreadable → hold ("insufficient data").</li>
 *   <li><b>Rollback</b>: a shift is in progress and its target, since the last step, became failing, had a scrape
 *       interval violating the SLO at 95 %, or is confidently degraded → restore the split from before that step;
 *       the target is marked unsafe and the cool-down starts for it. A shift whose source carries no traffic any
 *       more, or is confidently optimal again, is over.</li>
 *   <li><b>Source</b>: among colours with traffic, a failing one, else a confidently degraded one (or the source
 *       of the shift in progress while still degraded); none → hold.</li>
 *   <li><b>Capacity</b>: a degraded (not failing) source that is capacity-bound (CPU at least 80 % of request and
 *       the queueing model explains the slowness) → hold, and scale it to {@code load / (rate x
 *       AgentConfig.scaleUpCpuTarget)} pods when that exceeds its replicas by more than the HPA's 10 %
 *       tolerance. This is what keeps a flash crowd from moving traffic: both colours would suffer.</li>
 *   <li><b>Persistence</b>: a degraded (not failing) source that is not already being shifted needs its detector in
 *       alarm for 2 consecutive scrape intervals → otherwise hold ("confirming").</li>
 *   <li><b>Target</b>: the other colour must not be marked unsafe, unreadable, without ready pods (when it has
 *       replicas), failing its probe, failing, degraded, or significantly worse than the source on traffic both
 *       served → otherwise hold. When the source is failing, a degraded or marked (but not failing) target is the
 *       lesser evil and allowed. A standby scaled to zero is allowed: it is scaled first.</li>
 *   <li><b>Cool-down</b>: no move towards a colour within {@code Rules.cooldownSeconds} of moving away from it,
 *       unless the source is failing.</li>
 *   <li><b>Context</b>: {@code failover_cost: prohibitive} → hold unless the source is failing.</li>
 *   <li><b>Verification</b>: continuing a gradual shift (target already has traffic) needs 2 scrape intervals of
 *       the target within the SLO since the last step, unless the source is failing; an immediate shift held back
 *       by the target's ready pods continues as they become ready.</li>
 *   <li><b>Move</b>. Immediate when the source is failing, or when the target is proven and the business impact is
 *       HIGH or user tolerance is low (and failover cost / priority allow it); else gradual: the first step is
 *       {@code Rules.canaryPercent} towards an unproven target with no traffic, else {@code Rules.shiftStepPercent}.
 *       The target share is capped by what its ready pods carry at 80 % utilisation (95 % when the source is
 *       failing); the target is scaled to carry the whole load at {@code scaleUpCpuTarget} when needed (HPA
 *       tolerance), and the rest moves in later queries as pods become ready. 100 % is a selector switch, anything
 *       else a weighted split. Nothing to move yet → hold while the target gains capacity.</li>
 * </ol>
 *
 * <h2>Decision matrix</h2>
 * {@code technical_health}: pods (EXCELLENT: ready, no restarts, within the SLO; OK: pods fine, SLO missed;
 * STARTING; DEGRADED: restarts; FAILING; READY: idle). {@code user_experience}: OPTIMAL / POOR / FAILING /
 * NO TRAFFIC. {@code business_impact}: share of all requests slow or failed — at least 10 % HIGH, at least 2 %
 * MEDIUM, any LOW, none NONE — one step up for peak hours and one for low tolerance, one step down for quiet hours
 * and one for high tolerance. {@code failover_risk}: LOW (target proven and its ready pods carry the load), MEDIUM
 * (unproven or short of capacity), HIGH (target ineligible).
 *
 * <h2>Execution</h2>
 * Only with {@code "execute": true} (or {@code AgentConfig.executeByDefault}) and without {@code "dry_run": true};
 * pods first, then traffic, through the guarded actuator. Only applied traffic actions change the agent's memory
 * (the shift in progress, cool-downs, unsafe marks). One query at a time. Each query records an
 * {@code observation}, the {@code health} episodes and a {@code failover} episode ({@code target_better}: P(source
 * misses the SLO) x P(target meets it); {@code decision}: 0 hold or rollback, 1 gradual, 2 immediate).
 */
package dev.failoverlab.agent.brain.failover;
