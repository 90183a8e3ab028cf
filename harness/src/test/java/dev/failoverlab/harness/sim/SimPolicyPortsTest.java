package dev.failoverlab.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.failoverlab.agent.port.ActionResult;
import dev.failoverlab.agent.port.PodMetrics;
import dev.failoverlab.agent.port.Routing;
import dev.failoverlab.agent.port.ScrapeSample;
import dev.failoverlab.harness.policy.PolicyEnvironment;
import dev.failoverlab.harness.run.QueryTiming;
import dev.failoverlab.harness.run.RunEvent;
import dev.failoverlab.harness.run.RunRecording;
import dev.failoverlab.harness.scenario.FaultSpec;
import dev.failoverlab.harness.scenario.Scenario;
import dev.failoverlab.loadgen.yaml.YamlFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ports as a policy uses them: actions and their records, refusals, the decision log, lagged views. */
final class SimPolicyPortsTest {

    private static Scenario plain() {
        return SimFixtures.blueGreen("ports", 120, SimFixtures.workload(4, 1), SimFixtures.constant(200, 120), 2, 1,
                500, List.of());
    }

    @Test
    void actionsAreAppliedRecordedOrRefusedWithReasons() {
        Map<String, ActionResult> results = new LinkedHashMap<>();
        List<Routing> routings = new ArrayList<>();
        List<PolicyEnvironment> environments = new ArrayList<>();
        var actor = SimFixtures.policy("actor", ctx -> {
            environments.add(ctx.environment());
            routings.add(ctx.cluster().routing());
            ctx.scheduler().at(Duration.ofSeconds(10), () -> {
                results.put("scale", ctx.actuator().scale("web-green", 3, "prepare standby"));
                results.put("scale again", ctx.actuator().scale("web-green", 3, "same"));
                results.put("scale unknown", ctx.actuator().scale("web-red", 3, "typo"));
                results.put("split", ctx.actuator().setTrafficSplit(Map.of("green", 30, "blue", 70), "canary"));
                results.put("split again", ctx.actuator().setTrafficSplit(Map.of("blue", 70, "green", 30), "same"));
                results.put("split sum", ctx.actuator().setTrafficSplit(Map.of("blue", 70, "green", 20), "bad"));
                results.put("split colour", ctx.actuator().setTrafficSplit(Map.of("red", 100), "bad"));
                routings.add(ctx.cluster().routing());
                ctx.log().note("green looks healthy");
                ctx.log().query("/evaluate", 12.5, 100, 20);
            });
            ctx.scheduler().at(Duration.ofSeconds(40), () -> {
                results.put("select", ctx.actuator().switchSelector("green", "failover"));
                results.put("select again", ctx.actuator().switchSelector("green", "same"));
                results.put("scale negative", ctx.actuator().scale("web-blue", -4, "drain"));
                routings.add(ctx.cluster().routing());
            });
        });
        RunRecording run = SimFixtures.run(plain(), actor, 1);
        assertThat(results).allSatisfy((name, r) -> assertThat(r.applied())
                .as(name + ": " + r.detail()).isEqualTo(!name.contains(" ")
                        || name.equals("scale negative")));
        assertThat(results.get("scale unknown").detail()).contains("web-red").contains("web-blue, web-green");
        assertThat(results.get("split sum").detail()).contains("sum to 100, got 90");
        assertThat(results.get("split colour").detail()).isEqualTo("unknown colour red (known: blue, green)");
        assertThat(results.get("scale again").detail()).startsWith("unchanged");
        assertThat(run.events()).extracting(RunEvent::tSeconds, RunEvent::kind, RunEvent::source, RunEvent::target,
                RunEvent::value).containsExactly(
                tuple(10.0, RunEvent.Kind.SCALE, "actor", "web-green", "3"),
                tuple(10.0, RunEvent.Kind.REFUSED, "actor", "web-red", "3"),
                tuple(10.0, RunEvent.Kind.SPLIT, "actor", "", "blue=70,green=30"),
                tuple(10.0, RunEvent.Kind.REFUSED, "actor", "", "blue=70,green=20"),
                tuple(10.0, RunEvent.Kind.REFUSED, "actor", "", "red=100"),
                tuple(10.0, RunEvent.Kind.NOTE, "actor", "", ""),
                tuple(40.0, RunEvent.Kind.SELECTOR, "actor", "green", "green"),
                tuple(40.0, RunEvent.Kind.SCALE, "actor", "web-blue", "0"));
        assertThat(run.events().get(0).detail()).isEqualTo("prepare standby");
        assertThat(run.events().get(5).detail()).isEqualTo("green looks healthy");
        assertThat(run.queries()).containsExactly(new QueryTiming(10.0, "/evaluate", 12.5, 100, 20));
        assertThat(routings.get(0)).isEqualTo(new Routing(Map.of("blue", 1.0, "green", 0.0), "blue"));
        assertThat(routings.get(1)).isEqualTo(new Routing(Map.of("blue", 0.7, "green", 0.3), null));
        assertThat(routings.get(2).selectorColor()).isEqualTo("green");
        assertThat(run.samples().get(5).color("green").trafficPercent()).isEqualTo(30.0);
        assertThat(run.samples().get(5).color("green").desiredReplicas()).isEqualTo(3);
        assertThat(run.samples().get(23).color("blue").pods()).isZero(); // drained and gone
        assertThat(environments.get(0).deployments()).extracting(PolicyEnvironment.ManagedDeployment::name)
                .containsExactly("web-blue", "web-green");
        assertThat(environments.get(0).initialActiveColor()).isEqualTo("blue");
        assertThat(environments.get(0).runDuration()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void metricsAndScrapesLagLikeARealCluster() {
        List<List<PodMetrics>> metrics = new ArrayList<>();
        List<List<ScrapeSample>> scrapes = new ArrayList<>();
        List<Instant> clocks = new ArrayList<>();
        var watcher = SimFixtures.policy("watcher", ctx -> {
            ctx.scheduler().at(Duration.ofSeconds(5), () -> ctx.actuator().scale("web-blue", 3, "grow"));
            for (int t : new int[] {14, 16, 32, 37, 50}) {
                ctx.scheduler().at(Duration.ofSeconds(t), () -> {
                    clocks.add(ctx.clock().now());
                    metrics.add(ctx.cluster().podMetrics("web-blue"));
                    scrapes.add(ctx.cluster().scrapes("blue", Duration.ofSeconds(30)));
                });
            }
        });
        SimFixtures.run(plain(), watcher, 2);
        assertThat(clocks).containsExactly(Instant.EPOCH.plusSeconds(14), Instant.EPOCH.plusSeconds(16),
                Instant.EPOCH.plusSeconds(32), Instant.EPOCH.plusSeconds(37), Instant.EPOCH.plusSeconds(50));
        assertThat(metrics.get(0)).isEmpty(); // no full 15 s window yet
        assertThat(metrics.get(1)).hasSize(2).allSatisfy(m -> {
            assertThat(m.timestamp()).isEqualTo(Instant.EPOCH.plusSeconds(15));
            assertThat(m.window()).isEqualTo(Duration.ofSeconds(15));
        });
        // the pod created at 5 s started at 6 s: first full window 15..30 s, so first seen at 30 s
        assertThat(metrics.get(2)).hasSize(3);
        assertThat(scrapes.get(0)).extracting(ScrapeSample::timestamp).containsExactly(Instant.EPOCH);
        assertThat(scrapes.get(4)).extracting(ScrapeSample::timestamp).containsExactly(
                Instant.EPOCH.plusSeconds(30), Instant.EPOCH.plusSeconds(45));
        ScrapeSample s = scrapes.get(4).get(1);
        assertThat(s.bucketUpperMs()).containsExactly(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000,
                Double.POSITIVE_INFINITY);
        assertThat(s.bucketCounts()[11]).isEqualTo(s.requests());
        assertThat(s.requests()).isBetween(8000L, 10000L); // 200 rps for 45 s
        assertThat(s.errors()).isZero();
        assertThat(s.latencySumMs() / s.requests()).isBetween(5.0, 50.0);
        for (int i = 1; i < s.bucketCounts().length; i++) {
            assertThat(s.bucketCounts()[i]).isGreaterThanOrEqualTo(s.bucketCounts()[i - 1]);
        }
    }

    @Test
    void aFailingPolicyStopsTheRunNamingIt() {
        var broken = SimFixtures.policy("broken", ctx -> ctx.scheduler().at(Duration.ofSeconds(20), () -> {
            throw new IllegalArgumentException("no such thing");
        }));
        assertThatThrownBy(() -> SimFixtures.run(plain(), broken, 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ports/broken/seed-3")
                .hasMessageContaining("t=20.000 s")
                .hasMessageContaining("no such thing")
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badScenariosFailBeforeTheRunWithTheFieldAndTheFix() {
        Scenario unknown = SimFixtures.blueGreen("bad", 60, SimFixtures.workload(4, 1), SimFixtures.constant(10, 60),
                1, 1, 500, List.of(new FaultSpec.PodKill(SimFixtures.at(5), "web-red", 1, SimFixtures.HERE)));
        assertThatThrownBy(() -> SimFixtures.run(unknown, SimFixtures.idle(), 1))
                .isInstanceOf(YamlFileException.class)
                .hasMessage("test.yaml:1:1: faults[0].deployment: unknown deployment 'web-red' (known: "
                        + "web-blue, web-green)");
        Scenario badEnv = SimFixtures.blueGreen("bad", 60, SimFixtures.workload(4, 1), SimFixtures.constant(10, 60),
                1, 1, 500, List.of(SimFixtures.patch(5, "web-blue", Map.of("SLOW_REQUESTS", "lots"))));
        assertThatThrownBy(() -> SimFixtures.run(badEnv, SimFixtures.idle(), 1))
                .isInstanceOf(YamlFileException.class)
                .hasMessageContaining("faults[0].patchEnv.env.SLOW_REQUESTS")
                .hasMessageContaining("'lots' is not a number");
    }
}
