package dev.failoverlab.agent.learn;

import dev.failoverlab.agent.observe.ServiceObservation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The learning loop over an {@link EpisodeLog}: endpoints {@link #record} what they predicted and decided; once an
 * episode's horizon has passed, {@link #resolveDue} asks an {@link OutcomeSource} what happened; {@link #retune}
 * re-tunes the {@link Rules} on resolved episodes and stores each accepted update as a {@code rule-update} episode.
 * The rules in force ({@link #current()}) are those of the latest update in the log, so an agent restarted on the
 * same store applies what the previous run learned. Pure apart from the log; thread-safe.
 */
public final class Learner implements RulesSource {
    private static final Pattern SEQUENCE = Pattern.compile("-(\\d+)$");

    private final EpisodeLog log;
    private final LearningSettings settings;
    private final RuleTuner tuner;
    private final PatternFinder patternFinder;
    private volatile Rules rules;
    private long sequence;

    /** What {@link #resolveDue} did: resolved now, due but not measurable yet, and not yet due. */
    public record Resolution(int resolved, int awaitingOutcome, int notYetDue) {
    }

    /** What {@link #retune} did; {@code recorded} is the rule-update episode, or null when nothing was accepted. */
    public record RetuneReport(Rules before, Rules after, List<RuleChange> changes, Episode recorded) {
        public RetuneReport {
            changes = List.copyOf(changes);
        }

        public List<RuleChange> accepted() {
            return changes.stream().filter(RuleChange::accepted).toList();
        }
    }

    public Learner(EpisodeLog log) {
        this(log, LearningSettings.defaults());
    }

    public Learner(EpisodeLog log, LearningSettings settings) {
        this.log = Objects.requireNonNull(log, "log");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tuner = new RuleTuner(settings);
        this.patternFinder = new PatternFinder(settings);
        List<Episode> all = log.all();
        this.rules = RuleUpdates.latest(all).orElse(settings.initialRules());
        for (Episode e : all) {
            Matcher m = SEQUENCE.matcher(e.id());
            if (m.find() && m.group(1).length() < 18) {
                sequence = Math.max(sequence, Long.parseLong(m.group(1)));
            }
        }
    }

    /**
     * Records a prediction or decision made at {@code at} whose outcome can be judged after {@code horizon}. The
     * predicted values must hold {@link EpisodeKind#requiredPrediction()}; the label {@code rules_version} is added.
     */
    public synchronized Episode record(EpisodeKind kind, Instant at, Duration horizon, String subject,
                                       Map<String, Double> predicted, Map<String, String> labels) {
        if (!kind.awaitsOutcome()) {
            throw new IllegalArgumentException("record() is for forecast, health, failover and optimize episodes; "
                    + "use recordObservation() for observations (" + kind.label() + " given)");
        }
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException(kind.label() + " episode needs a positive horizon, got " + horizon);
        }
        for (String key : kind.requiredPrediction()) {
            Double v = predicted.get(key);
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException(kind.label() + " episode needs a finite predicted \"" + key
                        + "\"; required: " + kind.requiredPrediction());
            }
        }
        kind.probabilityKey().map(predicted::get).ifPresent(p -> {
            if (p < 0 || p > 1) {
                throw new IllegalArgumentException(kind.label() + " episode: predicted \""
                        + kind.probabilityKey().get() + "\" is a probability in [0, 1], got " + p);
            }
        });
        Map<String, String> withVersion = new LinkedHashMap<>(labels);
        withVersion.put(EpisodeKind.RULES_VERSION_LABEL, Integer.toString(rules.version()));
        Episode e = new Episode(nextId(kind), kind.label(), at, at.plus(horizon), subject, predicted, Map.of(),
                withVersion, false);
        log.record(e);
        return e;
    }

    /** Records what a query saw of both colours (see {@link Observations}). */
    public synchronized Episode recordObservation(ServiceObservation observation) {
        Episode e = Observations.episode(nextId(EpisodeKind.OBSERVATION), observation);
        log.record(e);
        return e;
    }

    /**
     * Resolves every unresolved episode due by {@code now} whose outcome the source can tell, in one store write.
     * The source is asked without holding the learner's lock (it may query Prometheus), so endpoints keep recording
     * meanwhile; episodes compacted away or resolved by another pass in between are left alone.
     */
    public Resolution resolveDue(Instant now, OutcomeSource source) {
        Map<String, Episode> answered = new LinkedHashMap<>();
        int awaiting = 0;
        int notDue = 0;
        for (Episode e : log.all()) {
            EpisodeKind kind = EpisodeKind.of(e.kind()).orElse(null);
            if (e.resolved() || kind == null || !kind.awaitsOutcome()) {
                continue;
            }
            if (e.dueAt().isAfter(now)) {
                notDue++;
                continue;
            }
            Map<String, Double> outcome = source.outcome(e);
            if (outcome == null || outcome.isEmpty()) {
                awaiting++;
                continue;
            }
            requireOutcome(kind, e, outcome);
            answered.put(e.id(), e.resolve(outcome));
        }
        synchronized (this) {
            List<Episode> resolved = new ArrayList<>();
            for (Episode e : log.all()) {
                Episode r = answered.get(e.id());
                if (r != null && !e.resolved()) {
                    resolved.add(r);
                }
            }
            log.updateAll(resolved);
            return new Resolution(resolved.size(), awaiting, notDue);
        }
    }

    /** Re-tunes the rules in force; see {@link #retune(Rules, Instant)}. */
    public RetuneReport retune(Instant at) {
        return retune(rules, at);
    }

    /**
     * Re-tunes {@code current} on the resolved episodes by grid search; if any rule strictly improves its objective
     * the new rules (one version up) are recorded as a {@code rule-update} episode at {@code at} and put in force.
     */
    public synchronized RetuneReport retune(Rules current, Instant at) {
        List<RuleChange> changes = tuner.tune(current, log.all());
        Rules next = RuleTuner.apply(current, changes);
        if (next == current) {
            return new RetuneReport(current, current, changes, null);
        }
        int version = Math.max(current.version(), rules.version()) + 1;
        next = RuleUpdates.withValues(version, next, RuleUpdates.values(next));
        Episode update = RuleUpdates.toEpisode(nextId(EpisodeKind.RULE_UPDATE), at, current, next,
                changes.stream().filter(RuleChange::accepted).toList());
        log.record(update);
        rules = next;
        return new RetuneReport(current, next, changes, update);
    }

    /** The rules in force: those of the latest accepted update, or the initial rules. */
    @Override
    public Rules current() {
        return rules;
    }

    /** Accuracy over all resolved episodes of a kind. */
    public KindAccuracy accuracy(EpisodeKind kind) {
        return Accuracy.of(kind, log.all(), settings);
    }

    /** Accuracy over the resolved episodes of a kind made in {@code [from, to)}; null bounds are open. */
    public KindAccuracy accuracy(EpisodeKind kind, Instant from, Instant to) {
        List<Episode> window = log.all().stream()
                .filter(e -> (from == null || !e.at().isBefore(from)) && (to == null || e.at().isBefore(to)))
                .toList();
        return Accuracy.of(kind, window, settings);
    }

    /** Accepted rule updates, oldest first. */
    public List<RuleUpdates.RuleUpdate> ruleHistory() {
        return RuleUpdates.history(log.all());
    }

    /** Colour comparisons and the gradual-versus-immediate comparison, significant or not. */
    public List<LearnedPattern> patterns() {
        return patternFinder.find(log.all());
    }

    public EpisodeLog log() {
        return log;
    }

    public LearningSettings settings() {
        return settings;
    }

    private String nextId(EpisodeKind kind) {
        return kind.label() + "-" + (++sequence);
    }

    private static void requireOutcome(EpisodeKind kind, Episode e, Map<String, Double> outcome) {
        boolean flags = kind.outcomeKey().isPresent();
        for (String key : kind.requiredOutcome()) {
            Double v = outcome.get(key);
            boolean ok = v != null && Double.isFinite(v) && (!flags || v == 0 || v == 1);
            if (!ok) {
                throw new IllegalArgumentException("outcome for " + kind.label() + " episode " + e.id() + " has "
                        + key + " = " + v + "; an OutcomeSource must return " + kind.requiredOutcome()
                        + (flags ? " as 0 or 1" : " as finite numbers") + ", or an empty map while it cannot tell");
            }
        }
    }
}
