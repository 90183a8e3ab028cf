/**
 * {@code POST /evaluate}: each colour's health against the SLO and against the other colour, with confidence, and
 * the memory the health rules keep between queries.
 *
 * <h2>Measurements</h2>
 * <ul>
 *   <li><b>Config window</b> (the Observer, {@code AgentConfig.window}, 1 m): requests, errors, the latency
 *       histogram (PromQL {@code increase}, rounded to whole counts), p50/p95/p99 with order-statistic confidence
 *       intervals, CPU and memory (metrics-server), replicas, restarts, one health probe.</li>
 *   <li><b>Short window</b>: the newest two scrape intervals (about 30 s), exact counter differences of the
 *       scrapes ({@link dev.failoverlab.agent.brain.health.ScrapeInterval}).</li>
 *   <li><b>Per scrape interval</b> (the detector's unit): each new interval is processed once, however often the
 *       agent is asked.</li>
 * </ul>
 *
 * <h2>SLO tests</h2>
 * Latency: {@code p95 <= L} exactly when at most 5 % of requests are slower than L, so the share slower than the SLO
 * bound is tested against 5 %. Errors: the error rate against the SLO error rate. Each test is the score test
 * behind the Wilson interval: {@code confidence_violated = Phi(z)}; VIOLATED at 95 %, MET at 95 % the other way,
 * else INCONCLUSIVE. Against the other colour, when both carry traffic: a two-proportion test (z or Fisher) on
 * errors and a two-histogram comparison (grouped rank-sum, chi-square) on latency; a colour is "significantly worse"
 * when it is worse at one-sided 5 % and outside the SLO on that measure.
 *
 * <h2>Detector</h2>
 * Per colour, per scrape interval with at least 20 requests: one-sided CUSUMs ({@code k = 0.5},
 * {@code h = Rules.detectorThreshold}) on the standardised slow fraction and error rate (each against its SLO
 * allowance, so the in-control run length, about 930 intervals at {@code h = 5}, holds at the SLO boundary), plus
 * a Bernoulli SPRT on errors ({@code p0} = SLO rate, {@code p1} = 5 x). An alarm latches until an interval meets
 * the allowance again. Container restarts within 120 s are an alarm too. {@code consecutive_alarm_intervals}
 * counts alarmed intervals in a row. An idle interval clears the alarms.
 *
 * <h2>Status (first rule that applies)</h2>
 * <ol>
 *   <li>unknown: Deployment unreadable, or scaled to zero;</li>
 *   <li>failing (confidence 1, an API-server fact): no ready pod, a pod in CrashLoopBackOff, or the probe failed;
 *       failing (score-test confidence): error rate at least 10 x the SLO rate at 95 %, short or config window;</li>
 *   <li>degraded: any SLO test VIOLATED (confidence = the highest {@code confidence_violated}), or the detector in
 *       alarm (confidence {@code 1 - 1/ARL0}), or restarts within 120 s (confidence 1);</li>
 *   <li>unknown: no traffic to test (idle), or the request metrics are missing;</li>
 *   <li>optimal: both config-window tests MET (confidence = the lower {@code confidence_met});</li>
 *   <li>otherwise the point estimates decide, with the (below 95 %) confidence they have.</li>
 * </ol>
 * A colour is <b>proven</b> when one of its scrape intervals met the SLO within the last 15 minutes on pods that
 * still exist, and no unsafe mark stands. An <b>unsafe mark</b> (set by the failover decider on a rollback, or on
 * the colour traffic left while degraded) stands until every pod it was made on has been replaced or the colour
 * serves within the SLO again.
 *
 * <h2>Capacity or fault</h2>
 * {@link dev.failoverlab.agent.brain.health.CapacityCheck}: a pod's service rate from CPU per request (own healthy
 * history, else the other colour's, else the current interval); the colour is capacity-bound when its CPU is at
 * least 80 % of the request and, for the newest interval, an M/M/1 queue per pod is at least 90 % utilised or
 * predicts at least half the measured slow share. It stays so for 60 s while a backlog drains.
 *
 * <h2>The answer</h2>
 * {@code business_impact}: requests per second slower than the bound or failed (no session metric exists, so no
 * users are estimated). {@code recommendation}: what the failover planner would decide now (nothing is executed).
 * {@code cost_impact}: pods added or removed by that recommendation x (CPU request x vCPU-hour price + memory
 * request x GiB-hour price). Every figure is in {@code evidence}; a source that fails is in
 * {@code evidence.missing} and its figures read "n/a".
 */
package dev.failoverlab.agent.brain.health;
