package dev.failoverlab.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failoverlab.agent.port.PodMetrics;
import dev.failoverlab.harness.policy.PolicyFactory;
import dev.failoverlab.harness.run.ColorSample;
import dev.failoverlab.harness.run.RunEvent;
import dev.failoverlab.harness.run.RunRecording;
import dev.failoverlab.harness.run.Sample;
import dev.failoverlab.harness.scenario.FaultSpec;
import dev.failoverlab.harness.scenario.Scenario;
import dev.failoverlab.loadgen.profile.LoadProfile;
import dev.failoverlab.loadgen.profile.LoadSegment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class SimConservationTest {

    /** Every fault kind, overlapping, under load that overloads blue at times. */
    static Scenario stormy() {
        LoadProfile load = new LoadProfile(List.of(new LoadSegment.Constant(300, 60),
                new LoadSegment.Ramp(300, 700, 120), new LoadSegment.Spike(500, 1200, 60, 10, 30, 180),
                new LoadSegment.Constant(400, 120)));
        List<FaultSpec> faults = List.of(
                SimFixtures.patch(30, "web-blue", Map.of("SLOW_REQUESTS", "30")),
                new FaultSpec.CrashLoop(SimFixtures.at(60), "web-green", Duration.ofSeconds(70), SimFixtures.HERE),
                new FaultSpec.PodKill(SimFixtures.at(90), "web-blue", 2, SimFixtures.HERE),
                new FaultSpec.MemoryLeak(SimFixtures.at(120), "web-blue", 150, SimFixtures.HERE),
                SimFixtures.patch(150, "web-blue", Map.of("RANDOM_ERRORS", "10", "SLOW_REQUESTS", "0")),
                new FaultSpec.FailReadiness(SimFixtures.at(200), "web-green", Duration.ofSeconds(30),
                        SimFixtures.HERE),
                new FaultSpec.CpuContention(SimFixtures.at(260), "web-blue", 0.4, Duration.ofSeconds(60),
                        SimFixtures.HERE),
                new FaultSpec.SlowStart(SimFixtures.at(300), "web-blue", 45, SimFixtures.HERE),
                new FaultSpec.PodKill(SimFixtures.at(330), "web-blue", 1, SimFixtures.HERE));
        return SimFixtures.blueGreen("stormy", 480, SimFixtures.workload(4, 1), load, 3, 2, 500, faults);
    }

    /** A crude CPU autoscaler plus traffic moves, so actions interleave with faults. */
    static PolicyFactory scaler() {
        return SimFixtures.policy("scaler", ctx -> {
            ctx.scheduler().every(Duration.ofSeconds(15), Duration.ofSeconds(15), () -> {
                for (var d : ctx.cluster().deployments()) {
                    List<PodMetrics> metrics = ctx.cluster().podMetrics(d.name());
                    if (metrics.isEmpty()) {
                        continue;
                    }
                    double cpu = metrics.stream().mapToDouble(PodMetrics::cpuMillis).average().orElse(0);
                    int desired = (int) Math.ceil(d.specReplicas() * cpu / (0.5 * d.cpuRequestMillis()));
                    ctx.actuator().scale(d.name(), Math.max(1, Math.min(8, desired)), "cpu " + Math.round(cpu));
                }
            });
            ctx.scheduler().at(Duration.ofSeconds(140), () ->
                    ctx.actuator().setTrafficSplit(Map.of("blue", 60, "green", 40), "spread"));
            ctx.scheduler().at(Duration.ofSeconds(250), () -> ctx.actuator().switchSelector("green", "move"));
            ctx.scheduler().at(Duration.ofSeconds(400), () -> ctx.actuator().switchSelector("blue", "back"));
        });
    }

    @Test
    void everySampleConservesRequestsAcrossSeedsFaultsAndActions() {
        for (long seed = 1; seed <= 4; seed++) {
            RunRecording run = SimFixtures.run(stormy(), scaler(), seed);
            assertThat(run.samples()).hasSize(96);
            long arrived = 0;
            for (Sample s : run.samples()) {
                assertThat(s.cumArrived()).as("seed %d t=%s", seed, s.tSeconds())
                        .isEqualTo(s.cumCompleted() + s.cumFailed() + s.inFlight());
                assertThat(List.of(s.cumArrived(), s.cumCompleted(), s.cumFailed(), s.inFlight(), s.arrivals(),
                        s.ok(), s.errors())).allSatisfy(v -> assertThat(v).isNotNegative());
                long colorArrivals = 0;
                long colorOk = 0;
                long colorErrors = 0;
                for (ColorSample c : s.colors()) {
                    assertThat(List.of(c.arrivals(), c.ok(), c.errors(), (long) c.readyReplicas(), (long) c.pods(),
                            (long) c.desiredReplicas())).allSatisfy(v -> assertThat(v).isNotNegative());
                    assertThat(c.podSeconds()).isBetween(0.0, c.pods() * 5.0 + 50);
                    assertThat(c.readyReplicas()).isLessThanOrEqualTo(c.pods());
                    colorArrivals += c.arrivals();
                    colorOk += c.ok();
                    colorErrors += c.errors();
                }
                assertThat(colorArrivals).isEqualTo(s.arrivals());
                assertThat(colorOk).isEqualTo(s.ok());
                assertThat(colorErrors).isEqualTo(s.errors());
                arrived += s.arrivals();
                assertThat(s.cumArrived()).isEqualTo(arrived);
            }
            assertThat(run.stats().requests()).isEqualTo(arrived);
            assertThat(run.events()).filteredOn(e -> e.kind() == RunEvent.Kind.FAULT).hasSize(9);
            assertThat(run.events()).filteredOn(e -> e.kind() == RunEvent.Kind.FAULT_END).hasSize(3);
            assertThat(run.events()).filteredOn(e -> e.kind() == RunEvent.Kind.SCALE).isNotEmpty();
            Sample last = run.samples().get(run.samples().size() - 1);
            assertThat(last.cumFailed()).as("faults cost requests").isPositive();
            assertThat(last.cumCompleted()).isGreaterThan(last.cumFailed());
        }
    }
}
