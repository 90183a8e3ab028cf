package dev.failoverlab.agent.brain.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failoverlab.agent.api.BadRequestException;
import dev.failoverlab.agent.api.EvaluateRequest;
import dev.failoverlab.agent.brain.fake.HealthFakeAgent;
import dev.failoverlab.agent.brain.fake.HealthNumberCheck;
import dev.failoverlab.agent.brain.failover.FailoverPlanner;
import dev.failoverlab.agent.learn.Episode;
import java.util.List;
import org.junit.jupiter.api.Test;

final class HealthAssessorTest {

    private static EvaluateResponse checked(EvaluateResponse r) {
        assertThat(HealthNumberCheck.unsupported(r)).as(HealthNumberCheck.json(r)).isEmpty();
        assertThat(r.mode()).isEqualTo("deterministic");
        return r;
    }

    @Test
    void healthyBlueIsOptimalWithConfidenceAndIdleGreenIsUnknown() {
        HealthFakeAgent a = new HealthFakeAgent(1);
        a.cluster.ticks(6);
        EvaluateResponse r = checked(a.evaluate());
        assertThat(r.assessment()).containsOnlyKeys("blue", "green");
        assertThat(r.assessment().get("blue").status()).isEqualTo(HealthStatus.OPTIMAL);
        assertThat(r.health().get("blue").confidence()).isGreaterThan(0.999);
        assertThat(r.health().get("blue").technicalHealth()).isEqualTo("EXCELLENT");
        assertThat(r.assessment().get("blue").cpu()).matches("\\d+%");
        assertThat(r.assessment().get("blue").memory()).isEqualTo("130MB");
        assertThat(r.assessment().get("blue").responseTime()).matches("\\d+ms p95");
        assertThat(r.assessment().get("green").status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(r.assessment().get("green").responseTime()).isEqualTo("n/a (no traffic)");
        assertThat(r.health().get("green").confidenceBasis()).contains("idle");
        assertThat(r.recommended().outcome()).isEqualTo("hold");
        assertThat(r.recommendation()).startsWith("Hold");
        assertThat(r.businessImpact()).startsWith("no requests affected");
        assertThat(r.costImpact()).startsWith("$0.00/hr");
        assertThat(r.evidence().missingData()).isEmpty();
    }

    @Test
    void slowBlueIsDegradedAndTheRecommendationMatchesTheDecider() {
        HealthFakeAgent a = new HealthFakeAgent(2);
        a.cluster.ticks(6);
        a.evaluate();
        a.cluster.colour("blue").slowFraction = 0.2;
        a.cluster.ticks(2);
        EvaluateResponse r = checked(a.evaluate());
        EvaluateResponse.ColorDetail blue = r.health().get("blue");
        assertThat(r.assessment().get("blue").status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(blue.confidence()).isGreaterThan(0.99);
        assertThat(blue.slowFraction()).isBetween(0.17, 0.23);
        assertThat(blue.detectorAlarm()).isTrue();
        assertThat(blue.capacityBound()).isFalse();
        // 400 rps, a fifth slow: about 80 requests/s affected
        assertThat(blue.affectedRps()).isBetween(65.0, 95.0);
        assertThat(r.businessImpact()).contains("affected now").contains("blue");
        assertThat(r.recommendation()).isEqualTo("Gradual traffic shift (10% to green); scale web-green to 2 replicas");
        assertThat(r.recommended().targetColor()).isEqualTo("green");
        // one more 500m / 256Mi pod at the default prices
        assertThat(r.costImpact()).startsWith("+$0.0169/hr: web-green 1→2 pods");
        assertThat(HealthNumberCheck.json(r)).contains("\"from_replicas\" : 1", "\"to_replicas\" : 2");
        assertThat(a.cluster.actions()).as("evaluate never acts").isEmpty();
    }

    @Test
    void recordsOneObservationAndAHealthEpisodePerJudgedColour() {
        HealthFakeAgent a = new HealthFakeAgent(3);
        a.cluster.ticks(5);
        a.evaluate();
        List<Episode> obs = a.episodes.ofKind("observation");
        assertThat(obs).hasSize(1);
        Episode o = obs.get(0);
        assertThat(o.resolved()).isTrue();
        assertThat(o.dueAt()).isEqualTo(o.at());
        assertThat(o.predicted()).containsKeys("blue.p95_ms", "blue.error_rate", "blue.cpu_utilization", "blue.memory_bytes_per_pod",
                "blue.rps", "green.cpu_utilization").isEqualTo(o.observed());
        assertThat(o.id()).startsWith("observation-" + a.cluster.now().toEpochMilli() + "-");
        List<Episode> health = a.episodes.ofKind("health");
        assertThat(health).extracting(Episode::subject).containsExactly("blue");
        assertThat(health.get(0).predicted()).containsEntry("degraded", 0.0).containsKey("p_degraded");
        assertThat(health.get(0).dueAt()).isEqualTo(health.get(0).at().plusSeconds(120));
        assertThat(health.get(0).labels()).containsEntry("rules_version", "1");
    }

    @Test
    void anUnknownDeploymentIsABadRequestNamingTheField() {
        HealthFakeAgent a = new HealthFakeAgent(4);
        HealthAssessor assessor = new HealthAssessor(a.ctx, new FailoverPlanner(a.ctx));
        assertThatThrownBy(() -> assessor.handle(new EvaluateRequest(EvaluateRequest.TASK,
                List.of("web-blue", "web-purple"), null)))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("deployments[1]").hasMessageContaining("web-purple")
                .hasMessageContaining("[web-blue, web-green]");
    }

    @Test
    void prometheusDownGivesALabelledPartialAnswerNotAnException() {
        HealthFakeAgent a = new HealthFakeAgent(5);
        a.cluster.ticks(4);
        a.cluster.prometheusDown = true;
        a.cluster.tick();
        EvaluateResponse r = checked(a.evaluate());
        assertThat(r.assessment().get("blue").status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(r.health().get("blue").confidenceBasis()).isEqualTo("metrics missing (prometheus)");
        assertThat(r.assessment().get("blue").responseTime()).startsWith("n/a");
        assertThat(r.assessment().get("blue").cpu()).matches("\\d+%");
        assertThat(r.evidence().missingData()).anyMatch(m -> m.startsWith("prometheus"));
        assertThat(r.recommended().outcome()).isEqualTo("hold");
        assertThat(r.businessImpact()).startsWith("insufficient data");
    }

    @Test
    void apiServerDownGivesInsufficientData() {
        HealthFakeAgent a = new HealthFakeAgent(6);
        a.cluster.ticks(4);
        a.cluster.apiServerDown = true;
        EvaluateResponse r = checked(a.evaluate());
        assertThat(r.assessment()).isEmpty();
        assertThat(r.recommendation()).startsWith("insufficient data");
        assertThat(r.evidence().missingData()).anyMatch(m -> m.contains("deployments unreadable"));
    }

    @Test
    void metricsServerDownLeavesCpuAndMemoryOutButStillJudgesTheSlo() {
        HealthFakeAgent a = new HealthFakeAgent(7);
        a.cluster.ticks(4);
        a.cluster.metricsServerDown = true;
        EvaluateResponse r = checked(a.evaluate());
        assertThat(r.assessment().get("blue").cpu()).isEqualTo("n/a (metrics-server)");
        assertThat(r.assessment().get("blue").status()).isEqualTo(HealthStatus.OPTIMAL);
        assertThat(r.evidence().missingData()).anyMatch(m -> m.startsWith("metrics-server"));
    }
}
