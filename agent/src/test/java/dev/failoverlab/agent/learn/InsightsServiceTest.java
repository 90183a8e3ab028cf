package dev.failoverlab.agent.learn;

import static dev.failoverlab.agent.learn.TestEpisodes.T0;
import static dev.failoverlab.agent.learn.TestEpisodes.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failoverlab.agent.api.BadRequestException;
import dev.failoverlab.agent.api.InsightsRequest;
import dev.failoverlab.agent.evidence.NumbersInEvidence;
import dev.failoverlab.agent.port.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The /insights answer: runbook keys, measured figures only, every number in the evidence, and restarts. */
final class InsightsServiceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final InsightsRequest SUMMARIZE = new InsightsRequest("summarize_learnings", "current_demo");
    private static final Instant UPDATE_AT = T0.plusSeconds(60L * 500);
    private static final Clock LATER = () -> T0.plusSeconds(60L * 2000);

    @TempDir
    Path dir;

    /**
     * A session: 400 calibrated forecasts decided at p >= 0.5, paired observations (green faster), failovers and
     * optimize plans; then a re-tune; then 200 forecasts decided with the new threshold.
     */
    private static Learner session(EpisodeLog log) {
        SplittableRandom rnd = new SplittableRandom(2026);
        for (int i = 0; i < 400; i++) {
            double p = rnd.nextDouble();
            log.record(TestEpisodes.resolved("forecast-" + i, EpisodeKind.FORECAST, i,
                    map(EpisodeKind.P_CPU_ABOVE_TARGET, p, EpisodeKind.SCALE_AHEAD, p >= 0.5 ? 1 : 0),
                    map(EpisodeKind.CPU_ABOVE_TARGET, rnd.nextDouble() < p ? 1 : 0)));
        }
        for (int i = 0; i < 60; i++) {
            double blue = 90 * Math.exp(0.1 * (rnd.nextDouble() - 0.5));
            Instant at = T0.plusSeconds(60L * i);
            log.record(new Episode("observation-" + i, "observation", at, at, "web", Map.of(),
                    map("blue.p95_ms", blue, "green.p95_ms", blue * 0.8 * Math.exp(0.1 * (rnd.nextDouble() - 0.5)),
                            "blue.error_rate", 0.004, "green.error_rate", 0.004),
                    Map.of(), true));
        }
        for (int i = 0; i < 30; i++) {
            boolean held = rnd.nextDouble() < 0.8;
            log.record(TestEpisodes.resolved("failover-" + i, EpisodeKind.FAILOVER, i,
                    map(EpisodeKind.TARGET_BETTER, held ? 0.8 : 0.6, EpisodeKind.DECISION, 1),
                    map(EpisodeKind.TARGET_SLO_MET, held ? 1 : 0, EpisodeKind.SOURCE_SLO_VIOLATED, 1)));
            log.record(TestEpisodes.resolved("optimize-" + i, EpisodeKind.OPTIMIZE, i,
                    map(EpisodeKind.P95_MS, 80, EpisodeKind.COST_PER_HOUR, 0.12),
                    map(EpisodeKind.P95_MS, 80 * (0.8 + 0.5 * rnd.nextDouble()), EpisodeKind.COST_PER_HOUR, 0.12)));
        }
        Learner learner = new Learner(log);
        Learner.RetuneReport report = learner.retune(UPDATE_AT);
        assertThat(report.accepted()).extracting(RuleChange::rule).contains(RuleChange.SCALE_AHEAD);
        double threshold = learner.current().scaleAheadProbability();
        for (int i = 0; i < 200; i++) {
            double p = rnd.nextDouble();
            log.record(TestEpisodes.resolved("forecast-after-" + i, EpisodeKind.FORECAST, 600 + i,
                    map(EpisodeKind.P_CPU_ABOVE_TARGET, p, EpisodeKind.SCALE_AHEAD, p >= threshold ? 1 : 0),
                    map(EpisodeKind.CPU_ABOVE_TARGET, rnd.nextDouble() < p ? 1 : 0)));
        }
        return learner;
    }

    /** Share of forecasts made in [from, to) whose scale-ahead decision matched the outcome, counted here. */
    private static double decisionsRight(List<Episode> episodes, Instant from, Instant to) {
        int right = 0;
        int n = 0;
        for (Episode e : episodes) {
            if (e.kind().equals("forecast") && !e.at().isBefore(from) && e.at().isBefore(to)) {
                n++;
                right += e.predicted().get(EpisodeKind.SCALE_AHEAD).equals(e.observed().get(EpisodeKind.CPU_ABOVE_TARGET))
                        ? 1 : 0;
            }
        }
        return (double) right / n;
    }

    private static JsonNode json(InsightsResponse response) {
        return MAPPER.valueToTree(response);
    }

    @Test
    void theAnswerHasTheRunbookKeysAndEveryNumberIsInItsEvidence() {
        Learner learner = session(new InMemoryEpisodeLog());
        InsightsResponse response = new InsightsService(learner, LATER, null).insights(SUMMARIZE);
        JsonNode root = json(response);

        assertThat(root.fieldNames()).toIterable().containsExactly("learning_summary", "evidence", "mode", "narrative");
        JsonNode summary = root.get("learning_summary");
        assertThat(summary.fieldNames()).toIterable().startsWith("patterns_identified", "updated_decision_rules",
                "confidence_improvements", "note");
        assertThat(summary.get("confidence_improvements").fieldNames()).toIterable()
                .containsExactly("failover_timing", "load_prediction", "cost_optimization");
        assertThat(root.get("mode").asText()).isEqualTo("deterministic");
        assertThat(root.get("narrative").isNull()).isTrue();

        assertThat(summary.get("patterns_identified").get(0).asText()).startsWith("green's p95 latency was ");
        assertThat(summary.get("patterns_not_significant").toString()).contains("error rate: no significant difference");
        assertThat(summary.get("updated_decision_rules").get(0).asText())
                .startsWith("Scale ahead when P(CPU above target) is at least 0.")
                .contains("(was 0.5)", "on 400 past episodes (rules version 2)");
        assertThat(summary.get("rules_in_force").asText()).startsWith("version 2: scale ahead when P(CPU above target)");
        assertThat(summary.get("note").asText()).startsWith("Learning is kept in memory only");
        assertThat(summary.get("episodes").get("forecast").get("resolved").asInt()).isEqualTo(600);

        NumbersInEvidence.assertAllInEvidence(root);
    }

    @Test
    void confidenceIsMeasuredBeforeAndAfterTheLatestUpdate() {
        Learner learner = session(new InMemoryEpisodeLog());
        JsonNode c = json(new InsightsService(learner, LATER, null).insights(SUMMARIZE))
                .get("learning_summary").get("confidence_improvements");

        List<Episode> all = learner.log().all();
        double before = decisionsRight(all, T0, UPDATE_AT);
        double after = decisionsRight(all, UPDATE_AT, LATER.now());
        assertThat(c.get("load_prediction").asText())
                .isEqualTo(Texts.pct(before) + "% \u2192 " + Texts.pct(after) + "%");
        // failovers and plans were all made before the update: nothing to compare with yet, and it says so
        assertThat(c.get("failover_timing").asText()).matches("\\d+% \u2192 not enough episodes \\(n = 0\\)");
        assertThat(c.get("cost_optimization").asText()).endsWith("\u2192 not enough episodes (n = 0)");
    }

    @Test
    void tooFewEpisodesAreSaidNeverFilledIn() {
        var log = new InMemoryEpisodeLog();
        for (int i = 0; i < 3; i++) {
            log.record(TestEpisodes.forecast("forecast-" + i, i, 0.7, 1));
        }
        JsonNode root = json(new InsightsService(new Learner(log), LATER, null).insights(SUMMARIZE));
        JsonNode summary = root.get("learning_summary");
        assertThat(summary.get("confidence_improvements").get("load_prediction").asText())
                .isEqualTo("not enough episodes (n = 3)");
        assertThat(summary.get("prediction_accuracy").get("forecast").asText()).isEqualTo("not enough episodes (n = 3)");
        assertThat(summary.get("patterns_identified")).isEmpty();
        assertThat(summary.get("updated_decision_rules")).isEmpty();
        NumbersInEvidence.assertAllInEvidence(root);
    }

    @Test
    void aLearningPassResolvesDueEpisodesBeforeAnswering() {
        Learner learner = new Learner(new InMemoryEpisodeLog());
        for (int i = 0; i < 8; i++) {
            learner.record(EpisodeKind.HEALTH, T0.plusSeconds(60L * i), Duration.ofMinutes(1), "blue",
                    map(EpisodeKind.DEGRADED, i % 2), Map.of());
        }
        OutcomeSource outcomes = e -> map(EpisodeKind.SLO_VIOLATED, e.predicted().get(EpisodeKind.DEGRADED));
        JsonNode root = json(new InsightsService(learner, LATER, outcomes).insights(SUMMARIZE));
        JsonNode summary = root.get("learning_summary");
        assertThat(summary.get("episodes").get("health").toString()).isEqualTo("{\"resolved\":8,\"pending\":0}");
        assertThat(summary.get("prediction_accuracy").get("health").asText())
                .startsWith("Brier score 0 (n = 8); hit rate 100% (95% CI 68\u2013100%, n = 8)");
        NumbersInEvidence.assertAllInEvidence(root);
    }

    @Test
    void aRestartedAgentReportsTheSameRulesAndFigures() {
        Path store = dir.resolve("episodes.jsonl");
        JsonNode first;
        Rules rules;
        try (var log = JsonLinesEpisodeLog.open(store)) {
            Learner learner = session(log);
            rules = learner.current();
            first = json(new InsightsService(learner, LATER, null).insights(SUMMARIZE));
        }
        try (var log = JsonLinesEpisodeLog.open(store)) {
            Learner restarted = new Learner(log);
            assertThat(restarted.current()).isEqualTo(rules);
            assertThat(restarted.current().version()).isEqualTo(2);
            JsonNode second = json(new InsightsService(restarted, LATER, null).insights(SUMMARIZE));
            assertThat(second).isEqualTo(first);
            assertThat(second.get("learning_summary").get("note").asText())
                    .isEqualTo("Rules version 2 are stored in " + store.toAbsolutePath() + "; the agent loads the "
                            + "latest accepted rules from there at start-up and applies them to every later decision");
            NumbersInEvidence.assertAllInEvidence(second);
        }
    }

    @Test
    void aTornStoreIsReportedInTheEvidence() throws Exception {
        Path store = dir.resolve("torn.jsonl");
        try (var log = JsonLinesEpisodeLog.open(store)) {
            log.record(TestEpisodes.forecast("forecast-1", 1, 0.6, 1));
        }
        java.nio.file.Files.writeString(store, "{\"id\":\"forecast-2\",\"ki", java.nio.file.StandardOpenOption.APPEND);
        try (var log = JsonLinesEpisodeLog.open(store)) {
            JsonNode root = json(new InsightsService(new Learner(log), LATER, null).insights(SUMMARIZE));
            assertThat(root.get("evidence").get("missing").get(0).asText())
                    .startsWith("learning store: " + store.toAbsolutePath() + ":2: dropped a torn last line");
        }
    }

    @Test
    void unknownQueriesAreRefused() {
        var service = new InsightsService(new Learner(new InMemoryEpisodeLog()), LATER, null);
        assertThatThrownBy(() -> service.insights(new InsightsRequest("dream", null)))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("summarize_learnings");
        List<String> kept = new ArrayList<>();
        service.insights(new InsightsRequest(null, null)).learningSummary().updatedDecisionRules().forEach(kept::add);
        assertThat(kept).isEmpty();
    }
}
