package dev.failoverlab.agent.learn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Scores resolved episodes: Brier score, hit rate, decision accuracy (Wilson intervals) and MAPE. */
public final class Accuracy {
    private Accuracy() {
    }

    /** Accuracy of the resolved episodes of {@code kind} among {@code episodes}. */
    public static KindAccuracy of(EpisodeKind kind, List<Episode> episodes, LearningSettings settings) {
        List<Episode> resolved = episodes.stream()
                .filter(e -> e.resolved() && e.kind().equals(kind.label())).toList();
        int min = settings.minAccuracyEpisodes();
        Double brier = null;
        int brierN = 0;
        Rate hit = null;
        if (kind.probabilityKey().isPresent()) {
            String pKey = kind.probabilityKey().get();
            String oKey = kind.outcomeKey().orElseThrow();
            double squares = 0;
            int hits = 0;
            for (Episode e : resolved) {
                Double p = e.predicted().get(pKey);
                Double o = e.observed().get(oKey);
                if (p == null || o == null || !Double.isFinite(p) || !Double.isFinite(o)) {
                    continue;
                }
                squares += (p - o) * (p - o);
                hits += (p >= 0.5) == (o >= 0.5) ? 1 : 0;
                brierN++;
            }
            if (brierN >= min) {
                brier = squares / brierN;
                hit = Rate.of(hits, brierN);
            }
        }
        int right = 0;
        int scored = 0;
        for (Episode e : resolved) {
            Optional<Boolean> ok = decisionRight(kind, e, settings.optimizeTolerance());
            if (ok.isPresent()) {
                scored++;
                right += ok.get() ? 1 : 0;
            }
        }
        Rate decision = scored >= min ? Rate.of(right, scored) : null;
        Map<String, Double> mape = new LinkedHashMap<>();
        Map<String, Integer> mapeN = new LinkedHashMap<>();
        for (String key : kind.numericForecasts()) {
            double sum = 0;
            int n = 0;
            for (Episode e : resolved) {
                Double p = e.predicted().get(key);
                Double o = e.observed().get(key);
                if (p != null && o != null && Double.isFinite(p) && Double.isFinite(o) && o != 0) {
                    sum += Math.abs(o - p) / Math.abs(o);
                    n++;
                }
            }
            if (n >= min) {
                mape.put(key, sum / n);
                mapeN.put(key, n);
            }
        }
        return new KindAccuracy(kind, resolved.size(), min, brier, brierN, hit, decision, mape, mapeN);
    }

    /**
     * Whether the decision recorded with a resolved episode was right; empty when the episode lacks the keys.
     * <ul>
     *   <li>forecast: scaled ahead ({@code scale_ahead}, else probability &gt;= 0.5) exactly when CPU went above
     *       target;</li>
     *   <li>health: called degraded ({@code degraded} &gt;= 0.5) exactly when the SLO was violated;</li>
     *   <li>failover: a move ({@code decision} 1 or 2, else {@code target_better} &gt;= 0.5) is right when the target
     *       then met the SLO; a hold is right when the source did not violate it;</li>
     *   <li>optimize: observed p95 and cost both within the tolerance of the predicted values.</li>
     * </ul>
     */
    public static Optional<Boolean> decisionRight(EpisodeKind kind, Episode e, double tolerance) {
        Map<String, Double> p = e.predicted();
        Map<String, Double> o = e.observed();
        switch (kind) {
            case FORECAST -> {
                Double happened = o.get(EpisodeKind.CPU_ABOVE_TARGET);
                Boolean acted = flag(p, EpisodeKind.SCALE_AHEAD, EpisodeKind.P_CPU_ABOVE_TARGET);
                return happened == null || acted == null ? Optional.empty() : Optional.of(acted == (happened >= 0.5));
            }
            case HEALTH -> {
                Double violated = o.get(EpisodeKind.SLO_VIOLATED);
                Boolean called = flag(p, EpisodeKind.DEGRADED, EpisodeKind.DEGRADED);
                return violated == null || called == null ? Optional.empty() : Optional.of(called == (violated >= 0.5));
            }
            case FAILOVER -> {
                Boolean moved = p.containsKey(EpisodeKind.DECISION) ? (Boolean) (p.get(EpisodeKind.DECISION) >= 1)
                        : flag(p, EpisodeKind.TARGET_BETTER, EpisodeKind.TARGET_BETTER);
                Double targetMet = o.get(EpisodeKind.TARGET_SLO_MET);
                Double sourceViolated = o.get(EpisodeKind.SOURCE_SLO_VIOLATED);
                if (moved == null || targetMet == null || sourceViolated == null) {
                    return Optional.empty();
                }
                return Optional.of(moved ? targetMet >= 0.5 : sourceViolated < 0.5);
            }
            case OPTIMIZE -> {
                Boolean p95 = within(p.get(EpisodeKind.P95_MS), o.get(EpisodeKind.P95_MS), tolerance);
                Boolean cost = within(p.get(EpisodeKind.COST_PER_HOUR), o.get(EpisodeKind.COST_PER_HOUR), tolerance);
                return p95 == null || cost == null ? Optional.empty() : Optional.of(p95 && cost);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** The decision flag if recorded, else the probability read at 0.5; null when neither is there. */
    private static Boolean flag(Map<String, Double> predicted, String decisionKey, String probabilityKey) {
        Double d = predicted.get(decisionKey);
        if (d == null) {
            d = predicted.get(probabilityKey);
        }
        return d == null || !Double.isFinite(d) ? null : d >= 0.5;
    }

    private static Boolean within(Double predicted, Double observed, double tolerance) {
        if (predicted == null || observed == null || !Double.isFinite(predicted) || !Double.isFinite(observed)) {
            return null;
        }
        return Math.abs(observed - predicted) <= tolerance * Math.abs(observed);
    }
}
