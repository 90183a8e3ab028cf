package dev.failoverlab.agent.brain.failover;

import dev.failoverlab.agent.brain.BrainContext;
import dev.failoverlab.agent.brain.health.CapacityVerdict;
import dev.failoverlab.agent.brain.health.ColorHealth;
import dev.failoverlab.agent.brain.health.Fmt;
import dev.failoverlab.agent.brain.health.HealthStatus;
import dev.failoverlab.agent.brain.health.Recommendation;
import dev.failoverlab.agent.brain.health.Recommender;
import dev.failoverlab.agent.brain.health.ServiceHealth;
import dev.failoverlab.agent.config.AgentConfig;
import dev.failoverlab.agent.evidence.Evidence;
import dev.failoverlab.agent.learn.Rules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decision rules of {@code /failover-assessment} (listed in the package description), as a pure function of a
 * health assessment, the business context, the shift in progress and the rules in force. It changes nothing: the
 * decider executes the plan and records what was applied; {@code /evaluate} uses it to recommend.
 */
public final class FailoverPlanner implements Recommender {
    /** Alarmed scrape intervals in a row before traffic leaves a colour that is degraded but not failing. */
    static final int PERSISTENCE_INTERVALS = 2;
    /** Verified scrape intervals of the target before each further step of a shift. */
    static final int VERIFY_INTERVALS = 2;
    /** Highest utilisation of the target's ready pods after moving away from a degraded colour. */
    static final double MOVE_UTILISATION_DEGRADED = 0.8;
    /** ... and from a failing colour (whose requests fail anyway). */
    static final double MOVE_UTILISATION_FAILING = 0.95;
    static final long PROVEN_MEMORY_SECONDS = 900;

    private final BrainContext ctx;

    public FailoverPlanner(BrainContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Recommendation recommend(ServiceHealth health, Map<String, String> context) {
        ShiftState state = ctx.state().get(ShiftState.class, ShiftState::new);
        return plan(health, BusinessContext.of(context), state.snapshot()).toRecommendation(health);
    }

    public FailoverPlan plan(ServiceHealth h, BusinessContext bc, ShiftState.Snapshot s) {
        return new Run(h, bc, s, ctx.rules().current(), ctx.config()).decide();
    }

    /** One decision, with the evidence model that holds its numbers. */
    private static final class Run {
        private final ServiceHealth h;
        private final BusinessContext bc;
        private final ShiftState.Snapshot s;
        private final Rules rules;
        private final AgentConfig cfg;
        private final Evidence ev;
        private final Evidence.ModelBuilder model;
        private final List<String> reasons = new ArrayList<>();
        private final Map<String, Integer> current = new LinkedHashMap<>();
        private ImpactLevel impact = ImpactLevel.NONE;
        private boolean shiftEnded;

        Run(ServiceHealth h, BusinessContext bc, ShiftState.Snapshot s, Rules rules, AgentConfig cfg) {
            this.h = h;
            this.bc = bc;
            this.s = s;
            this.rules = rules;
            this.cfg = cfg;
            this.ev = h.evidence();
            this.model = ev.model("failover-plan(rules v" + rules.version() + ")")
                    .parameter("rules_version", rules.version())
                    .parameter("canary_percent", rules.canaryPercent())
                    .parameter("shift_step_percent", rules.shiftStepPercent())
                    .parameter("cooldown_s", rules.cooldownSeconds())
                    .parameter("persistence_intervals", PERSISTENCE_INTERVALS)
                    .parameter("verify_intervals", VERIFY_INTERVALS)
                    .parameter("move_utilisation_degraded", MOVE_UTILISATION_DEGRADED)
                    .parameter("move_utilisation_failing", MOVE_UTILISATION_FAILING)
                    .parameter("plan_utilisation", cfg.scaleUpCpuTarget());
        }

        FailoverPlan decide() {
            if (!h.pairKnown()) {
                return finish(hold(null, null, "Hold: insufficient data — the two colours could not be read"
                        + " (see evidence.missing)", Risk.HIGH, "state unknown"));
            }
            boolean routingKnown = true;
            for (ColorHealth c : h.colors()) {
                double share = c.observation().trafficShare();
                routingKnown &= !Double.isNaN(share);
                current.put(c.color(), (int) Math.round(Double.isNaN(share) ? 0 : share * 100));
            }
            impact = bc.impact(h.totalRps() > 0 ? h.affectedRps() / h.totalRps() : Double.NaN, h.affectedRps(), ev);
            if (!routingKnown) {
                String active = h.colors().get(0).color();
                return finish(hold(active, h.other(active).color(), "Hold: insufficient data — Service routing"
                        + " unreadable (see evidence.missing)", Risk.HIGH, "routing unknown"));
            }
            ShiftState.Shift shift = s.shift();
            FailoverPlan inFlight = shift == null ? null : reviewShift(shift);
            if (inFlight != null) {
                return finish(inFlight);
            }
            if (shiftEnded) {
                shift = null; // finished or no longer needed; reviewShift recorded why
            }
            ColorHealth src = source(shift);
            if (src == null) {
                String active = h.activeColor() != null ? h.activeColor() : h.colors().get(0).color();
                ColorHealth a = h.color(active);
                return finish(hold(active, h.other(active).color(), "Hold: " + active + " is "
                        + a.status().json() + "; no colour carrying traffic needs to be left", Risk.LOW, "no move"));
            }
            ColorHealth tgt = h.other(src.color());
            boolean failing = src.status() == HealthStatus.FAILING;
            boolean continuing = shift != null && shift.from().equals(src.color());
            TargetReview review = TargetReview.review(h, src, tgt,
                    failing ? MOVE_UTILISATION_FAILING : MOVE_UTILISATION_DEGRADED, cfg.scaleUpCpuTarget(),
                    PROVEN_MEMORY_SECONDS, ev);
            if (!failing && src.capacity().recentlyCapacityBound()) {
                return finish(capacityHold(src, tgt)); // a scale moves no traffic: no need to wait for persistence
            }
            if (!failing && !continuing && src.detector().consecutiveAlarms() < PERSISTENCE_INTERVALS) {
                model.output("consecutive_alarm_intervals", src.detector().consecutiveAlarms());
                reasons.add("persistence: a degraded colour is left only after " + PERSISTENCE_INTERVALS
                        + " alarmed scrape intervals in a row");
                return finish(hold(src.color(), tgt.color(), "Hold: " + src.color() + " degraded, confirming ("
                        + src.detector().consecutiveAlarms() + " of " + PERSISTENCE_INTERVALS
                        + " alarmed scrape intervals)", review.risk(), review.riskReason()));
            }
            return finish(move(src, tgt, shift, failing, review));
        }

        /** Rollback when the target went bad since the last step; null when the shift may go on. */
        private FailoverPlan reviewShift(ShiftState.Shift shift) {
            ColorHealth to = h.color(shift.to());
            String bad = ShiftChecks.wentBad(to, shift.lastStepAt());
            if (bad != null) {
                reasons.add("rollback: the target of a shift went bad after the last step");
                List<PlannedAction> actions = new ArrayList<>();
                Map<String, Integer> back = new LinkedHashMap<>(shift.previousSplit());
                for (Map.Entry<String, Integer> e : back.entrySet()) {
                    model.output("rollback." + e.getKey() + "_percent", e.getValue());
                }
                actions.add(trafficAction(shift.from(), back));
                String text = "Roll back to " + describe(back) + ": " + to.color() + " " + bad + " ("
                        + to.basis() + ")";
                return new FailoverPlan(Outcome.ROLLBACK, shift.to(), shift.from(), current, back, actions, text,
                        reasons, Risk.HIGH, to.color() + " " + bad, impact,
                        new FailoverPlan.StateChange(null, true, shift.to(), shift.to(), bad), 0);
            }
            if (current.getOrDefault(shift.from(), 0) == 0) {
                reasons.add("shift complete: " + shift.from() + " carries no traffic");
                shiftEnded = true;
            } else if (ShiftChecks.recovered(h.color(shift.from()))) {
                reasons.add("shift stopped: " + shift.from() + " is back within the SLO");
                shiftEnded = true;
            }
            return null;
        }

        /** The colour to move traffic away from, or null. */
        private ColorHealth source(ShiftState.Shift shift) {
            List<ColorHealth> bad = new ArrayList<>();
            for (ColorHealth c : h.colors()) {
                if (current.getOrDefault(c.color(), 0) == 0) {
                    continue;
                }
                boolean inShift = shift != null && shift.from().equals(c.color());
                if (c.status() == HealthStatus.FAILING
                        || c.status() == HealthStatus.DEGRADED && (c.confident() || inShift)) {
                    bad.add(c);
                }
            }
            if (bad.isEmpty()) {
                return null;
            }
            bad.sort((a, b) -> Integer.compare(severity(b), severity(a)));
            return bad.get(0);
        }

        private int severity(ColorHealth c) {
            return (c.status() == HealthStatus.FAILING ? 1000 : 0) + current.getOrDefault(c.color(), 0);
        }

        private FailoverPlan capacityHold(ColorHealth src, ColorHealth tgt) {
            reasons.add("capacity: CPU is high and the queueing model explains the latency, so both colours would"
                    + " suffer; scale instead of failing over");
            CapacityVerdict cap = src.capacity();
            int pods = cap.knowsServiceRate()
                    ? CapacityVerdict.replicasFor(cap.loadRps() / (cap.serviceRatePerPod() * cfg.scaleUpCpuTarget()),
                            src.specReplicas())
                    : src.specReplicas();
            model.parameter("scale_tolerance", CapacityVerdict.SCALE_TOLERANCE)
                    .output("capacity.pods_for_load", pods);
            List<PlannedAction> actions = new ArrayList<>();
            String scale = "";
            if (pods > src.specReplicas()) {
                actions.add(new PlannedAction(PlannedAction.SCALE, src.deployment(), pods, false, null));
                scale = "; scale " + src.deployment() + " to " + pods + " replicas";
            }
            String text = "Hold traffic on " + src.color() + ": overload, not a colour fault (CPU "
                    + Fmt.percent(src.capacity().cpuUtilisation()) + " of request, model utilisation "
                    + Fmt.percent(src.capacity().utilisation()) + ")" + scale;
            return new FailoverPlan(Outcome.HOLD, src.color(), tgt.color(), current, current, actions, text, reasons,
                    Risk.MEDIUM, "moving would overload " + tgt.color() + " as well", impact,
                    FailoverPlan.StateChange.none(), 0);
        }

        private FailoverPlan move(ColorHealth src, ColorHealth tgt, ShiftState.Shift shift, boolean failing,
                TargetReview review) {
            if (!review.eligible()) {
                reasons.add("target: never shift towards a worse, unready, failing or failed-verification colour");
                return hold(src.color(), tgt.color(), "Hold on " + src.color() + " (" + src.status().json()
                        + "): " + review.reason(), review.risk(), review.riskReason());
            }
            Instant away = s.movedAwayFrom(tgt.color());
            if (away != null && !failing) {
                double since = Duration.between(away, h.at()).toMillis() / 1000.0;
                if (since < rules.cooldownSeconds()) {
                    model.output("seconds_since_moved_away_from_target", since);
                    reasons.add("cool-down: no move back towards a colour soon after leaving it, unless failing");
                    return hold(src.color(), tgt.color(), "Hold: cool-down — traffic left " + tgt.color() + " "
                            + Fmt.seconds(since) + " ago (cool-down " + Fmt.seconds(rules.cooldownSeconds()) + ")",
                            review.risk(), review.riskReason());
                }
            }
            if (bc.failoverProhibitive() && !failing) {
                reasons.add("context: failover cost is prohibitive; only a failing colour is left");
                return hold(src.color(), tgt.color(), "Hold on " + src.color() + ": failover cost prohibitive and "
                        + src.color() + " is degraded, not failing", review.risk(), review.riskReason());
            }
            int cur = current.getOrDefault(tgt.color(), 0);
            boolean continuing = shift != null && shift.to().equals(tgt.color()) && cur > 0;
            // an immediate shift held back only by the target's ready pods goes on as they become ready
            if (continuing && !failing && !shift.immediate()) {
                int verified = ShiftChecks.verifiedSince(tgt, shift.lastStepAt());
                if (verified < VERIFY_INTERVALS) {
                    model.output("verified_intervals_since_step", verified);
                    reasons.add("verification: each further step waits for " + VERIFY_INTERVALS
                            + " verified scrape intervals of the target");
                    return hold(src.color(), tgt.color(), "Hold at " + describe(current) + ": verifying "
                            + tgt.color() + " (" + verified + " of " + VERIFY_INTERVALS
                            + " scrape intervals within the SLO since the last step)", review.risk(),
                            review.riskReason(), FailoverPlan.StateChange.none());
                }
            }
            boolean immediate = failing || bc.immediateAllowed() && tgt.proven()
                    && (impact == ImpactLevel.HIGH || bc.lowTolerance());
            int step = clampPercent(cur == 0 && !tgt.proven() ? rules.canaryPercent() : rules.shiftStepPercent());
            int desired = immediate ? 100 : Math.min(100, cur + step);
            int next = Math.min(desired, Math.max(cur, review.carryPercent()));
            List<PlannedAction> actions = new ArrayList<>();
            String scale = "";
            if (review.podsForFullLoad() > tgt.specReplicas()) {
                actions.add(new PlannedAction(PlannedAction.SCALE, tgt.deployment(), review.podsForFullLoad(), false,
                        null));
                scale = "scale " + tgt.deployment() + " to " + review.podsForFullLoad() + " replicas";
            }
            model.output("target.desired_percent", desired).output("target.next_percent", next);
            reasons.add(immediate ? "immediate: " + (failing ? src.color() + " is failing"
                    : "high impact or low tolerance, and a proven target") : "gradual: canary first towards an"
                    + " unproven target, verified steps after");
            if (next <= cur) {
                reasons.add("capacity: move only what the target's ready pods carry");
                return hold(src.color(), tgt.color(), "Hold at " + describe(current) + " while " + tgt.color()
                        + " gains capacity" + (scale.isEmpty() ? "" : ": " + scale), review.risk(),
                        review.riskReason(), FailoverPlan.StateChange.none(), actions);
            }
            Map<String, Integer> split = new LinkedHashMap<>();
            for (ColorHealth c : h.colors()) {
                split.put(c.color(), c.color().equals(tgt.color()) ? next : 100 - next);
            }
            actions.add(trafficAction(tgt.color(), split));
            Outcome outcome = immediate ? Outcome.IMMEDIATE_SWITCH : Outcome.GRADUAL_SHIFT;
            String text = immediate
                    ? (next == 100 ? "Immediate traffic switch to " + tgt.color()
                            : "Immediate shift of " + next + "% to " + tgt.color() + " (its ready pods carry that much)")
                    : "Gradual traffic shift (" + next + "% to " + tgt.color() + ")";
            if (!scale.isEmpty()) {
                text += "; " + scale;
            }
            ShiftState.Shift newShift = new ShiftState.Shift(src.color(), tgt.color(), current,
                    shift != null && continuing ? shift.startedAt() : h.at(), h.at(), immediate,
                    continuing ? shift.steps() + 1 : 1);
            return new FailoverPlan(outcome, src.color(), tgt.color(), current, split, actions, text, reasons,
                    review.risk(), review.riskReason(), impact,
                    new FailoverPlan.StateChange(newShift, false, src.color(), src.color(),
                            "traffic left it while " + src.status().json()), 0);
        }

        /** A learned step outside 1..100 % is clamped: a step must move something and cannot overshoot. */
        private static int clampPercent(int percent) {
            return Math.max(1, Math.min(100, percent));
        }

        private PlannedAction trafficAction(String towards, Map<String, Integer> split) {
            for (Map.Entry<String, Integer> e : split.entrySet()) {
                model.output("split." + e.getKey() + "_percent", e.getValue());
            }
            int share = split.getOrDefault(towards, 0);
            return new PlannedAction(share == 100 ? PlannedAction.SELECTOR : PlannedAction.SPLIT, towards, share,
                    false, null);
        }

        private FailoverPlan hold(String subject, String target, String text, Risk risk, String riskReason) {
            return hold(subject, target, text, risk, riskReason, null);
        }

        private FailoverPlan hold(String subject, String target, String text, Risk risk, String riskReason,
                FailoverPlan.StateChange change) {
            return hold(subject, target, text, risk, riskReason, change, List.of());
        }

        private FailoverPlan hold(String subject, String target, String text, Risk risk, String riskReason,
                FailoverPlan.StateChange change, List<PlannedAction> actions) {
            return new FailoverPlan(Outcome.HOLD, subject, target, current, current, actions, text, reasons, risk,
                    riskReason, impact, change == null ? FailoverPlan.StateChange.none() : change, 0);
        }

        private FailoverPlan finish(FailoverPlan p) {
            for (Map.Entry<String, Integer> e : current.entrySet()) {
                model.output("current." + e.getKey() + "_percent", e.getValue());
            }
            model.output("outcome_code", p.outcome().ordinal()).output("impact_level", impact.ordinal())
                    .note(p.outcome().json() + ": " + p.recommendation()).add();
            FailoverPlan.StateChange c = p.change();
            if (shiftEnded && c.shift() == null && !c.endShift()) {
                c = new FailoverPlan.StateChange(null, true, c.movedAwayFrom(), c.failedColor(), c.failedDetail());
            }
            double better = p.subject() == null || p.target() == null ? 0
                    : ShiftChecks.targetBetter(h.color(p.subject()), h.color(p.target()), ev);
            return new FailoverPlan(p.outcome(), p.subject(), p.target(), p.currentSplit(), p.split(), p.actions(),
                    p.recommendation(), p.reasons(), p.risk(), p.riskReason(), p.impact(), c, better);
        }

        private String describe(Map<String, Integer> split) {
            List<String> parts = new ArrayList<>();
            split.forEach((c, v) -> parts.add(c + " " + v + "%"));
            return String.join(" / ", parts);
        }
    }
}
