package dev.failoverlab.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.failoverlab.agent.port.PodInfo;
import dev.failoverlab.agent.port.PodMetrics;
import dev.failoverlab.agent.port.ProbeResult;
import dev.failoverlab.agent.port.ScrapeSample;
import dev.failoverlab.harness.run.RunEvent;
import dev.failoverlab.harness.run.RunRecording;
import dev.failoverlab.harness.run.Sample;
import dev.failoverlab.harness.scenario.FaultSpec;
import dev.failoverlab.harness.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class SimFaultsTest {

    private static Scenario lightLoad(int blue, List<FaultSpec> faults) {
        return SimFixtures.blueGreen("faults", 300, SimFixtures.workload(4, 1), SimFixtures.constant(100, 300),
                blue, 1, 500, faults);
    }

    private static Sample at(RunRecording run, double t) {
        return run.samples().stream().filter(s -> s.tSeconds() == t).findFirst().orElseThrow();
    }

    @Test
    void crashLoopTakesEveryPodOutAndProbesFailUntilBackOffEnds() {
        Scenario s = lightLoad(2, List.of(new FaultSpec.CrashLoop(SimFixtures.at(30), "web-blue",
                Duration.ofSeconds(120), SimFixtures.HERE)));
        List<ProbeResult> probes = new ArrayList<>();
        List<List<PodInfo>> pods = new ArrayList<>();
        var watcher = SimFixtures.policy("watcher", ctx -> {
            ctx.scheduler().at(Duration.ofSeconds(45), () -> {
                probes.add(ctx.cluster().probe("blue"));
                pods.add(ctx.cluster().pods("web-blue"));
            });
            ctx.scheduler().at(Duration.ofSeconds(190), () -> pods.add(ctx.cluster().pods("web-blue")));
        });
        RunRecording run = SimFixtures.run(s, watcher, 3);
        assertThat(probes.get(0).healthy()).isFalse();
        assertThat(probes.get(0).detail()).isEqualTo("no ready endpoints");
        assertThat(pods.get(0)).hasSize(2).allSatisfy(p -> {
            assertThat(p.phase()).isEqualTo(PodInfo.Phase.CRASH_LOOP_BACK_OFF);
            assertThat(p.ready()).isFalse();
            // exit at 30 s, immediate restart, exit (10 s back-off), exit at 40 s (20 s back-off)
            assertThat(p.restarts()).isEqualTo(3);
        });
        // back-off 0, 10, 20, 40, 80 s: exits at 30, 30, 40, 60, 100; the fault ends at 150; start at 180
        assertThat(pods.get(1)).allSatisfy(p -> assertThat(p.restarts()).isEqualTo(5));
        for (Sample x : SimFixtures.between(run, 35, 195)) {
            assertThat(x.color("blue").readyReplicas()).as("t=%s", x.tSeconds()).isZero();
            assertThat(x.color("blue").ok()).isZero();
            assertThat(x.color("blue").errors()).isEqualTo(x.color("blue").arrivals());
        }
        assertThat(at(run, 200).color("blue").readyReplicas()).isEqualTo(2); // ready at 180 + 20 s startup
        assertThat(at(run, 300).errors()).isZero();
        assertThat(run.events()).extracting(RunEvent::kind, RunEvent::tSeconds)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RunEvent.Kind.FAULT, 30.0),
                        org.assertj.core.groups.Tuple.tuple(RunEvent.Kind.FAULT_END, 150.0));
    }

    @Test
    void slowRequestsPatchSlowsAboutThatShareOnceRolledOutWhileHealthzStaysHealthy() {
        Scenario s = lightLoad(4, List.of(SimFixtures.patch(30, "web-blue", Map.of("SLOW_REQUESTS", "20"))));
        List<ScrapeSample> scrapes = new ArrayList<>();
        List<ProbeResult> probes = new ArrayList<>();
        List<Integer> updated = new ArrayList<>();
        var watcher = SimFixtures.policy("watcher", ctx -> {
            for (int t : new int[] {30, 120, 300}) {
                ctx.scheduler().at(Duration.ofSeconds(t), () -> {
                    List<ScrapeSample> recent = ctx.cluster().scrapes("blue", Duration.ofSeconds(15));
                    scrapes.add(recent.get(recent.size() - 1));
                    probes.add(ctx.cluster().probe("blue"));
                    updated.add(ctx.cluster().deployments().get(0).updatedReplicas());
                });
            }
        });
        RunRecording run = SimFixtures.run(s, watcher, 8);
        int le500 = 6;
        assertThat(ScrapeBuckets.upper(scrapes.get(0), le500)).isEqualTo(500);
        assertThat(scrapes.get(0).bucketCounts()[le500]).as("no slow request before the patch")
                .isEqualTo(scrapes.get(0).requests());
        long n = scrapes.get(2).requests() - scrapes.get(1).requests();
        long fast = scrapes.get(2).bucketCounts()[le500] - scrapes.get(1).bucketCounts()[le500];
        double slowShare = 1 - (double) fast / n;
        double sigma = Math.sqrt(0.2 * 0.8 / n);
        assertThat(n).isGreaterThan(15_000);
        assertThat(slowShare).isCloseTo(0.2, within(4.5 * sigma));
        assertThat(updated).containsExactly(1, 4, 4); // the patch applies first at 30 s: one surge pod
        assertThat(probes).allSatisfy(p -> assertThat(p.healthy()).isTrue());
        // slow requests are slow but not failed
        assertThat(SimFixtures.between(run, 120, 300)).allSatisfy(x -> {
            assertThat(x.errors()).isZero();
            assertThat(x.p95Ms()).isGreaterThanOrEqualTo(700);
        });
    }

    @Test
    void randomErrorsPatchFailsAboutThatShare() {
        Scenario s = lightLoad(4, List.of(SimFixtures.patch(30, "web-blue", Map.of("RANDOM_ERRORS", "5"))));
        List<ProbeResult> probes = new ArrayList<>();
        var watcher = SimFixtures.policy("watcher", ctx -> ctx.scheduler().every(Duration.ofSeconds(30),
                Duration.ofSeconds(150), () -> probes.add(ctx.cluster().probe("blue"))));
        RunRecording run = SimFixtures.run(s, watcher, 9);
        long ok = 0;
        long errors = 0;
        for (Sample x : SimFixtures.between(run, 120, 300)) {
            ok += x.ok();
            errors += x.errors();
        }
        long n = ok + errors;
        assertThat(SimFixtures.between(run, 0, 30)).allSatisfy(x -> assertThat(x.errors()).isZero());
        assertThat((double) errors / n).isCloseTo(0.05, within(4.5 * Math.sqrt(0.05 * 0.95 / n)));
        assertThat(probes).isNotEmpty().allSatisfy(p -> assertThat(p.healthy()).isTrue());
    }

    @Test
    void killedPodIsReplacedAndReadyAfterSchedulingAndStartup() {
        Scenario s = lightLoad(3, List.of(new FaultSpec.PodKill(SimFixtures.at(60), "web-blue", 1,
                SimFixtures.HERE)));
        List<List<PodInfo>> seen = new ArrayList<>();
        var watcher = SimFixtures.policy("watcher", ctx -> {
            for (int t : new int[] {59, 62, 90}) {
                ctx.scheduler().at(Duration.ofSeconds(t), () -> seen.add(ctx.cluster().pods("web-blue")));
            }
        });
        RunRecording run = SimFixtures.run(s, watcher, 4);
        String killed = seen.get(0).get(0).name(); // the oldest pod goes first
        assertThat(seen.get(1)).extracting(PodInfo::name).doesNotContain(killed).hasSize(3);
        PodInfo replacement = seen.get(1).get(2);
        assertThat(replacement.phase()).isEqualTo(PodInfo.Phase.RUNNING);
        assertThat(replacement.ready()).isFalse();
        assertThat(replacement.startTime()).isEqualTo(Instant.EPOCH.plusSeconds(61)); // scheduled after 1 s
        PodInfo later = seen.get(2).stream().filter(p -> p.name().equals(replacement.name())).findFirst()
                .orElseThrow();
        assertThat(later.ready()).isTrue();
        assertThat(later.readyTransition()).isEqualTo(Instant.EPOCH.plusSeconds(81)); // + 20 s startup
        assertThat(at(run, 65).color("blue").readyReplicas()).isEqualTo(2);
        assertThat(at(run, 65).color("blue").pods()).isEqualTo(3);
        assertThat(at(run, 85).color("blue").readyReplicas()).isEqualTo(3);
    }

    @Test
    void failingReadinessEmptiesEndpointsWithoutRestartingPods() {
        Scenario s = lightLoad(2, List.of(new FaultSpec.FailReadiness(SimFixtures.at(30), "web-blue",
                Duration.ofSeconds(60), SimFixtures.HERE)));
        List<List<PodInfo>> seen = new ArrayList<>();
        List<ProbeResult> probes = new ArrayList<>();
        var watcher = SimFixtures.policy("watcher", ctx -> ctx.scheduler().at(Duration.ofSeconds(60), () -> {
            seen.add(ctx.cluster().pods("web-blue"));
            probes.add(ctx.cluster().probe("blue"));
        }));
        RunRecording run = SimFixtures.run(s, watcher, 5);
        assertThat(at(run, 35).color("blue").readyReplicas()).isEqualTo(2); // noticed 10 s later
        assertThat(at(run, 45).color("blue").readyReplicas()).isZero();
        assertThat(at(run, 95).color("blue").readyReplicas()).isZero();
        assertThat(at(run, 105).color("blue").readyReplicas()).isEqualTo(2);
        assertThat(seen.get(0)).allSatisfy(p -> {
            assertThat(p.phase()).isEqualTo(PodInfo.Phase.RUNNING);
            assertThat(p.restarts()).isZero();
        });
        assertThat(probes.get(0).detail()).isEqualTo("no ready endpoints");
    }

    @Test
    void memoryLeakEndsInOomKillAndRestartWithFreshWorkingSet() {
        // limit 256 MiB, idle 120 MiB, +60 MiB/min from 30 s: OOM about 136 s later
        Scenario s = lightLoad(2, List.of(new FaultSpec.MemoryLeak(SimFixtures.at(30), "web-blue", 60,
                SimFixtures.HERE)));
        List<List<PodMetrics>> metrics = new ArrayList<>();
        List<List<PodInfo>> pods = new ArrayList<>();
        var watcher = SimFixtures.policy("watcher", ctx -> {
            for (int t : new int[] {91, 151, 240}) {
                ctx.scheduler().at(Duration.ofSeconds(t), () -> {
                    metrics.add(ctx.cluster().podMetrics("web-blue"));
                    pods.add(ctx.cluster().pods("web-blue"));
                });
            }
        });
        RunRecording run = SimFixtures.run(s, watcher, 6);
        double mib = 1024 * 1024;
        assertThat(metrics.get(0)).hasSize(2).allSatisfy(m -> assertThat(m.memoryBytes() / mib)
                .isCloseTo(120 + 60, within(3.0))); // sampled at 90 s: 60 s of leak
        assertThat(metrics.get(1)).allSatisfy(m -> assertThat(m.memoryBytes() / mib).isCloseTo(240, within(3.0)));
        assertThat(pods.get(1)).allSatisfy(p -> assertThat(p.restarts()).isZero());
        assertThat(pods.get(2)).allSatisfy(p -> assertThat(p.restarts()).isEqualTo(1));
        assertThat(SimFixtures.between(run, 165, 170)).allSatisfy(x ->
                assertThat(x.color("blue").readyReplicas()).isZero());
        assertThat(at(run, 190).color("blue").readyReplicas()).isEqualTo(2); // restart + 20 s startup
        assertThat(at(run, 190).color("blue").memoryMiB()).isLessThan(160);
    }

    @Test
    void cpuContentionSlowsRequestsWithoutChangingTheWork() {
        Scenario s = SimFixtures.blueGreen("contention", 240, SimFixtures.workload(4, 1),
                SimFixtures.constant(300, 240), 4, 1, 500, List.of(new FaultSpec.CpuContention(SimFixtures.at(60),
                        "web-blue", 0.3, Duration.ofSeconds(120), SimFixtures.HERE)));
        RunRecording run = SimFixtures.run(s, SimFixtures.idle(), 7);
        double before = median(SimFixtures.between(run, 10, 60));
        double during = median(SimFixtures.between(run, 70, 180));
        double after = median(SimFixtures.between(run, 190, 240));
        // 60 % busy becomes 86 % of the slower CPU: M/M/1 p50 grows several-fold
        assertThat(during).isGreaterThan(2 * before);
        assertThat(after).isLessThan(during / 2);
        double utilDuring = SimFixtures.between(run, 70, 180).stream()
                .mapToDouble(x -> x.color("blue").cpuUtilPercent()).average().orElseThrow();
        assertThat(utilDuring).isCloseTo(60, within(3.0));
    }

    @Test
    void slowStartDelaysReadinessOfPodsCreatedAfterIt() {
        Scenario s = lightLoad(2, List.of(new FaultSpec.SlowStart(SimFixtures.at(10), "web-blue", 90,
                SimFixtures.HERE), new FaultSpec.PodKill(SimFixtures.at(60), "web-blue", 1, SimFixtures.HERE)));
        RunRecording run = SimFixtures.run(s, SimFixtures.idle(), 2);
        assertThat(at(run, 150).color("blue").readyReplicas()).isEqualTo(1);
        assertThat(at(run, 155).color("blue").readyReplicas()).isEqualTo(2); // 60 + 1 + 90 s
    }

    private static double median(List<Sample> samples) {
        double[] p50 = samples.stream().mapToDouble(Sample::p50Ms).sorted().toArray();
        return p50[p50.length / 2];
    }

    /** Reads a bucket bound of a scrape. */
    private static final class ScrapeBuckets {
        static double upper(ScrapeSample s, int i) {
            return s.bucketUpperMs()[i];
        }
    }
}
