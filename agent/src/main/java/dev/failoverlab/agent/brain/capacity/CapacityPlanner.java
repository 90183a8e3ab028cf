package dev.failoverlab.agent.brain.capacity;

import dev.failoverlab.agent.analytics.optimize.Constraints;
import dev.failoverlab.agent.analytics.optimize.PlanProblem;
import dev.failoverlab.agent.analytics.optimize.PlanResult;
import dev.failoverlab.agent.analytics.optimize.PlanSearch;
import dev.failoverlab.agent.api.OptimizeRequest;
import dev.failoverlab.agent.api.Phrases;
import dev.failoverlab.agent.brain.BrainContext;
import dev.failoverlab.agent.config.AgentConfig;
import dev.failoverlab.agent.evidence.Evidence;
import dev.failoverlab.agent.observe.ColorObservation;
import dev.failoverlab.agent.observe.ServiceObservation;
import dev.failoverlab.agent.port.ClusterUnavailableException;
import dev.failoverlab.agent.port.DeploymentInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /optimize}: the cheapest replicas per colour and traffic split (5 % steps) that meet the latency,
 * error-rate, availability and budget constraints at the expected load, each colour modelled from its own
 * measurements ({@link PlanInputs}) and searched exhaustively ({@link PlanSearch}) with the autoscaler's CPU target
 * as headroom, so the plan is not undone by {@code /analyze} the moment it lands. When nothing is feasible it says
 * what binds and the cheapest single relaxation. With {@code "execute": true} the plan stands
 * ({@link StandingPlan}): this call takes its first guard-sized steps, and later {@code /analyze} calls finish the
 * hand-over and respect its floors and budget for {@code duration_minutes}. Records an {@code optimize} episode.
 */
public final class CapacityPlanner {
    /** When the plan is judged if the request gives no duration. */
    static final double DEFAULT_DUE_MINUTES = 10;

    private final BrainContext ctx;

    public CapacityPlanner(BrainContext ctx) {
        this.ctx = ctx;
    }

    public OptimizeResponse handle(OptimizeRequest request) {
        request.validated();
        Evidence ev = new Evidence();
        AgentConfig cfg = ctx.config();
        OptimizeTexts.Limits limits = limits(request, cfg, ev);
        ServiceObservation obs = ctx.observer().observe(cfg.window(), cfg.lookback(), false, ev);
        ActionRunner runner = new ActionRunner(ctx, ev, executes(request));
        CapacityEpisodes episodes = new CapacityEpisodes(ctx);
        if (obs.colors().size() != 2) {
            ev.measure("deployments_seen", "service", "instant", obs.colors().size(), "deployments", "api-server");
            return insufficient("the blue/green pair could not be read (" + obs.colors().size() + " deployments seen)",
                    limits, ev, episodes);
        }
        double expected = expectedLoad(request, obs, ev);
        if (!(expected > 0)) {
            episodes.observation(obs, Map.of("endpoint", "optimize"));
            return insufficient("no measured current load to scale \"expected_load\" from", limits, ev, episodes);
        }
        PodFacts pods = PodFacts.read(ctx.view(), obs, ev);
        Map<String, DeploymentInfo> deployments = deployments(ev);
        Map<String, CpuCostModel.ColourCpu> cpu = CpuCostModel.estimate(obs,
                ctx.state().get(CpuSamples.class, CpuSamples::new), ev);
        if (cpu.size() < 2) {
            episodes.observation(obs, Map.of("endpoint", "optimize"));
            return insufficient("no service-rate estimate (CPU and traffic of at least one colour are needed)",
                    limits, ev, episodes);
        }
        ColorObservation first = obs.color(obs.activeColor());
        ColorObservation second = obs.other(obs.activeColor());
        List<PlanInputs> inputs = new ArrayList<>();
        Map<String, Double> prices = new LinkedHashMap<>();
        for (ColorObservation c : List.of(first, second)) {
            PlanInputs in = PlanInputs.of(c, cpu.get(c.color()), pods.byColour().get(c.color()),
                    deployments.get(c.deployment()), limits.latencyMs(), cfg.guard().maxReplicas(), cfg, ev);
            inputs.add(in);
            prices.put(c.color(), in.model().costPerReplicaHour());
        }
        double base = inputs.stream().mapToDouble(PlanInputs::baseLatencyMs).filter(Double::isFinite).max().orElse(0);
        double queueLimit = Math.max(1e-4, (limits.latencyMs() - base) / 1000);
        if (limits.latencyMs() - base <= 0) {
            ev.missing("non-CPU latency alone reaches the latency limit: no replica count can meet it");
        }
        double budget = limits.budget() == null ? Double.POSITIVE_INFINITY : limits.budget();
        Constraints constraints = new Constraints(queueLimit, limits.errorPercent() / 100,
                limits.availabilityPercent() / 100, budget);
        PlanResult result = PlanSearch.solve(new PlanProblem(inputs.get(0).model(), inputs.get(1).model(), expected,
                constraints, 0.95, 5, 3, cfg.scaleUpCpuTarget()));
        ev.add(result.evidence());

        Map<String, String> state = OptimizeTexts.currentState(obs, prices, ev);
        PlanPrediction best = result.feasible()
                ? PlanPrediction.of("plan-prediction", result.best(), inputs, base, ev) : null;
        OptimizeResponse.LoadPrediction load = CapacityLoad.prediction(obs, expected, inputs.get(0), best,
                cfg.scaleUpCpuTarget(), ev);
        List<String> strategy;
        OptimizeResponse.Outcomes outcomes;
        if (best != null) {
            strategy = OptimizeTexts.strategy(obs, best, prices, limits, ev);
            outcomes = OptimizeTexts.outcomes(best, limits, null);
        } else {
            strategy = OptimizeTexts.infeasible(result, limits, base, cfg.guard().maxReplicas(), ev);
            outcomes = result.cheapestRelaxation() == null ? OptimizeTexts.noOutcomes(limits)
                    : OptimizeTexts.outcomes(PlanPrediction.of("relaxed-plan-prediction",
                            result.cheapestRelaxation().plan(), inputs, base, ev), limits, "with the relaxation");
        }
        Instant now = obs.at();
        String id = null;
        if (best != null) {
            id = recordOptimize(episodes, request, obs, best, limits);
        }
        String execution = execute(request, obs, best, id, deployments(obs), prices, limits, runner, now);
        episodes.observation(obs, Map.of("endpoint", "optimize"));
        episodes.failures().forEach(ev::missing);
        OptimizeResponse.Plan plan = CapacityLoad.plan(result, best, expected, inputs, base, ev);
        return new OptimizeResponse(new OptimizeResponse.Analysis(state, load, strategy, outcomes), plan,
                runner.actions(), execution, ev, "deterministic", null);
    }

    private static boolean executes(OptimizeRequest request) {
        return Boolean.TRUE.equals(request.execute());
    }

    /** Stores the plan and takes its first hand-over steps; returns the execution line. */
    private String execute(OptimizeRequest request, ServiceObservation obs, PlanPrediction best, String id,
            Map<String, String> deployments, Map<String, Double> prices, OptimizeTexts.Limits limits,
            ActionRunner runner, Instant now) {
        if (!executes(request)) {
            return "Not executed: plan only (set \"execute\": true to apply)";
        }
        if (best == null) {
            return "Not executed: no plan meets every constraint";
        }
        Map<String, Integer> replicas = new LinkedHashMap<>();
        obs.colors().forEach(c -> replicas.put(c.color(), best.replicas(c.color())));
        Instant expires = limits.durationMinutes() == null ? null
                : now.plusMillis((long) (limits.durationMinutes() * 60_000));
        StandingPlan plan = new StandingPlan(id, now, expires, replicas, best.splitPercent(), deployments,
                limits.budget(), prices, false, false);
        StandingPlan.Holder holder = ctx.state().get(StandingPlan.Holder.class, StandingPlan.Holder::new);
        PlanExecutor.Step step = PlanExecutor.next(plan, obs, List.of(), ctx.config().guard().maxScaleStep());
        Map<String, Integer> after = new LinkedHashMap<>();
        obs.colors().forEach(c -> after.put(c.color(), c.specReplicas()));
        String reason = "/optimize plan " + id;
        for (boolean up : new boolean[] {true, false}) {
            for (ColorObservation c : obs.colors()) {
                int to = step.targets().get(c.color());
                if (up ? to > c.specReplicas() : to < c.specReplicas()) {
                    if (runner.scale(c.deployment(), to, reason).applied()) {
                        after.put(c.color(), to);
                    }
                }
            }
            if (up && step.split() != null) {
                runner.split(step.split(), step.awayFrom(), reason + ": planned pods ready");
            }
        }
        boolean splitDone = step.splitHeld() || runner.actions().stream()
                .anyMatch(a -> a.kind().equals(ActionRecord.SPLIT) && a.applied());
        holder.set(PlanExecutor.progress(plan, splitDone, after));
        List<String> done = new ArrayList<>();
        runner.actions().forEach(a -> done.add((a.applied() ? "" : "refused: ") + a.detail()));
        String s = "Plan in force" + (limits.durationMinutes() == null ? " until replaced"
                : " for " + Fmt.trim(limits.durationMinutes()) + " minutes");
        s += done.isEmpty() ? "; nothing to change now" : ": " + String.join("; ", done);
        if (step.waiting() != null) {
            s += "; " + step.waiting() + " (later /analyze calls continue)";
        }
        return s;
    }

    private String recordOptimize(CapacityEpisodes episodes, OptimizeRequest request, ServiceObservation obs,
            PlanPrediction best, OptimizeTexts.Limits limits) {
        Map<String, Double> predicted = new LinkedHashMap<>();
        predicted.put("p95_ms", best.p95Ms());
        predicted.put("cost_per_hour", best.costPerHour());
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("endpoint", "optimize");
        labels.put("executed", Boolean.toString(executes(request)));
        if (request.currentScenario() != null && request.currentScenario().expectedLoad() != null) {
            labels.put("expected_load", request.currentScenario().expectedLoad());
        }
        best.splitPercent().forEach((c, pct) -> labels.put(c + ".plan", best.replicas(c) + " replicas, " + pct + "%"));
        double minutes = limits.durationMinutes() == null ? DEFAULT_DUE_MINUTES : limits.durationMinutes();
        return episodes.prediction("optimize", obs.at(), obs.at().plusMillis((long) (minutes * 60_000)),
                obs.service(), predicted, labels);
    }

    /** The request's constraints, or the configured SLO where one is absent; each recorded with its source. */
    private static OptimizeTexts.Limits limits(OptimizeRequest r, AgentConfig cfg, Evidence ev) {
        OptimizeRequest.Constraints c = r.constraints();
        var defaults = ev.model("slo-defaults(configuration)");
        double latency = pick(c == null ? null : c.maxResponseTimeMs(), cfg.slo().latencyP95Ms(),
                "max_response_time", "ms", ev, defaults);
        double error = pick(c == null ? null : c.maxErrorRatePercent(), cfg.slo().errorRatePercent(),
                "max_error_rate", "percent", ev, defaults);
        double availability = pick(c == null ? null : c.targetAvailabilityPercent(), cfg.slo().availabilityPercent(),
                "target_availability", "percent", ev, defaults);
        defaults.parameter("latency_quantile", 0.95).add();
        Double budget = c == null ? null : c.budgetLimitPerHour();
        if (budget != null) {
            ev.measure("budget_limit", "request", "per hour", budget, "$/h", "request");
        }
        Double duration = r.currentScenario() == null ? null : r.currentScenario().durationMinutes();
        if (duration != null) {
            ev.measure("duration", "request", "instant", duration, "minutes", "request");
        }
        return new OptimizeTexts.Limits(latency, error, availability, budget, duration);
    }

    private static double pick(Double given, double fallback, String metric, String unit, Evidence ev,
            Evidence.ModelBuilder defaults) {
        if (given != null) {
            ev.measure(metric, "request", "instant", given, unit, "request");
            return given;
        }
        defaults.parameter(metric, fallback);
        return fallback;
    }

    /** The load to plan for: a multiple of the measured total, an absolute rate, or the current load. */
    private static double expectedLoad(OptimizeRequest r, ServiceObservation obs, Evidence ev) {
        double current = obs.totalRps();
        String phrase = r.currentScenario() == null ? null : r.currentScenario().expectedLoad();
        var m = ev.model("expected-load").parameter("current_rps", current);
        Phrases.Load load = phrase == null ? new Phrases.Load(1.0, null)
                : Phrases.load("current_scenario.expected_load", phrase);
        if (load.multipleOfCurrent() != null) {
            if (phrase != null) {
                ev.measure("expected_load_multiple", "request", "instant", load.multipleOfCurrent(), "x current",
                        "request");
            } else {
                m.note("no expected_load given: planning for the current load");
            }
            m.parameter("multiple_of_current", load.multipleOfCurrent());
        } else {
            ev.measure("expected_load", "request", "instant", load.rps(), "rps", "request");
        }
        double expected = load.resolve(current);
        m.output("expected_rps", expected).add();
        return expected;
    }

    private Map<String, DeploymentInfo> deployments(Evidence ev) {
        Map<String, DeploymentInfo> out = new LinkedHashMap<>();
        try {
            ctx.view().deployments().forEach(d -> out.put(d.name(), d));
        } catch (ClusterUnavailableException e) {
            ev.missing("api-server: deployments unreadable for memory requests (" + e.getMessage() + ")");
        }
        return out;
    }

    private static Map<String, String> deployments(ServiceObservation obs) {
        Map<String, String> out = new LinkedHashMap<>();
        obs.colors().forEach(c -> out.put(c.color(), c.deployment()));
        return out;
    }

    private OptimizeResponse insufficient(String why, OptimizeTexts.Limits limits, Evidence ev,
            CapacityEpisodes episodes) {
        episodes.failures().forEach(ev::missing);
        ev.missing("plan: " + why);
        OptimizeResponse.Analysis a = new OptimizeResponse.Analysis(Map.of("note", "insufficient data: " + why),
                new OptimizeResponse.LoadPrediction("insufficient data", "insufficient data", "insufficient data"),
                List.of("insufficient data: " + why), OptimizeTexts.noOutcomes(limits));
        return new OptimizeResponse(a, new OptimizeResponse.Plan(false, null, null, null, null, List.of(), List.of(),
                null, null), List.of(), "Not executed: insufficient data", ev, "deterministic", null);
    }
}
