package dev.failoverlab.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failoverlab.agent.port.DeploymentInfo;
import dev.failoverlab.agent.port.PodInfo;
import dev.failoverlab.harness.run.RunRecording;
import dev.failoverlab.harness.run.Sample;
import dev.failoverlab.harness.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class SimRolloutTest {

    private record Observation(double t, int ready, int live, int updated, Set<String> hashes) {
    }

    /** Watches a rollout every second: ready pods, pods not terminating, pods on the new template. */
    private static List<Observation> watchRollout(int replicas, Map<String, String> env, RunRecording[] out) {
        Scenario s = SimFixtures.blueGreen("rollout", 240, SimFixtures.workload(4, 1),
                SimFixtures.constant(20.0 * replicas, 240), replicas, 1, 500,
                List.of(SimFixtures.patch(30, "web-blue", env)));
        List<Observation> seen = new ArrayList<>();
        var watcher = SimFixtures.policy("watcher", ctx -> ctx.scheduler().every(Duration.ofSeconds(1),
                Duration.ZERO, () -> {
                    DeploymentInfo d = ctx.cluster().deployments().get(0);
                    List<PodInfo> pods = ctx.cluster().pods("web-blue");
                    List<PodInfo> live = pods.stream().filter(p -> p.phase() != PodInfo.Phase.TERMINATING).toList();
                    seen.add(new Observation(ctx.clock().now().getEpochSecond(), d.readyReplicas(), live.size(),
                            d.updatedReplicas(), live.stream().map(p -> p.name().split("-")[2])
                            .collect(Collectors.toSet())));
                }));
        out[0] = SimFixtures.run(s, watcher, 13);
        return seen;
    }

    @Test
    void rollingUpdateKeepsAvailabilityAndSurgeBounds() {
        for (int replicas : new int[] {2, 4, 8, 10}) {
            int maxSurge = (replicas + 3) / 4;
            int maxUnavailable = replicas / 4;
            RunRecording[] run = new RunRecording[1];
            List<Observation> seen = watchRollout(replicas, Map.of("SLOW_REQUESTS", "10"), run);
            int minReady = seen.stream().mapToInt(Observation::ready).min().orElseThrow();
            int maxLive = seen.stream().mapToInt(Observation::live).max().orElseThrow();
            assertThat(minReady).as("replicas %d", replicas).isEqualTo(replicas - maxUnavailable);
            assertThat(maxLive).as("replicas %d", replicas).isEqualTo(replicas + maxSurge);
            Observation before = seen.get(29);
            Observation last = seen.get(seen.size() - 1);
            assertThat(before.hashes()).hasSize(1);
            assertThat(last.hashes()).hasSize(1).doesNotContainAnyElementsOf(before.hashes());
            assertThat(last.updated()).isEqualTo(replicas);
            assertThat(last.ready()).isEqualTo(replicas);
            // the rollout takes a few waves of scheduling + startup (21 s each), not longer
            double done = seen.stream().filter(o -> o.t() > 30 && o.updated() == replicas && o.ready() == replicas
                    && o.live() == replicas).mapToDouble(Observation::t).min().orElseThrow();
            assertThat(done).as("replicas %d", replicas).isBetween(51.0, 30 + 21.0 * (replicas / maxSurge + 1));
            for (Sample x : run[0].samples()) {
                assertThat(x.color("blue").readyReplicas()).isGreaterThanOrEqualTo(replicas - maxUnavailable);
                assertThat(x.errors()).isZero(); // a rollout at light load loses no request
            }
        }
    }

    @Test
    void patchBackToAnEarlierTemplateReusesItsRevision() {
        Scenario s = SimFixtures.blueGreen("rollback", 240, SimFixtures.workload(4, 1),
                SimFixtures.constant(40, 240), 2, 1, 500, List.of(
                        SimFixtures.patch(30, "web-blue", Map.of("RANDOM_ERRORS", "50")),
                        SimFixtures.patch(120, "web-blue", Map.of("RANDOM_ERRORS", "0")),
                        SimFixtures.patch(180, "web-blue", Map.of("RANDOM_ERRORS", "50"))));
        List<Set<String>> hashes = new ArrayList<>();
        var watcher = SimFixtures.policy("watcher", ctx -> {
            for (int t : new int[] {110, 170, 239}) {
                ctx.scheduler().at(Duration.ofSeconds(t), () -> hashes.add(ctx.cluster().pods("web-blue").stream()
                        .map(p -> p.name().split("-")[2]).collect(Collectors.toSet())));
            }
        });
        RunRecording run = SimFixtures.run(s, watcher, 1);
        assertThat(hashes.get(0)).hasSize(1);
        assertThat(hashes.get(1)).hasSize(1).doesNotContainAnyElementsOf(hashes.get(0));
        assertThat(hashes.get(2)).isEqualTo(hashes.get(0)); // RANDOM_ERRORS=50 again: the same template
        double errorShare = SimFixtures.between(run, 165, 180).stream().mapToLong(Sample::errors).sum()
                / (double) SimFixtures.between(run, 165, 180).stream().mapToLong(Sample::arrivals).sum();
        assertThat(errorShare).as("\"0\" undoes the patch").isZero();
    }
}
