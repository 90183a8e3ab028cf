package dev.failoverlab.agent.brain.capacity;

import dev.failoverlab.agent.analytics.forecast.Exceedance;
import dev.failoverlab.agent.analytics.forecast.ExceedanceProbability;
import dev.failoverlab.agent.api.AnalyzeRequest;
import dev.failoverlab.agent.brain.BrainContext;
import dev.failoverlab.agent.config.AgentConfig;
import dev.failoverlab.agent.evidence.Evidence;
import dev.failoverlab.agent.learn.Rules;
import dev.failoverlab.agent.observe.ServiceObservation;
import dev.failoverlab.agent.port.ActionResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /analyze}: forecasts the service's load over the horizon, turns it into CPU per pod of each colour,
 * gives the probability that CPU crosses the target and when, and recommends replicas: ahead of a forecast
 * crossing, at once when CPU is already above target, down only after the stabilisation window, within a standing
 * plan's floors and budget. With {@code "execute": true} it applies them (the agent's autoscaler) and continues a
 * standing plan's hand-over. Records a {@code forecast} and an {@code observation} episode.
 */
public final class LoadAnalyzer {
    /** Forecast at most an hour ahead: the history is an hour long, and the Monte Carlo cost grows with steps^2. */
    static final int MAX_STEPS = 240;
    /** Start-to-ready time assumed when no pod could be timed. */
    static final double DEFAULT_STARTUP_SECONDS = 30;
    /** Simulated paths for the crossing probability: standard error at most 0.007. */
    static final int PATHS = 5000;
    /** Upper bound on simulated paths x steps^2 / 2 per query (a few milliseconds). */
    private static final double PATH_WORK = 4e6;

    private final BrainContext ctx;

    public LoadAnalyzer(BrainContext ctx) {
        this.ctx = ctx;
    }

    public AnalyzeResponse handle(AnalyzeRequest request) {
        request.validated();
        Evidence ev = new Evidence();
        AgentConfig cfg = ctx.config();
        Rules rules = ctx.rules().current();
        double target = cfg.scaleUpCpuTarget();
        double horizon = request.horizonSeconds();
        ev.measure("time_horizon", "request", "instant", horizon, "s", "request");
        ev.model("scaling-policy").parameter("cpu_target", target)
                .parameter("scale_ahead_probability", rules.scaleAheadProbability())
                .parameter("rules_version", rules.version())
                .parameter("stabilisation_seconds", ScaleMemory.WINDOW.toSeconds())
                .parameter("max_scale_step", cfg.guard().maxScaleStep())
                .parameter("max_replicas", cfg.guard().maxReplicas()).add();
        ServiceObservation obs = ctx.observer().observe(cfg.window(), cfg.lookback(), false, ev);
        ActionRunner runner = new ActionRunner(ctx, ev, request.executeRequested());
        CapacityEpisodes episodes = new CapacityEpisodes(ctx);
        Map<String, String> labels = labels(request);
        if (obs.colors().isEmpty()) {
            episodes.failures().forEach(ev::missing);
            return new AnalyzeResponse("insufficient data: no deployment of the pair could be read",
                    new AnalyzeResponse.CurrentMetrics("insufficient data", "insufficient data", "insufficient data"),
                    "insufficient data: nothing observed", "No scaling change: insufficient data",
                    "The API server did not list the deployments; see evidence.missing", null, List.of(),
                    "Nothing to execute", ev, "deterministic", null);
        }
        Instant now = obs.at();
        double step = obs.historyStepSeconds();
        int steps = (int) Math.min(MAX_STEPS, Math.max(1, Math.ceil(horizon / step - 1e-9)));
        double horizonSeconds = steps * step;
        ev.model("forecast-horizon").parameter("requested_seconds", horizon).parameter("step_seconds", step)
                .output("steps", steps).output("horizon_seconds", horizonSeconds)
                .output("horizon_minutes", horizonSeconds / 60).add();
        if (horizonSeconds < horizon) {
            ev.missing("forecast horizon cut to " + MAX_STEPS + " steps: the history is an hour long");
        }

        PodFacts pods = PodFacts.read(ctx.view(), obs, ev);
        double startup = Double.isFinite(pods.startupSeconds()) ? pods.startupSeconds() : DEFAULT_STARTUP_SECONDS;
        double lead = startup + 2 * step; // start-up, plus a scrape interval of metrics lag and one of query cadence
        int leadSteps = (int) Math.max(1, Math.min(steps, Math.ceil(lead / step - 1e-9)));
        var leadModel = ev.model("provisioning-lead-time").parameter("startup_seconds", startup)
                .parameter("step_seconds", step).output("lead_seconds", lead).output("lead_steps", leadSteps);
        if (!Double.isFinite(pods.startupSeconds())) {
            leadModel.note("no ready pod could be timed; start-up assumed " + DEFAULT_STARTUP_SECONDS + " s");
        }
        leadModel.add();

        Map<String, CpuCostModel.ColourCpu> cpu = CpuCostModel.estimate(obs,
                ctx.state().get(CpuSamples.class, CpuSamples::new), ev);
        Map<String, Double> shares = ReplicaRequirement.shares(obs, ev);
        double[] history = obs.rateHistory();
        DemandForecast.Result forecast = null;
        if (history.length > 0) {
            forecast = DemandForecast.fit(history, step, steps, ev);
        } else {
            ev.missing("request-rate history: none (Prometheus gave no usable scrapes); no forecast");
        }
        List<ColourNeed> needs = ReplicaRequirement.compute(obs, shares, cpu, pods, forecast, leadSteps, target,
                cfg.guard().maxReplicas(), ev);

        double p = Double.NaN;
        Exceedance ex = null;
        String why = forecast == null ? "no request-rate history to forecast from"
                : "no serving colour has a CPU model (metrics-server or traffic missing)";
        double threshold = ReplicaRequirement.thresholdRps(needs, ev);
        if (forecast != null && Double.isFinite(threshold)) {
            if (threshold <= 0) {
                p = 1;
                ev.model("exceedance(degenerate)").output("probability", 1)
                        .note("a serving colour has no pods or idle CPU above target: above target at any load").add();
            } else {
                int paths = (int) Math.max(1000, Math.min(PATHS, PATH_WORK / (steps * (double) steps / 2)));
                ex = ExceedanceProbability.estimate(forecast.forecast(), threshold, 0, step, paths,
                        now.getEpochSecond());
                ev.add(ex.evidence());
                p = ex.probability();
            }
        }
        double peakCpu = needs.stream().filter(ColourNeed::serving).mapToDouble(ColourNeed::cpuPeak)
                .filter(Double::isFinite).max().orElse(Double.NaN);
        // a forecast without backtestable history is a wide band, not a prediction: only the HPA's rule acts on it
        boolean triggered = Double.isFinite(p) && p >= rules.scaleAheadProbability() && !forecast.insufficient();

        StandingPlan.Holder holder = ctx.state().get(StandingPlan.Holder.class, StandingPlan.Holder::new);
        StandingPlan plan = holder.activeAt(now);
        String planNote = plan == null ? null : AnalyzeReasons.planNote(plan, now, ev);
        PlanExecutor.Step planStep = plan != null && !plan.complete()
                ? PlanExecutor.next(plan, obs, needs, cfg.guard().maxScaleStep()) : null;
        List<ScaleDecider.Decision> decisions = ScaleDecider.decide(needs, triggered, plan,
                planStep == null ? Map.of() : planStep.targets(), ctx.state().get(ScaleMemory.class, ScaleMemory::new),
                now, cfg.guard(), ev);

        Map<String, Integer> after = apply(decisions, planStep, runner, plan, p);
        if (plan != null && planStep != null && holder.get() == plan) {
            boolean splitDone = planStep.splitHeld() || runner.actions().stream()
                    .anyMatch(a -> a.kind().equals(ActionRecord.SPLIT) && a.applied());
            holder.set(PlanExecutor.progress(plan, splitDone, after));
        }

        Trends.TrafficChange change = Trends.trafficChange(history, step, ev);
        Trends.Trend rateTrend = Trends.rateTrend(history, step, ev);
        Trends.Trend latencyTrend = Trends.latencyTrend(ctx.view(), obs, ev);
        double p95 = Trends.serviceP95(obs, ev);

        String reasoning = AnalyzeReasons.reasoning(decisions, p, rules, target, horizonSeconds / 60, lead, plan,
                planStep);
        if (planNote != null) {
            reasoning = planNote + ". " + reasoning;
        }
        AnalyzeResponse.ForecastSummary summary = summary(horizonSeconds, target, p, ex, forecast, peakCpu, needs,
                decisions);
        recordEpisodes(episodes, obs, labels, p, forecast, peakCpu, triggered, horizonSeconds, target);
        episodes.failures().forEach(ev::missing);
        boolean known = needs.stream().filter(ColourNeed::serving).anyMatch(ColourNeed::known);
        return new AnalyzeResponse(
                AnalyzeTexts.analysis(change, forecast, history.length),
                AnalyzeTexts.currentMetrics(obs, needs, p95, rateTrend, latencyTrend, ev),
                AnalyzeTexts.prediction(p, ex, needs, target, horizonSeconds / 60, peakCpu, why, ev),
                AnalyzeTexts.recommendation(decisions, planStep, known),
                reasoning + ".",
                summary, runner.actions(), AnalyzeTexts.execution(runner.actions(), runner.executing()), ev,
                "deterministic", null);
    }

    /** Scale-ups first, then the plan's split, then scale-downs; returns the replicas per colour afterwards. */
    private Map<String, Integer> apply(List<ScaleDecider.Decision> decisions, PlanExecutor.Step planStep,
            ActionRunner runner, StandingPlan plan, double p) {
        Map<String, Integer> after = new LinkedHashMap<>();
        decisions.forEach(d -> after.put(d.need().colour(), d.need().spec()));
        for (ScaleDecider.Decision d : decisions) {
            if (d.to() > d.need().spec()) {
                scale(d, runner, after, p);
            }
        }
        if (planStep != null && planStep.split() != null) {
            runner.split(planStep.split(), planStep.awayFrom(), "optimisation plan " + plan.id() + ": planned pods"
                    + " ready, setting the planned split " + AnalyzeTexts.splitText(planStep.split()));
        }
        for (ScaleDecider.Decision d : decisions) {
            if (d.to() < d.need().spec()) {
                scale(d, runner, after, p);
            }
        }
        return after;
    }

    private static void scale(ScaleDecider.Decision d, ActionRunner runner, Map<String, Integer> after, double p) {
        ColourNeed n = d.need();
        String reason = String.format(Locale.ROOT, "/analyze %s: %s %d -> %d (required %d, P(cpu>target)"
                + " %.2f)", d.kind().name().toLowerCase(Locale.ROOT), n.deployment(), n.spec(), d.to(),
                n.required(), p);
        ActionResult r = runner.scale(n.deployment(), d.to(), reason);
        if (r.applied()) {
            after.put(n.colour(), d.to());
        }
    }

    private static AnalyzeResponse.ForecastSummary summary(double horizon, double target, double p, Exceedance ex,
            DemandForecast.Result forecast, double peakCpu, List<ColourNeed> needs,
            List<ScaleDecider.Decision> decisions) {
        Map<String, Double> crossing = null;
        if (ex != null && Double.isFinite(ex.expectedFirstCrossingSeconds())) {
            crossing = new LinkedHashMap<>();
            crossing.put("p25", ex.firstCrossingQuantileSeconds(0.25));
            crossing.put("median", ex.firstCrossingQuantileSeconds(0.5));
            crossing.put("p75", ex.firstCrossingQuantileSeconds(0.75));
        }
        Map<String, AnalyzeResponse.ColourForecast> colours = new LinkedHashMap<>();
        for (ScaleDecider.Decision d : decisions) {
            ColourNeed n = d.need();
            colours.put(n.colour(), new AnalyzeResponse.ColourForecast(n.deployment(), n.spec(), n.ready(),
                    n.share(), finite(n.cpuNow()), finite(n.cpuPeak()), n.known() ? n.required() : null, d.to()));
        }
        return new AnalyzeResponse.ForecastSummary(horizon, target, finite(p), crossing,
                forecast == null ? null : forecast.peak(), finite(peakCpu), forecast == null ? null : forecast.model(),
                forecast != null && forecast.insufficient(), colours);
    }

    private void recordEpisodes(CapacityEpisodes episodes, ServiceObservation obs, Map<String, String> labels,
            double p, DemandForecast.Result forecast, double peakCpu, boolean triggered, double horizon,
            double target) {
        episodes.observation(obs, labels);
        if (!Double.isFinite(p) || forecast == null) {
            return;
        }
        Map<String, Double> predicted = new LinkedHashMap<>();
        predicted.put("p_cpu_above_target", p);
        predicted.put("peak_rps", forecast.peak());
        if (Double.isFinite(peakCpu)) {
            predicted.put("peak_cpu", peakCpu);
        }
        predicted.put("scale_ahead", triggered ? 1.0 : 0.0);
        predicted.put("cpu_target", target);
        Map<String, String> l = new LinkedHashMap<>(labels);
        l.put("model", forecast.model());
        l.put("horizon_s", Fmt.whole(horizon));
        episodes.prediction("forecast", obs.at(), obs.at().plusMillis((long) (horizon * 1000)), obs.service(),
                predicted, l);
    }

    private static Map<String, String> labels(AnalyzeRequest request) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("endpoint", "analyze");
        if (request.context() != null && request.context().businessContext() != null) {
            l.put("business_context", request.context().businessContext());
        }
        return l;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
