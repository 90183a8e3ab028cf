package dev.failoverlab.agent.learn;

import dev.failoverlab.agent.evidence.Evidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Words for accuracy figures, each figure written to the evidence as it is phrased: Brier scores
 * ({@code brier-score}), proportions with their Wilson intervals ({@code wilson-interval}), MAPE ({@code mape}) and
 * episode counts ({@code episode-store}). One instance per response.
 */
final class AccuracyReporter {
    private static final String STORE = "episode-store";

    private final LearningSettings settings;
    private final Evidence evidence;

    AccuracyReporter(LearningSettings settings, Evidence evidence) {
        this.settings = settings;
        this.evidence = evidence;
    }

    /** One line on how right a kind of episode has been over all resolved episodes. */
    String describe(KindAccuracy a) {
        String kind = a.kind().label();
        if (!a.enough()) {
            return notEnough(kind, "all resolved", a.resolved());
        }
        List<String> parts = new ArrayList<>();
        if (a.brier() != null) {
            evidence.model("brier-score").parameter("n", a.brierN()).output("brier", a.brier())
                    .note(kind + ": mean of (" + a.kind().probabilityKey().orElseThrow() + " - "
                            + a.kind().outcomeKey().orElseThrow() + ")^2 over resolved episodes").add();
            parts.add("Brier score " + Texts.num(a.brier()) + " (n = " + a.brierN() + ")");
        }
        if (a.hitRate() != null) {
            parts.add("hit rate " + rate(a.hitRate(), kind + ": " + a.kind().probabilityKey().orElseThrow()
                    + " >= 0.5 matched " + a.kind().outcomeKey().orElseThrow()));
        }
        if (a.decisionAccuracy() != null) {
            parts.add("decisions right " + rate(a.decisionAccuracy(), kind + ": decision as taken was right"));
        }
        for (Map.Entry<String, Double> m : a.mape().entrySet()) {
            evidence.model("mape").parameter("n", a.mapeN().get(m.getKey())).output("mape", m.getValue())
                    .note(kind + ": mean |observed - predicted| / |observed| of " + m.getKey()).add();
            parts.add("MAPE of " + m.getKey() + " " + Texts.pct(m.getValue()) + "%");
        }
        if (parts.isEmpty()) {
            evidence.measure(kind + "_episodes_resolved", kind, "all resolved", a.resolved(), "episodes", STORE);
            return "none of the n = " + a.resolved() + " resolved episodes carries the keys to score";
        }
        return String.join("; ", parts);
    }

    /**
     * "before → after" decision accuracy around the latest rule update: before = episodes made under the previous
     * rules (since the update before it), after = episodes made since. Without any update, one figure over all.
     */
    String confidence(EpisodeKind kind, String metric, List<Episode> episodes, List<RuleUpdates.RuleUpdate> history) {
        if (history.isEmpty()) {
            KindAccuracy all = Accuracy.of(kind, episodes, settings);
            String side = side(all, metric, "all resolved episodes");
            return all.decisionAccuracy() != null ? side + " (no rule update yet)" : side;
        }
        RuleUpdates.RuleUpdate latest = history.get(history.size() - 1);
        Instant previousAt = history.size() > 1 ? history.get(history.size() - 2).at() : null;
        int version = latest.after().version();
        KindAccuracy before = Accuracy.of(kind, window(episodes, previousAt, latest.at()), settings);
        KindAccuracy after = Accuracy.of(kind, window(episodes, latest.at(), null), settings);
        return side(before, metric, "episodes before rules version " + version) + " \u2192 "
                + side(after, metric, "episodes since rules version " + version);
    }

    private String side(KindAccuracy a, String metric, String window) {
        Rate r = a.decisionAccuracy();
        if (r == null) {
            return a.enough()
                    ? notEnough(a.kind().label(), window + ", none scorable", 0)
                    : notEnough(a.kind().label(), window, a.resolved());
        }
        evidence.measure(metric, a.kind().label(), window, r.value(), "fraction", STORE);
        wilson(r, a.kind().label() + " " + metric + ", " + window);
        return Texts.pct(r.value()) + "%";
    }

    private String notEnough(String kind, String window, int n) {
        evidence.measure(kind + "_episodes_resolved", kind, window, n, "episodes", STORE);
        return "not enough episodes (n = " + n + ")";
    }

    private String rate(Rate r, String what) {
        wilson(r, what);
        return Texts.pct(r.value()) + "% (95% CI " + Texts.pctRange(r.low(), r.high()) + "%, n = " + r.n() + ")";
    }

    private void wilson(Rate r, String what) {
        evidence.model("wilson-interval").parameter("hits", r.hits()).parameter("n", r.n())
                .parameter("confidence", Stats.CONFIDENCE).output("rate", r.value()).output("ci_low", r.low())
                .output("ci_high", r.high()).note(what).add();
    }

    private static List<Episode> window(List<Episode> episodes, Instant from, Instant to) {
        return episodes.stream()
                .filter(e -> (from == null || !e.at().isBefore(from)) && (to == null || e.at().isBefore(to)))
                .toList();
    }
}
