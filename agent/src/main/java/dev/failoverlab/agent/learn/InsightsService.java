package dev.failoverlab.agent.learn;

import dev.failoverlab.agent.api.InsightsRequest;
import dev.failoverlab.agent.evidence.Evidence;
import dev.failoverlab.agent.port.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Answers {@code POST /insights}. With an {@link OutcomeSource} each answer first runs a learning pass (resolve
 * due episodes, re-tune the rules), so the summary reflects everything measurable at that moment; without one it
 * only reports. Every number in the answer's sentences is written to its evidence as it is shown.
 */
public final class InsightsService {
    private static final String STORE = "episode-store";
    private static final List<EpisodeKind> SCORED = List.of(EpisodeKind.FORECAST, EpisodeKind.HEALTH,
            EpisodeKind.FAILOVER, EpisodeKind.OPTIMIZE);

    private final Learner learner;
    private final Clock clock;
    private final OutcomeSource outcomes;

    /**
     * @param outcomes how due episodes are resolved; null to report without a learning pass
     */
    public InsightsService(Learner learner, Clock clock, OutcomeSource outcomes) {
        this.learner = Objects.requireNonNull(learner, "learner");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.outcomes = outcomes;
    }

    public InsightsResponse insights(InsightsRequest request) {
        request.validated();
        Instant now = clock.now();
        if (outcomes != null) {
            learner.resolveDue(now, outcomes);
            learner.retune(now);
        }
        List<Episode> episodes = learner.log().all();
        LearningSettings settings = learner.settings();
        Evidence evidence = new Evidence();
        learner.log().warnings().forEach(w -> evidence.missing("learning store: " + w));
        AccuracyReporter accuracy = new AccuracyReporter(settings, evidence);

        List<String> identified = new ArrayList<>();
        List<String> notSignificant = new ArrayList<>();
        for (LearnedPattern p : new PatternFinder(settings).find(episodes)) {
            Evidence.ModelBuilder model = evidence.model(p.method()).note(p.name());
            p.parameters().forEach(model::parameter);
            p.outputs().forEach(model::output);
            model.add();
            (p.status() == LearnedPattern.Status.SIGNIFICANT ? identified : notSignificant).add(p.text());
        }

        List<RuleUpdates.RuleUpdate> history = RuleUpdates.history(episodes);
        List<String> updates = new ArrayList<>();
        for (int i = history.size() - 1; i >= 0; i--) {
            for (RuleChange c : history.get(i).changes()) {
                updates.add(ruleText(c, history.get(i), evidence));
            }
        }

        var confidence = new InsightsResponse.ConfidenceImprovements(
                accuracy.confidence(EpisodeKind.FAILOVER, "failover_decision_accuracy", episodes, history),
                accuracy.confidence(EpisodeKind.FORECAST, "scale_ahead_decision_accuracy", episodes, history),
                accuracy.confidence(EpisodeKind.OPTIMIZE, "optimize_within_tolerance_rate", episodes, history));
        Map<String, String> byKind = new LinkedHashMap<>();
        for (EpisodeKind kind : SCORED) {
            byKind.put(kind.label(), accuracy.describe(Accuracy.of(kind, episodes, settings)));
        }
        Rules rules = learner.current();
        String inForce = rulesInForce(rules, history, evidence);
        var summary = new InsightsResponse.LearningSummary(identified, updates, confidence,
                note(rules, history), notSignificant, byKind, inForce, counts(episodes, evidence));
        return new InsightsResponse(summary, evidence, "deterministic", null);
    }

    /** True by construction: the learner reads the latest rule update from the store when it is created. */
    private String note(Rules rules, List<RuleUpdates.RuleUpdate> history) {
        EpisodeLog log = learner.log();
        if (!log.durable()) {
            return "Learning is kept in memory only (no learning store configured): rules version " + rules.version()
                    + " apply to every decision until the agent stops; set a learning store to keep them across "
                    + "restarts";
        }
        if (history.isEmpty()) {
            return "No rule update has been accepted yet, so the initial rules (version " + rules.version()
                    + ") apply; episodes are kept in " + log.location() + ", and the first accepted update will be "
                    + "loaded from there at every start-up";
        }
        return "Rules version " + rules.version() + " are stored in " + log.location() + "; the agent loads the "
                + "latest accepted rules from there at start-up and applies them to every later decision";
    }

    private static String ruleText(RuleChange c, RuleUpdates.RuleUpdate update, Evidence evidence) {
        int version = update.after().version();
        Evidence.ModelBuilder model = evidence.model("grid-search").parameter("n", c.n())
                .fit("objective_before", c.objectiveBefore()).fit("objective_after", c.objectiveAfter())
                .fit("improvement_low", c.improvementLow())
                .output("version", version).note(c.rule() + " in " + update.episodeId() + "; objective: "
                        + c.objective());
        c.before().forEach((k, v) -> model.parameter("before." + k, v));
        c.after().forEach((k, v) -> model.output(k, v));
        model.add();
        String change = switch (c.rule()) {
            case RuleChange.SCALE_AHEAD -> "Scale ahead when P(CPU above target) is at least "
                    + value(c, RuleUpdates.SCALE_AHEAD_PROBABILITY, "");
            case RuleChange.DETECTOR -> "Call a colour degraded when its CUSUM statistic reaches "
                    + value(c, RuleUpdates.DETECTOR_THRESHOLD, " standard deviations");
            case RuleChange.SHIFT_SCHEDULE -> "Shift gradually: first " + value(c, RuleUpdates.CANARY_PERCENT, "%")
                    + ", then steps of " + value(c, RuleUpdates.SHIFT_STEP_PERCENT, "%");
            case RuleChange.COOLDOWN -> "Allow an opposite traffic move "
                    + value(c, RuleUpdates.COOLDOWN_SECONDS, " s") + " after the last one";
            default -> c.rule() + " " + c.after() + " (was " + c.before() + ")";
        };
        String objective = switch (c.rule()) {
            case RuleChange.SCALE_AHEAD -> "mean cost per forecast";
            case RuleChange.DETECTOR -> "mean cost per health query";
            case RuleChange.SHIFT_SCHEDULE -> "SLO-violating traffic per shift (percent x verification intervals)";
            case RuleChange.COOLDOWN -> "mean cost per wanted move back";
            default -> "objective";
        };
        return change + ": " + objective + " went from " + Texts.num(c.objectiveBefore()) + " to "
                + Texts.num(c.objectiveAfter()) + " on " + c.n() + " past episodes (rules version " + version + ")";
    }

    /** "0.25 (was 0.5)", or just "50%" when the parameter kept its value. */
    private static String value(RuleChange c, String key, String unit) {
        double after = c.after().get(key);
        double before = c.before().get(key);
        String shown = Texts.num(after) + unit;
        return after == before ? shown : shown + " (was " + Texts.num(before) + unit + ")";
    }

    private String rulesInForce(Rules r, List<RuleUpdates.RuleUpdate> history, Evidence evidence) {
        Evidence.ModelBuilder model = evidence.model("decision-rules").output("version", r.version());
        RuleUpdates.values(r).forEach(model::output);
        model.note(history.isEmpty() ? "initial rules; no accepted update in " + learner.log().location()
                : "from " + history.get(history.size() - 1).episodeId() + " in " + learner.log().location()).add();
        return "version " + r.version() + ": scale ahead when P(CPU above target) is at least "
                + Texts.num(r.scaleAheadProbability()) + "; gradual shifts start at " + r.canaryPercent()
                + "% and move in steps of " + r.shiftStepPercent() + "%; a colour is called degraded when its CUSUM "
                + "statistic reaches " + Texts.num(r.detectorThreshold()) + " standard deviations; opposite traffic "
                + "moves are at least " + Texts.num(r.cooldownSeconds()) + " s apart";
    }

    private static Map<String, InsightsResponse.EpisodeCounts> counts(List<Episode> episodes, Evidence evidence) {
        Map<String, InsightsResponse.EpisodeCounts> out = new LinkedHashMap<>();
        for (EpisodeKind kind : EpisodeKind.values()) {
            int resolved = 0;
            int pending = 0;
            for (Episode e : episodes) {
                if (e.kind().equals(kind.label())) {
                    if (e.resolved()) {
                        resolved++;
                    } else {
                        pending++;
                    }
                }
            }
            evidence.measure("episodes_resolved", kind.label(), "store", resolved, "episodes", STORE);
            evidence.measure("episodes_pending", kind.label(), "store", pending, "episodes", STORE);
            out.put(kind.label(), new InsightsResponse.EpisodeCounts(resolved, pending));
        }
        return out;
    }
}
