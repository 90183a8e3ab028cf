package dev.failoverlab.agent.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failoverlab.agent.config.GuardConfig;
import dev.failoverlab.agent.port.ActionResult;
import dev.failoverlab.agent.port.ClusterUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each guard rule, one at a time, with a fake clock and the audit line every attempt leaves. */
final class GuardedActuatorTest {
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GuardConfig RULES = new GuardConfig(Set.of("mcp-failover-clean"),
            Set.of("web-blue", "web-green"), false, 4, 20, 12, null);

    private final FakeClock clock = new FakeClock(T0);
    private final RecordingActuator cluster = new RecordingActuator();
    private final FakeClusterView view = new FakeClusterView("mcp-failover-clean", 2, 1);
    private final List<String> auditLines = new ArrayList<>();

    private GuardedActuator guard(GuardConfig config) {
        return new GuardedActuator(cluster, view, config, clock, AuditLog.to(auditLines::add), "test");
    }

    private JsonNode lastAudit() throws IOException {
        return JSON.readTree(auditLines.get(auditLines.size() - 1));
    }

    @Test
    void anAllowedScaleReachesTheClusterAndIsAudited() throws IOException {
        ActionResult r = guard(RULES).scale("web-blue", 5, "forecast 480 rps over capacity");
        assertThat(r.applied()).isTrue();
        assertThat(cluster.calls).containsExactly("scale web-blue 5");
        JsonNode a = lastAudit();
        assertThat(a.path("time").asText()).isEqualTo("2026-12-04T10:00:00Z");
        assertThat(a.path("action").asText()).isEqualTo("scale");
        assertThat(a.path("target").asText()).isEqualTo("mcp-failover-clean/web-blue");
        assertThat(a.path("value").asInt()).isEqualTo(5);
        assertThat(a.path("reason").asText()).isEqualTo("forecast 480 rps over capacity");
        assertThat(a.path("outcome").asText()).isEqualTo("applied");
        assertThat(a.path("caller").asText()).isEqualTo("test");
        assertThat(auditLines.get(0)).startsWith("{\"time\":").doesNotContain("\n");
    }

    @Test
    void aNamespaceOutsideTheAllowListIsRefused() throws IOException {
        GuardedActuator g = new GuardedActuator(cluster, new FakeClusterView("kube-system", 2, 1), RULES, clock,
                AuditLog.to(auditLines::add), "test");
        ActionResult r = g.switchSelector("green", "blue degraded");
        assertThat(r.applied()).isFalse();
        assertThat(r.detail()).isEqualTo("refused: namespace kube-system is not in allowedNamespaces "
                + "[mcp-failover-clean]");
        assertThat(cluster.calls).isEmpty();
        assertThat(lastAudit().path("outcome").asText()).isEqualTo("refused");
    }

    @Test
    void deploymentsOutsideTheAllowListOrMissingAreRefused() {
        view.add("web-canary", "canary", 1);
        GuardedActuator g = guard(RULES);
        assertThat(g.scale("web-canary", 2, "try").detail())
                .isEqualTo("refused: deployment web-canary is not in allowedDeployments [web-blue, web-green]");
        assertThat(g.switchSelector("canary", "try").detail()).startsWith("refused: colour canary has no allowed "
                + "deployment; routable colours are [blue, green]");
        GuardConfig wider = new GuardConfig(RULES.allowedNamespaces(), Set.of("web-blue", "web-green", "web-red"),
                false, 4, 20, 12, null);
        assertThat(guard(wider).scale("web-red", 1, "try").detail()).isEqualTo("refused: deployment web-red "
                + "does not exist in namespace mcp-failover-clean; it has [web-blue, web-canary, web-green]");
        assertThat(g.scale(null, 1, "try").detail()).isEqualTo("refused: a deployment name is required");
        assertThat(cluster.calls).isEmpty();
    }

    @Test
    void oneScaleStepMayMoveAtMostMaxScaleStepReplicas() {
        GuardedActuator g = guard(RULES);
        assertThat(g.scale("web-blue", 7, "big jump").detail()).isEqualTo("refused: scaling web-blue from 2 to 7 "
                + "is a step of 5; maxScaleStep is 4, so scale in smaller steps");
        assertThat(g.scale("web-blue", 6, "largest allowed step").applied()).isTrue();
        assertThat(g.scale("web-green", 0, "scale in").applied()).isTrue();
        assertThat(cluster.calls).containsExactly("scale web-blue 6", "scale web-green 0");
    }

    @Test
    void replicasStayWithinZeroAndMaxReplicas() {
        FakeClusterView big = new FakeClusterView("mcp-failover-clean", 18, 1);
        GuardedActuator g = new GuardedActuator(cluster, big, RULES, clock, AuditLog.to(auditLines::add), "test");
        assertThat(g.scale("web-blue", 21, "peak").detail())
                .isEqualTo("refused: replicas must be 0..20 (maxReplicas), got 21");
        assertThat(g.scale("web-green", -1, "oops").detail())
                .isEqualTo("refused: replicas must be 0..20 (maxReplicas), got -1");
        assertThat(g.scale("web-blue", 20, "peak").applied()).isTrue();
    }

    @Test
    void splitsGiveEachColour0To100PercentSummingTo100() {
        GuardedActuator g = guard(RULES);
        assertThat(g.setTrafficSplit(Map.of("blue", 70, "green", 40), "shift").detail())
                .isEqualTo("refused: split percentages must sum to 100, got 110 for {blue=70, green=40}");
        assertThat(g.setTrafficSplit(Map.of("blue", 130, "green", -30), "shift").detail())
                .isEqualTo("refused: percent for blue must be 0..100, got 130");
        assertThat(g.setTrafficSplit(Map.of(), "shift").detail()).startsWith("refused: a split needs");
        assertThat(g.setTrafficSplit(Map.of("blue", 50, "purple", 50), "shift").detail())
                .startsWith("refused: colour purple has no allowed deployment");
        Map<String, Integer> withNull = new HashMap<>();
        withNull.put("blue", null);
        withNull.put("green", 100);
        assertThat(g.setTrafficSplit(withNull, "shift").detail()).isEqualTo("refused: percent for blue must be "
                + "0..100, got null");
        assertThat(cluster.calls).isEmpty();
        assertThat(g.setTrafficSplit(Map.of("blue", 70, "green", 30), "gradual shift").applied()).isTrue();
        assertThat(cluster.calls).containsExactly("split {blue=70, green=30}");
    }

    @Test
    void theActionBudgetRefillsOnTheAgentsClockAndRefusalsCostNothing() {
        GuardedActuator g = guard(RULES);
        for (int i = 0; i < 12; i++) {
            assertThat(g.switchSelector(i % 2 == 0 ? "green" : "blue", "flip " + i).applied()).isTrue();
        }
        assertThat(g.scale("web-blue", 99, "refused by the ceiling, not the budget").detail())
                .contains("maxReplicas");
        ActionResult limited = g.switchSelector("green", "one too many");
        assertThat(limited.detail()).isEqualTo("refused: rate limit: at most 12 actions a minute "
                + "(maxActionsPerMinute); next allowed in 5.0 s");
        clock.advance(Duration.ofMillis(4_900));
        assertThat(g.switchSelector("green", "still too early").applied()).isFalse();
        clock.advance(Duration.ofMillis(100));
        assertThat(g.switchSelector("green", "one token refilled").applied()).isTrue();
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 12; i++) {
            assertThat(g.switchSelector("green", "burst " + i).applied()).as("burst %d", i).isTrue();
        }
        assertThat(g.switchSelector("green", "burst capped at 12").applied()).isFalse();
        assertThat(cluster.calls).hasSize(25);
    }

    @Test
    void callersShareOneBudgetAndAreNamedInTheAudit() throws IOException {
        GuardedActuator harness = guard(RULES);
        GuardedActuator http = harness.forCaller("http:/failover-assessment");
        for (int i = 0; i < 12; i++) {
            harness.switchSelector("green", "flip " + i);
        }
        assertThat(http.switchSelector("blue", "after the harness used the budget").applied()).isFalse();
        assertThat(lastAudit().path("caller").asText()).isEqualTo("http:/failover-assessment");
    }

    @Test
    void dryRunChecksEverythingAndAppliesNothing() throws IOException {
        GuardConfig dry = new GuardConfig(RULES.allowedNamespaces(), RULES.allowedDeployments(), true, 4, 20, 12, null);
        GuardedActuator g = guard(dry);
        ActionResult scale = g.scale("web-blue", 3, "forecast");
        assertThat(scale.applied()).isFalse();
        assertThat(scale.detail()).isEqualTo("dry-run: would scale web-blue from 2 to 3 replicas");
        assertThat(lastAudit().path("outcome").asText()).isEqualTo("dry-run");
        assertThat(g.setTrafficSplit(Map.of("green", 30, "blue", 70), "shift").detail())
                .isEqualTo("dry-run: would split traffic blue=70% green=30%");
        assertThat(g.switchSelector("green", "switch").detail()).isEqualTo("dry-run: would switch service web to green");
        assertThat(g.scale("web-blue", 9, "too far").detail()).startsWith("refused: scaling web-blue");
        assertThat(cluster.calls).isEmpty();
        assertThat(auditLines).hasSize(4);
    }

    @Test
    void aReasonIsRequired() {
        assertThat(guard(RULES).scale("web-blue", 3, " ").detail())
                .isEqualTo("refused: every action needs a reason for the audit log");
        assertThat(cluster.calls).isEmpty();
    }

    @Test
    void anUnreadableClusterMeansTheStepCannotBeCheckedSoTheScaleIsRefused() {
        view.goDown();
        ActionResult r = guard(RULES).scale("web-blue", 3, "forecast");
        assertThat(r.detail()).isEqualTo("refused: cannot read the current replicas to check the scale step "
                + "(api-server: connection refused)");
        assertThat(cluster.calls).isEmpty();
    }

    @Test
    void aFailingClusterCallIsAuditedAsAnErrorAndRethrown() throws IOException {
        cluster.failWith = new ClusterUnavailableException("api-server", "timeout");
        GuardedActuator g = guard(RULES);
        assertThatThrownBy(() -> g.switchSelector("green", "degraded")).isSameAs(cluster.failWith);
        assertThat(lastAudit().path("outcome").asText()).isEqualTo("error");
        assertThat(lastAudit().path("detail").asText()).isEqualTo("ClusterUnavailableException: api-server: timeout");
    }

    @Test
    void theAuditFileIsAppendedToAndKeepsEarlierLines(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("audit/actions.jsonl");
        try (AuditLog first = AuditLog.toFile(file)) {
            new GuardedActuator(cluster, view, RULES, clock, first, "run-1").scale("web-blue", 3, "first run");
        }
        try (AuditLog second = AuditLog.toFile(file)) {
            GuardedActuator g = new GuardedActuator(cluster, view, RULES, clock, second, "run-2");
            g.scale("web-blue", 99, "second run, refused");
            g.switchSelector("green", "second run");
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(JSON.readTree(lines.get(0)).path("caller").asText()).isEqualTo("run-1");
        assertThat(JSON.readTree(lines.get(1)).path("outcome").asText()).isEqualTo("refused");
        assertThat(JSON.readTree(lines.get(2)).path("value").asText()).isEqualTo("green");
    }

    @Test
    void impossibleConfigurationsAreRejectedUpFront() {
        GuardConfig noBudget = new GuardConfig(RULES.allowedNamespaces(), RULES.allowedDeployments(), false, 4, 20,
                0, null);
        assertThatThrownBy(() -> guard(noBudget)).hasMessageContaining("maxActionsPerMinute must be at least 1");
        GuardConfig noStep = new GuardConfig(RULES.allowedNamespaces(), RULES.allowedDeployments(), false, 0, 20,
                12, null);
        assertThatThrownBy(() -> guard(noStep)).hasMessageContaining("maxScaleStep must be at least 1");
    }
}
