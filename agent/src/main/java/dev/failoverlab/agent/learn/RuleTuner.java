package dev.failoverlab.agent.learn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Re-tunes each rule on past resolved episodes by grid search over its parameters, minimising a stated objective
 * (mean cost per episode, see {@link ThresholdSearch} and {@link ShiftScheduleSearch}). A change is accepted only
 * when, on at least {@link LearningSettings#minRetuneEpisodes()} episodes, it lowers the objective and the one-sided
 * 95 % lower bound of its per-episode gain is above zero, so rules do not wander with noise.
 */
final class RuleTuner {
    static final double[] PROBABILITY_GRID = ThresholdSearch.grid(0.05, 0.95, 0.05);
    static final double[] DETECTOR_GRID = ThresholdSearch.grid(1.0, 10.0, 0.5);
    static final double[] COOLDOWN_GRID = {0, 60, 120, 180, 240, 300, 450, 600, 900, 1200, 1800};

    private final LearningSettings settings;

    RuleTuner(LearningSettings settings) {
        this.settings = settings;
    }

    /** One entry per rule, accepted or not, in a fixed order. */
    List<RuleChange> tune(Rules current, List<Episode> episodes) {
        List<RuleChange> out = new ArrayList<>();
        out.add(scaleAhead(current, usable(episodes, EpisodeKind.FORECAST, e -> has(e.predicted(),
                EpisodeKind.P_CPU_ABOVE_TARGET) && has(e.observed(), EpisodeKind.CPU_ABOVE_TARGET))));
        out.add(detector(current, usable(episodes, EpisodeKind.HEALTH, e -> has(e.predicted(), EpisodeKind.CUSUM)
                && has(e.observed(), EpisodeKind.SLO_VIOLATED))));
        out.add(shiftSchedule(current, usable(episodes, EpisodeKind.FAILOVER,
                e -> e.predicted().getOrDefault(EpisodeKind.DECISION, -1.0) == EpisodeKind.GRADUAL
                        && has(e.observed(), EpisodeKind.TARGET_SLO_MET)
                        && has(e.observed(), EpisodeKind.SOURCE_SLO_VIOLATED))));
        out.add(cooldown(current, usable(episodes, EpisodeKind.FAILOVER, e -> has(e.predicted(),
                EpisodeKind.REVERSAL_GAP_S) && has(e.observed(), EpisodeKind.SOURCE_SLO_VIOLATED))));
        return out;
    }

    /** The rules with every accepted change applied, one version up; {@code current} itself when none was. */
    static Rules apply(Rules current, List<RuleChange> changes) {
        Map<String, Double> v = new LinkedHashMap<>();
        changes.stream().filter(RuleChange::accepted).forEach(c -> v.putAll(c.after()));
        return v.isEmpty() ? current : RuleUpdates.withValues(current.version() + 1, current, v);
    }

    private RuleChange scaleAhead(Rules current, List<Episode> cases) {
        String objective = "mean cost per forecast: " + Texts.num(settings.falseAlarmCost())
                + " per false alarm (scaled ahead, CPU stayed under target), " + Texts.num(settings.missCost())
                + " per miss (CPU went above target without scaling ahead)";
        return threshold(RuleChange.SCALE_AHEAD, RuleUpdates.SCALE_AHEAD_PROBABILITY,
                current.scaleAheadProbability(), PROBABILITY_GRID, cases, EpisodeKind.P_CPU_ABOVE_TARGET,
                EpisodeKind.CPU_ABOVE_TARGET, objective);
    }

    private RuleChange detector(Rules current, List<Episode> cases) {
        String objective = "mean cost per health query: " + Texts.num(settings.falseAlarmCost())
                + " per false alarm (alarm while the SLO held), " + Texts.num(settings.missCost())
                + " per query at which an SLO violation went undetected (each adds a query interval of delay)";
        return threshold(RuleChange.DETECTOR, RuleUpdates.DETECTOR_THRESHOLD, current.detectorThreshold(),
                DETECTOR_GRID, cases, EpisodeKind.CUSUM, EpisodeKind.SLO_VIOLATED, objective);
    }

    private RuleChange cooldown(Rules current, List<Episode> cases) {
        String objective = "mean cost per wanted move back: " + Texts.num(settings.falseAlarmCost())
                + " per flap allowed (the colour left was not violating its SLO), " + Texts.num(settings.missCost())
                + " per needed move back blocked by the cooldown";
        return threshold(RuleChange.COOLDOWN, RuleUpdates.COOLDOWN_SECONDS, current.cooldownSeconds(), COOLDOWN_GRID,
                cases, EpisodeKind.REVERSAL_GAP_S, EpisodeKind.SOURCE_SLO_VIOLATED, objective);
    }

    private RuleChange threshold(String rule, String key, double current, double[] grid, List<Episode> cases,
                                 String scoreKey, String neededKey, String objective) {
        Map<String, Double> before = Map.of(key, current);
        if (cases.size() < settings.minRetuneEpisodes()) {
            return notEnough(rule, before, cases.size(), objective);
        }
        double[] scores = new double[cases.size()];
        boolean[] needed = new boolean[cases.size()];
        for (int i = 0; i < scores.length; i++) {
            Episode e = cases.get(i);
            scores[i] = e.predicted().get(scoreKey);
            needed[i] = e.observed().get(neededKey) >= 0.5;
        }
        ThresholdSearch.Result r = ThresholdSearch.search(scores, needed, grid, current, settings.falseAlarmCost(),
                settings.missCost());
        return decided(rule, before, Map.of(key, r.best()), r.currentCost(), r.bestCost(), r.improvementLow(),
                cases.size(), objective);
    }

    private RuleChange shiftSchedule(Rules current, List<Episode> cases) {
        String objective = "mean SLO-violating traffic per gradual shift, in percent of traffic x verification "
                + "intervals (replaying each past shift with the candidate schedule)";
        Map<String, Double> before = pair(RuleUpdates.CANARY_PERCENT, current.canaryPercent(),
                RuleUpdates.SHIFT_STEP_PERCENT, current.shiftStepPercent());
        if (cases.size() < settings.minRetuneEpisodes()) {
            return notEnough(RuleChange.SHIFT_SCHEDULE, before, cases.size(), objective);
        }
        ShiftScheduleSearch.ShiftCase[] shifts = new ShiftScheduleSearch.ShiftCase[cases.size()];
        for (int i = 0; i < shifts.length; i++) {
            Map<String, Double> o = cases.get(i).observed();
            boolean held = o.get(EpisodeKind.TARGET_SLO_MET) >= 0.5;
            double failsAt = held ? Double.POSITIVE_INFINITY : o.getOrDefault(EpisodeKind.TARGET_FAILED_AT_PERCENT, 0.0);
            shifts[i] = new ShiftScheduleSearch.ShiftCase(o.get(EpisodeKind.SOURCE_SLO_VIOLATED) >= 0.5, failsAt);
        }
        ShiftScheduleSearch.Result r = ShiftScheduleSearch.search(shifts, current.canaryPercent(),
                current.shiftStepPercent());
        Map<String, Double> after = pair(RuleUpdates.CANARY_PERCENT, r.canary(), RuleUpdates.SHIFT_STEP_PERCENT,
                r.step());
        return decided(RuleChange.SHIFT_SCHEDULE, before, after, r.currentCost(), r.bestCost(), r.improvementLow(),
                cases.size(), objective);
    }

    private RuleChange decided(String rule, Map<String, Double> before, Map<String, Double> after, double costBefore,
                               double costAfter, double gainLow, int n, String objective) {
        boolean lower = costAfter < costBefore - 1e-12 && !after.equals(before);
        boolean accepted = lower && gainLow > 0;
        String reason;
        if (accepted) {
            reason = "lowers the objective from " + Texts.num(costBefore) + " to " + Texts.num(costAfter) + " on " + n
                    + " episodes (95 % lower bound of the gain per episode " + Texts.num(gainLow) + ")";
        } else if (lower) {
            reason = "the best candidate " + after + " lowers the objective from " + Texts.num(costBefore) + " to "
                    + Texts.num(costAfter) + " on " + n + " episodes, but chance could explain it (95 % lower bound "
                    + "of the gain per episode " + Texts.num(gainLow) + ")";
        } else {
            reason = "no candidate beats the value in force (" + Texts.num(costBefore) + " on " + n + " episodes)";
        }
        return new RuleChange(rule, before, accepted ? after : before, costBefore, accepted ? costAfter : costBefore,
                lower ? gainLow : 0, n, accepted, objective, reason);
    }

    private RuleChange notEnough(String rule, Map<String, Double> before, int n, String objective) {
        return new RuleChange(rule, before, before, Double.NaN, Double.NaN, Double.NaN, n, false, objective,
                "not enough episodes (n = " + n + ", need " + settings.minRetuneEpisodes() + ")");
    }

    /** The newest {@code retuneWindow} resolved episodes of a kind that carry what a rule needs, oldest first. */
    private List<Episode> usable(List<Episode> episodes, EpisodeKind kind, Predicate<Episode> complete) {
        List<Episode> out = episodes.stream()
                .filter(e -> e.resolved() && e.kind().equals(kind.label()) && complete.test(e)).toList();
        return out.size() > settings.retuneWindow() ? out.subList(out.size() - settings.retuneWindow(), out.size())
                : out;
    }

    private static Map<String, Double> pair(String k1, double v1, String k2, double v2) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static boolean has(Map<String, Double> values, String key) {
        Double v = values.get(key);
        return v != null && Double.isFinite(v);
    }
}
