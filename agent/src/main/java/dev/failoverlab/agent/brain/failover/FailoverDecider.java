package dev.failoverlab.agent.brain.failover;

import dev.failoverlab.agent.api.FailoverAssessmentRequest;
import dev.failoverlab.agent.brain.BrainContext;
import dev.failoverlab.agent.brain.health.ColorHealth;
import dev.failoverlab.agent.brain.health.HealthEpisodes;
import dev.failoverlab.agent.brain.health.HealthMemory;
import dev.failoverlab.agent.brain.health.ServiceAssessor;
import dev.failoverlab.agent.brain.health.ServiceHealth;
import dev.failoverlab.agent.evidence.Evidence;
import dev.failoverlab.agent.learn.Episode;
import dev.failoverlab.agent.learn.Rules;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /failover-assessment}: assesses both colours, plans with {@link FailoverPlanner}, executes when the
 * caller asks ({@code execute}, default from configuration) and not in a dry run, remembers what was applied (the
 * shift in progress, cool-downs, colours marked unsafe) and records the observation, health and failover episodes.
 * One query at a time: concurrent queries wait, so two of them never both move traffic.
 */
public final class FailoverDecider {
    private final BrainContext ctx;
    private final FailoverPlanner planner;

    public FailoverDecider(BrainContext ctx) {
        this.ctx = ctx;
        this.planner = new FailoverPlanner(ctx);
    }

    public FailoverAssessmentResponse handle(FailoverAssessmentRequest request) {
        request.validated();
        Evidence ev = new Evidence();
        Rules rules = ctx.rules().current();
        BusinessContext bc = BusinessContext.of(request, ctx.config().defaultContext());
        boolean execute = request.execute() != null ? request.execute() : ctx.config().executeByDefault();
        boolean dryRun = Boolean.TRUE.equals(request.dryRun());
        ShiftState state = ctx.state().get(ShiftState.class, ShiftState::new);
        synchronized (state) {
            ServiceHealth h = new ServiceAssessor(ctx).assess(ev);
            FailoverPlan plan = planner.plan(h, bc, state.snapshot());
            PlanExecutor.Result result = PlanExecutor.run(plan, ctx.actuator(), execute, dryRun, ev);
            remember(plan, result, h, state);
            Map<String, String> labels = bc.labels();
            HealthEpisodes.record(ctx, h, rules, "failover-assessment", labels);
            recordFailover(plan, result, h, rules, labels);
            return respond(plan.withActions(result.actions()), result, h);
        }
    }

    private void remember(FailoverPlan plan, PlanExecutor.Result result, ServiceHealth h, ShiftState state) {
        FailoverPlan.StateChange c = plan.change();
        Instant now = h.at();
        if (c.endShift()) {
            state.end();
        }
        if (result.trafficMoved()) {
            if (c.shift() != null) {
                state.startOrContinue(c.shift());
            }
            if (c.movedAwayFrom() != null) {
                state.movedAway(c.movedAwayFrom(), now);
                ctx.state().trafficMoved(now, c.movedAwayFrom());
            }
        }
        if (c.failedColor() != null && (result.trafficMoved() || plan.outcome() == Outcome.ROLLBACK)) {
            HealthMemory memory = ctx.state().get(HealthMemory.class, HealthMemory::new);
            ColorHealth failed = h.color(c.failedColor());
            synchronized (memory) {
                memory.color(c.failedColor()).markFailedVerification(now, c.failedDetail(), failed.podNames());
            }
        }
    }

    private void recordFailover(FailoverPlan plan, PlanExecutor.Result result, ServiceHealth h, Rules rules,
            Map<String, String> context) {
        if (plan.target() == null) {
            return;
        }
        Map<String, String> labels = new LinkedHashMap<>(context);
        labels.put("rules_version", Integer.toString(rules.version()));
        labels.put("outcome", plan.outcome().json());
        labels.put("executed", Boolean.toString(result.trafficMoved()));
        labels.put("source", plan.subject());
        ctx.episodes().record(new Episode(HealthEpisodes.id(ctx, "failover", h.at()), "failover", h.at(),
                h.at().plus(Duration.ofSeconds(HealthEpisodes.HORIZON_SECONDS)), plan.target(),
                Map.of("target_better", plan.targetBetter(), "decision", plan.outcome().code()), Map.of(), labels,
                false));
    }

    private FailoverAssessmentResponse respond(FailoverPlan plan, PlanExecutor.Result result, ServiceHealth h) {
        Evidence ev = h.evidence();
        FailoverAssessmentResponse.Decision decision = new FailoverAssessmentResponse.Decision(plan.outcome(),
                plan.outcome() == Outcome.HOLD ? null : plan.target(), plan.split(), plan.actions(),
                result.executed(), plan.reasons());
        if (plan.subject() == null || !h.pairKnown()) {
            FailoverAssessmentResponse.Assessment a = new FailoverAssessmentResponse.Assessment("service",
                    "insufficient data: the colours could not be read (see evidence.missing)",
                    new FailoverAssessmentResponse.Metrics("n/a", "n/a", "n/a (no measurements)"), "standby",
                    "unknown", new FailoverAssessmentResponse.Matrix("UNKNOWN", "UNKNOWN", "UNKNOWN",
                            AssessmentText.risk(plan.risk(), plan.riskReason())),
                    plan.recommendation(), result.execution());
            return new FailoverAssessmentResponse(a, decision, ev, "deterministic", null);
        }
        ColorHealth subject = h.color(plan.subject());
        ColorHealth other = h.color(plan.target());
        FailoverAssessmentResponse.Metrics metrics = new FailoverAssessmentResponse.Metrics(
                AssessmentText.responseTime(subject), AssessmentText.errorRate(subject, h),
                AssessmentText.userImpact(subject, h, plan.impact()));
        FailoverAssessmentResponse.Matrix matrix = new FailoverAssessmentResponse.Matrix(
                AssessmentText.technical(h, subject.color(), other.color()),
                AssessmentText.userExperience(h, subject.color(), other.color()),
                AssessmentText.businessImpact(plan.impact(), h),
                AssessmentText.risk(plan.risk(), plan.riskReason()));
        FailoverAssessmentResponse.Assessment a = new FailoverAssessmentResponse.Assessment(subject.color(),
                AssessmentText.subjectStatus(subject, h), metrics, other.color(),
                AssessmentText.otherStatus(other, h), matrix, plan.recommendation(), result.execution());
        return new FailoverAssessmentResponse(a, decision, ev, "deterministic", null);
    }
}
