package dev.failoverlab.agent.learn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Measured comparisons from episodes. Colours are compared on paired {@code observation} episodes (both colours
 * measured in the same query): ratios for latency, CPU and memory (mean of log ratios, so the effect reads as a
 * percentage), differences in percentage points for error rates; intervals come from batch means, so neighbouring,
 * correlated observations do not overstate certainty. Gradual and immediate traffic moves are compared on the error
 * rate during the move, from {@code failover} episodes, with Welch's interval.
 */
final class PatternFinder {
    static final String PAIRED_RATIO = "paired-log-ratio-batch-means";
    static final String PAIRED_DIFFERENCE = "paired-difference-batch-means";
    static final String WELCH = "welch-difference-of-means";
    private static final int MAX_BATCHES = 20;

    /** A per-colour metric of observation episodes and how to phrase a difference in it. */
    private record Metric(String key, String words, boolean ratio, boolean lowerIsNews) {
    }

    private static final List<Metric> METRICS = List.of(
            new Metric(Observations.P95_MS, "p95 latency", true, true),
            new Metric(Observations.ERROR_RATE, "error rate", false, true),
            new Metric(Observations.CPU_UTILIZATION, "CPU utilisation", true, false),
            new Metric(Observations.MEMORY_BYTES_PER_POD, "memory per pod", true, false));

    private final LearningSettings settings;

    PatternFinder(LearningSettings settings) {
        this.settings = settings;
    }

    List<LearnedPattern> find(List<Episode> episodes) {
        List<Episode> observations = episodes.stream()
                .filter(e -> e.kind().equals(EpisodeKind.OBSERVATION.label())).toList();
        List<String> colours = colours(observations);
        List<LearnedPattern> out = new ArrayList<>();
        for (Metric m : METRICS) {
            for (int i = 0; i < colours.size(); i++) {
                for (int j = i + 1; j < colours.size(); j++) {
                    out.add(compare(observations, m, colours.get(i), colours.get(j)));
                }
            }
        }
        out.add(gradualVersusImmediate(episodes));
        return out;
    }

    private LearnedPattern compare(List<Episode> observations, Metric m, String a, String b) {
        List<Double> diffs = new ArrayList<>();
        for (Episode e : observations) {
            Double va = e.observed().get(a + "." + m.key());
            Double vb = e.observed().get(b + "." + m.key());
            if (va == null || vb == null || !Double.isFinite(va) || !Double.isFinite(vb)) {
                continue;
            }
            if (m.ratio() && va > 0 && vb > 0) {
                diffs.add(Math.log(va / vb));
            } else if (!m.ratio()) {
                diffs.add(va - vb);
            }
        }
        String name = m.key() + ":" + a + "-vs-" + b;
        String method = m.ratio() ? PAIRED_RATIO : PAIRED_DIFFERENCE;
        int n = diffs.size();
        Map<String, Double> params = new LinkedHashMap<>();
        params.put("n", (double) n);
        params.put("confidence", Stats.CONFIDENCE);
        if (n < settings.minPairs()) {
            params.put("min_pairs", (double) settings.minPairs());
            return new LearnedPattern(name, LearnedPattern.Status.NOT_ENOUGH_DATA, m.words() + ", " + a + " vs " + b
                    + ": not enough paired observations (n = " + n + ", need " + settings.minPairs() + ")",
                    method, params, Map.of());
        }
        int batches = Math.min(MAX_BATCHES, n / 5);
        params.put("batches", (double) batches);
        Stats.Interval d = Stats.batchMeans(diffs.stream().mapToDouble(Double::doubleValue).toArray(), batches);
        // orient so the subject is the colour the sentence is about: the lower one for latency and errors
        boolean aIsSubject = m.lowerIsNews() == (d.estimate() < 0);
        String subject = aIsSubject ? a : b;
        String other = aIsSubject ? b : a;
        Stats.Interval o = aIsSubject ? d : d.negate();
        double effect;
        double low;
        double high;
        if (m.ratio()) {
            effect = m.lowerIsNews() ? 1 - Math.exp(o.estimate()) : Math.exp(o.estimate()) - 1;
            low = m.lowerIsNews() ? 1 - Math.exp(o.high()) : Math.exp(o.low()) - 1;
            high = m.lowerIsNews() ? 1 - Math.exp(o.low()) : Math.exp(o.high()) - 1;
        } else {
            effect = m.lowerIsNews() ? -o.estimate() : o.estimate();
            low = m.lowerIsNews() ? -o.high() : o.low();
            high = m.lowerIsNews() ? -o.low() : o.high();
        }
        Map<String, Double> outputs = new LinkedHashMap<>();
        outputs.put(m.ratio() ? "relative_difference" : "difference", effect);
        outputs.put("ci_low", low);
        outputs.put("ci_high", high);
        String direction = m.lowerIsNews() ? "lower" : "higher";
        String amount = m.ratio() ? "%" : " percentage points";
        String units = m.ratio() ? "%" : " points";
        String interval = "95% CI " + Texts.pctRange(low, high) + units + ", n = " + n + " paired observations";
        boolean significant = d.excludesZero();
        String text = significant
                ? subject + "'s " + m.words() + " was " + Texts.pct(effect) + amount + " " + direction + " than "
                + other + "'s (" + interval + ")"
                : m.words() + ": no significant difference between " + a + " and " + b + " (" + subject + "'s was "
                + Texts.signedPct(effect) + amount + " " + direction + ", " + interval + ")";
        return new LearnedPattern(name, significant ? LearnedPattern.Status.SIGNIFICANT
                : LearnedPattern.Status.NOT_SIGNIFICANT, text, method, params, outputs);
    }

    private LearnedPattern gradualVersusImmediate(List<Episode> episodes) {
        List<Double> gradual = new ArrayList<>();
        List<Double> immediate = new ArrayList<>();
        for (Episode e : episodes) {
            if (!e.resolved() || !e.kind().equals(EpisodeKind.FAILOVER.label())) {
                continue;
            }
            Double rate = e.observed().get(EpisodeKind.MOVE_ERROR_RATE);
            Double decision = e.predicted().get(EpisodeKind.DECISION);
            if (rate == null || decision == null || !Double.isFinite(rate)) {
                continue;
            }
            if (decision == EpisodeKind.GRADUAL) {
                gradual.add(rate);
            } else if (decision == EpisodeKind.IMMEDIATE) {
                immediate.add(rate);
            }
        }
        String name = "move_error_rate:gradual-vs-immediate";
        Map<String, Double> params = new LinkedHashMap<>();
        params.put("n_gradual", (double) gradual.size());
        params.put("n_immediate", (double) immediate.size());
        params.put("confidence", Stats.CONFIDENCE);
        String counts = "n = " + gradual.size() + " gradual, " + immediate.size() + " immediate";
        if (gradual.size() < settings.minGroup() || immediate.size() < settings.minGroup()) {
            params.put("min_group", (double) settings.minGroup());
            return new LearnedPattern(name, LearnedPattern.Status.NOT_ENOUGH_DATA, "errors during traffic moves, "
                    + "gradual vs immediate: not enough resolved moves (" + counts + "; need " + settings.minGroup()
                    + " each)", WELCH, params, Map.of());
        }
        Stats.Interval d = Stats.welch(immediate.stream().mapToDouble(Double::doubleValue).toArray(),
                gradual.stream().mapToDouble(Double::doubleValue).toArray());
        boolean gradualBetter = d.estimate() >= 0;
        Stats.Interval o = gradualBetter ? d : d.negate();
        Map<String, Double> outputs = new LinkedHashMap<>();
        outputs.put("difference", o.estimate());
        outputs.put("ci_low", o.low());
        outputs.put("ci_high", o.high());
        String better = gradualBetter ? "gradual shifts" : "immediate switches";
        String worse = gradualBetter ? "immediate switches" : "gradual shifts";
        String interval = "95% CI " + Texts.pctRange(o.low(), o.high()) + " points, " + counts;
        String text = d.excludesZero()
                ? better + " had " + Texts.pct(o.estimate()) + " percentage points fewer errors during the move than "
                + worse + " (" + interval + ")"
                : "errors during traffic moves: no significant difference between gradual shifts and immediate switches"
                + " (" + better + " had " + Texts.signedPct(o.estimate()) + " percentage points fewer, " + interval + ")";
        return new LearnedPattern(name, d.excludesZero() ? LearnedPattern.Status.SIGNIFICANT
                : LearnedPattern.Status.NOT_SIGNIFICANT, text, WELCH, params, outputs);
    }

    /** Colours named in observation keys ({@code <colour>.<metric>}), sorted. */
    private static List<String> colours(List<Episode> observations) {
        TreeSet<String> colours = new TreeSet<>();
        for (Episode e : observations) {
            for (String key : e.observed().keySet()) {
                int dot = key.indexOf('.');
                if (dot > 0) {
                    colours.add(key.substring(0, dot));
                }
            }
        }
        return List.copyOf(colours);
    }
}
