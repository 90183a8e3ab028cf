package dev.failoverlab.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.failoverlab.agent.port.PodMetrics;
import dev.failoverlab.harness.run.Backend;
import dev.failoverlab.harness.run.RunRecording;
import dev.failoverlab.harness.run.Sample;
import dev.failoverlab.harness.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The simulator against queueing theory: utilisation law, monotone latency, and M/M/c response percentiles. */
final class SimFidelityTest {
    private static final double CPU_MS = 4;

    @Test
    void cpuUtilisationFollowsTheUtilisationLaw() {
        int pods = 4;
        long cpuMillis = 500;
        double rps = 300;
        Scenario s = SimFixtures.blueGreen("utilisation", 300, SimFixtures.workload(CPU_MS, 1),
                SimFixtures.constant(rps, 300), pods, 1, cpuMillis, List.of());
        List<Double> observedCpu = new ArrayList<>();
        var observer = SimFixtures.policy("observer", ctx -> ctx.scheduler().every(Duration.ofSeconds(15),
                Duration.ofSeconds(30), () -> {
                    for (PodMetrics m : ctx.cluster().podMetrics("web-blue")) {
                        observedCpu.add(m.cpuMillis());
                    }
                }));
        RunRecording run = SimFixtures.run(s, observer, 11);
        double expectedPercent = 100 * rps * CPU_MS / (pods * cpuMillis); // 60 %
        double measured = SimFixtures.between(run, 10, 300).stream()
                .mapToDouble(x -> x.color("blue").cpuUtilPercent()).average().orElseThrow();
        assertThat(measured).isCloseTo(expectedPercent, within(0.05 * expectedPercent));
        // metrics-server's per-pod 15 s averages agree with the same law (noisier: one pod, one window each)
        double metricsMean = observedCpu.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(observedCpu).hasSize(pods * 19); // t = 30, 45, …, 300
        assertThat(metricsMean).isCloseTo(expectedPercent / 100 * cpuMillis, within(0.05 * cpuMillis * 0.6));
        assertThat(run.samples().get(30).color("green").cpuUtilPercent()).isZero();
    }

    /** One pod with a 4-core limit: 4 FCFS servers of speed 1, so exactly an M/M/4 queue at 250 req/s each. */
    private static Histogram mm4Latencies(double utilisation, double seconds, long seed) {
        double rps = utilisation * 4 * 1000 / CPU_MS;
        Scenario s = SimFixtures.blueGreen("mm4", seconds, SimFixtures.queueingWorkload(CPU_MS),
                SimFixtures.constant(rps, seconds), 1, 1, 4000, List.of());
        Simulation sim = new Simulation(s, SimFixtures.idle(), seed, Backend.Progress.NONE);
        RunRecording run = sim.run();
        Sample last = run.samples().get(run.samples().size() - 1);
        assertThat(last.cumFailed()).isZero();
        return sim.runLatencies("blue");
    }

    @Test
    void p95RisesMonotonicallyWithUtilisation() {
        double previous = 0;
        for (double rho : new double[] {0.3, 0.5, 0.7, 0.85, 0.95}) {
            double p95 = mm4Latencies(rho, 240, 3).getValueAtPercentile(95) / 1000.0;
            assertThat(p95).as("p95 at utilisation %s", rho).isGreaterThan(previous);
            previous = p95;
        }
    }

    @Test
    void nearSaturationP95MatchesErlangC() {
        for (double rho : new double[] {0.85, 0.9}) {
            Histogram h = mm4Latencies(rho, 900, 5);
            double mu = 1000 / CPU_MS;
            ErlangC theory = new ErlangC(4, rho * 4 * mu, mu);
            double expectedP95 = theory.responsePercentile(95) * 1000;
            double expectedMean = (theory.probabilityOfWaiting() / (4 * mu - rho * 4 * mu) + 1 / mu) * 1000;
            double p95 = h.getValueAtPercentile(95) / 1000.0;
            System.out.printf(Locale.ROOT, "M/M/4 rho=%.2f: p95 sim %.2f ms, Erlang C %.2f ms; mean sim %.2f ms,"
                    + " theory %.2f ms%n", rho, p95, expectedP95, h.getMean() / 1000, expectedMean);
            assertThat(p95).isCloseTo(expectedP95, within(0.08 * expectedP95));
            assertThat(h.getMean() / 1000).isCloseTo(expectedMean, within(0.08 * expectedMean));
        }
    }
}
