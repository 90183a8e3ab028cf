package dev.failoverlab.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.failoverlab.agent.port.ScrapeSample;
import dev.failoverlab.harness.run.RunEvent;
import dev.failoverlab.harness.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The live mode with a hand-stepped wall clock: time, load changes, env patches, scaling, the agent's ports. */
final class LiveSimulationTest {
    /** A wall clock the test moves; nothing sleeps. */
    static final class ManualWall {
        long nanos = 1_000_000_000L;

        void plus(double seconds) {
            nanos += Math.round(seconds * 1e9);
        }
    }

    private final ManualWall wall = new ManualWall();

    /** web-blue 2 pods (active), web-green 1, 500m each, 1 ms CPU per request, 20 s startup. */
    static Scenario runbookCluster(double seconds) {
        return SimFixtures.blueGreen("live", seconds, SimFixtures.workload(1, 1), SimFixtures.constant(100, seconds),
                2, 1, 500, List.of());
    }

    private LiveSimulation live(Scenario scenario, double speed, LiveLoad load) {
        return new LiveSimulation(scenario, 11, speed, load, () -> wall.nanos);
    }

    /** Moves the wall clock in 1 s steps, advancing after each, as the runner thread would. */
    private void run(LiveSimulation live, double wallSeconds) {
        for (double done = 0; done < wallSeconds; done += 1) {
            wall.plus(Math.min(1, wallSeconds - done));
            live.advance();
        }
    }

    @Test
    void virtualTimeFollowsTheWallClockTimesTheSpeed() {
        LiveSimulation live = live(runbookCluster(60), 5, new LiveLoad.Constant(200));
        assertThat(live.nowSeconds()).isZero();
        LiveStatus start = live.status();
        assertThat(start.deployment("web-blue").readyReplicas()).isEqualTo(2);
        assertThat(start.deployment("web-green").readyReplicas()).isEqualTo(1);
        assertThat(start.arrivalRps()).as("no window closed yet").isNull();
        run(live, 10);
        assertThat(live.nowSeconds()).isCloseTo(50, offset(1e-9));
        assertThat(live.clock().now()).isEqualTo(Instant.EPOCH.plusSeconds(50));
        LiveStatus s = live.status();
        // 1000 arrivals in the 5 s window: five standard deviations are 32 rps
        assertThat(s.arrivalRps()).isCloseTo(200, offset(5 * Math.sqrt(1000) / 5));
        assertThat(s.deployment("web-blue").arrivalRps()).isEqualTo(s.arrivalRps());
        assertThat(s.errorRatePercent()).isZero();
        assertThat(s.p95Ms()).isBetween(2.0, 30.0);
        assertThat(s.deployment("web-blue").cpuPercent()).isCloseTo(20.0, offset(5.0)); // 100 rps/pod × 1 ms / 0.5 core
    }

    @Test
    void aScenarioLongerOrShorterThanTheDemoDoesNotEndIt() {
        LiveSimulation live = live(runbookCluster(10), 100, new LiveLoad.Constant(50));
        run(live, 20); // 2000 virtual seconds, far past the scenario's 10 s
        assertThat(live.nowSeconds()).isCloseTo(2000, offset(1e-9));
        assertThat(live.status().arrivalRps()).isCloseTo(50, offset(5 * Math.sqrt(250) / 5));
    }

    @Test
    void loadChangesTakeEffectAtOnceEvenAfterAQuietSpell() {
        LiveSimulation live = live(runbookCluster(60), 1, new LiveLoad.Constant(0.01));
        run(live, 30);
        live.operator().setLoad(new LiveLoad.Constant(500));
        run(live, 10); // windows close at 35 and 40 s: both fully under the new load
        assertThat(live.status().arrivalRps()).isCloseTo(500, offset(5 * Math.sqrt(2500) / 5));
        assertThat(live.status().offeredRps()).isEqualTo(500);
        live.operator().setLoad(new LiveLoad.Ramp(100, 900, 100));
        run(live, 50); // window 85..90 s: 45..50 s into the ramp, mean rate 460 rps
        assertThat(live.status().arrivalRps()).isCloseTo(460, offset(5 * Math.sqrt(2300) / 5));
        live.operator().setLoad(new LiveLoad.Constant(0));
        run(live, 10);
        assertThat(live.status().arrivalRps()).isZero();
        assertThat(live.eventsSince(0)).extracting(RunEvent::detail)
                .contains("load: constant 500 rps", "load: ramp 100→900 rps over 100 s", "load: constant 0 rps");
    }

    @Test
    void anEnvPatchRollsOutAndSlowsTheRequestsItSays() {
        LiveSimulation live = live(runbookCluster(60), 1, new LiveLoad.Constant(100));
        run(live, 30);
        LiveOperator.PatchResult patched = live.operator().patchEnv("web-blue", Map.of("SLOW_REQUESTS", "20"));
        assertThat(patched.changed()).isTrue();
        assertThat(patched.rollout().complete()).isFalse();
        assertThat(patched.rollout().message()).contains("1 out of 2 new replicas have been updated");
        SimDeployment blue = live.sim.findDeployment("web-blue");
        double completeAt = Double.NaN;
        for (int i = 0; i < 120 && Double.isNaN(completeAt); i++) {
            run(live, 1);
            int ready = live.rollout("web-blue").available();
            assertThat(ready).as("maxUnavailable 0 for 2 replicas").isGreaterThanOrEqualTo(2);
            if (live.rollout("web-blue").complete()) {
                completeAt = live.nowSeconds();
            }
        }
        // two pods one after the other: 1 s scheduling + 20 s startup each
        assertThat(completeAt - 30).isBetween(40.0, 50.0);
        assertThat(blue.pods).hasSize(2).allSatisfy(p -> assertThat(p.slowFraction).isEqualTo(0.2));
        double from = live.nowSeconds();
        run(live, 120);
        // through the agent's port: the share of blue's requests slower than 500 ms over the last 2 minutes
        List<ScrapeSample> scrapes = live.view().scrapes("blue", Duration.ofSeconds((long) (live.nowSeconds() - from)));
        ScrapeSample first = scrapes.get(0);
        ScrapeSample last = scrapes.get(scrapes.size() - 1);
        int le500 = 6; // buckets 5, 10, 25, 50, 100, 250, 500 ms
        long total = last.requests() - first.requests();
        long fast = last.bucketCounts()[le500] - first.bucketCounts()[le500];
        double slowShare = 1.0 - (double) fast / total;
        assertThat(total).isGreaterThan(9_000);
        assertThat(slowShare).isCloseTo(0.20, offset(5 * Math.sqrt(0.2 * 0.8 / total)));
        assertThat(live.status().deployment("web-blue").p95Ms()).isGreaterThan(700);
        assertThat(live.status().deployment("web-blue").appKnobs()).containsEntry("SLOW_REQUESTS", 20.0);

        assertThat(live.operator().patchEnv("web-blue", Map.of("SLOW_REQUESTS", "20")).changed())
                .as("the same template again: no rollout").isFalse();
        live.operator().patchEnv("web-blue", Map.of("RANDOM_ERRORS", "5"));
        run(live, 90);
        run(live, 60);
        Double errors = live.status().deployment("web-blue").errorRatePercent();
        assertThat(errors).isCloseTo(5, offset(5 * Math.sqrt(5 * 95.0 / 500)));
        assertThat(blue.pods).allSatisfy(p -> {
            assertThat(p.slowFraction).as("merged, like a strategic-merge patch").isEqualTo(0.2);
            assertThat(p.errorFraction).isEqualTo(0.05);
        });
        assertThat(live.eventsSince(0)).filteredOn(e -> e.kind() == RunEvent.Kind.FAULT)
                .extracting(RunEvent::source).containsOnly(LiveOperator.SOURCE);
    }

    @Test
    void scalingKillsAndCrashLoopsChangeThePods() {
        LiveSimulation live = live(runbookCluster(60), 1, new LiveLoad.Constant(100));
        run(live, 10);
        assertThat(live.operator().scale("web-green", 3).applied()).isTrue();
        assertThat(live.status().deployment("web-green").pods()).hasSize(3)
                .filteredOn(p -> p.status().equals("Pending")).hasSize(2);
        run(live, 25);
        assertThat(live.status().deployment("web-green").readyReplicas()).isEqualTo(3);

        List<String> killed = live.operator().killPods("web-blue", 1);
        assertThat(killed).hasSize(1);
        LiveStatus afterKill = live.status();
        assertThat(afterKill.deployment("web-blue").readyReplicas()).isEqualTo(1);
        assertThat(afterKill.deployment("web-blue").pods()).extracting(LiveStatus.Pod::name).doesNotContain(killed.get(0));
        run(live, 25);
        assertThat(live.status().deployment("web-blue").readyReplicas()).isEqualTo(2);

        assertThat(live.operator().crashLoop("web-blue", true).applied()).isTrue();
        assertThat(live.operator().crashLoop("web-blue", true).applied()).isFalse();
        run(live, 10);
        LiveStatus looping = live.status();
        assertThat(looping.deployment("web-blue").readyReplicas()).isZero();
        assertThat(looping.deployment("web-blue").pods()).allSatisfy(p -> {
            assertThat(p.status()).isEqualTo("CrashLoopBackOff");
            assertThat(p.restarts()).isGreaterThanOrEqualTo(1);
        });
        assertThat(looping.errorRatePercent()).as("no endpoints: every request refused").isEqualTo(100);
        assertThat(live.operator().crashLoop("web-blue", false).applied()).isTrue();
        run(live, 120); // the next back-off ends within 40 s, then 20 s of startup
        assertThat(live.status().deployment("web-blue").readyReplicas()).isEqualTo(2);
        assertThat(live.status().errorRatePercent()).isZero();
    }

    @Test
    void theAgentsActuatorMovesTrafficAndIsLogged() {
        LiveSimulation live = live(runbookCluster(60), 1, new LiveLoad.Constant(100));
        run(live, 10);
        assertThat(live.actuator("agent").switchSelector("green", "blue degraded").applied()).isTrue();
        LiveStatus s = live.status();
        assertThat(s.selector()).containsEntry("color", "green");
        assertThat(s.trafficPercent()).containsEntry("green", 100).containsEntry("blue", 0);
        assertThat(live.actuator("agent").setTrafficSplit(Map.of("blue", 70, "green", 30), "test").applied()).isTrue();
        assertThat(live.status().selector()).doesNotContainKey("color").containsEntry("app", "web");
        assertThat(live.status().selectorJson()).isEqualTo("{\"app\":\"web\"}");
        double green = live.read(view -> view.routing().share("green"));
        assertThat(green).isEqualTo(0.3);
        assertThat(live.eventsSince(0)).extracting(RunEvent::source, RunEvent::kind)
                .contains(org.assertj.core.groups.Tuple.tuple("agent", RunEvent.Kind.SELECTOR),
                        org.assertj.core.groups.Tuple.tuple("agent", RunEvent.Kind.SPLIT));
        assertThat(live.eventsSince(1)).hasSize(live.eventsSince(0).size() - 1);
    }

    @Test
    void theScenariosOwnFaultsPlayAtTheirTimes() {
        Scenario s = SimFixtures.blueGreen("faulty", 600, SimFixtures.workload(1, 1), SimFixtures.constant(50, 600),
                2, 1, 500, List.of(SimFixtures.patch(60, "web-blue", Map.of("SLOW_REQUESTS", "10"))));
        LiveSimulation live = live(s, 1, new LiveLoad.Constant(50));
        run(live, 59);
        assertThat(live.rollout("web-blue").complete()).isTrue();
        run(live, 2);
        assertThat(live.rollout("web-blue").complete()).isFalse();
        assertThat(live.eventsSince(0)).extracting(RunEvent::source).containsExactly("scenario");
    }

    @Test
    void badInputNamesTheField() {
        LiveSimulation live = live(runbookCluster(60), 1, new LiveLoad.Constant(10));
        LiveOperator op = live.operator();
        assertThatThrownBy(() -> op.patchEnv("web-purple", Map.of("A", "1")))
                .hasMessage("deployment: unknown deployment 'web-purple' (known: web-blue, web-green)");
        assertThatThrownBy(() -> op.patchEnv("web-blue", Map.of("SLOW_REQUESTS", "200")))
                .hasMessageStartingWith("env.SLOW_REQUESTS: '200' is out of range");
        assertThatThrownBy(() -> op.patchEnv("web-blue", Map.of("SLOW_REQUESTS", "lots")))
                .hasMessageStartingWith("env.SLOW_REQUESTS: 'lots' is not a number");
        assertThatThrownBy(() -> op.patchEnv("web-blue", Map.of("1BAD", "1"))).hasMessageStartingWith("env: '1BAD'");
        assertThatThrownBy(() -> op.patchEnv("web-blue", Map.of())).hasMessageStartingWith("env: give at least one");
        assertThatThrownBy(() -> op.scale("web-blue", -1)).hasMessageStartingWith("replicas:");
        assertThatThrownBy(() -> op.killPods("web-blue", 0)).hasMessageStartingWith("count:");
        assertThatThrownBy(() -> live.rollout("nope")).hasMessageStartingWith("deployment: unknown deployment 'nope'");
        assertThatThrownBy(() -> new LiveSimulation(runbookCluster(60), 1, 0, new LiveLoad.Constant(1), () -> 0L))
                .hasMessageStartingWith("speed:");
        assertThat(live.rollout("web-blue").complete()).as("nothing was applied").isTrue();
    }
}
