package dev.failoverlab.harness.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.failoverlab.harness.scenario.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fit recovers known parameters from measurements the simulator itself produced with another seed (so the
 * fit sees sampling noise, not its own numbers), with an idle CPU offset added as a real JVM has one.
 */
final class WorkloadFitTest {
    private static final double CORES = 2;
    private static final double IDLE_CORES = 0.02;
    private static final WorkloadSpec TRUTH = new WorkloadSpec(2.0, 0.6, 250, 20, 40, 1000, 10, 1.5, 120, 0.5);
    private static final double[] RATES = {150, 350, 600}; // 15 %, 35 %, 60 % of two cores

    private static RealLevel synthetic(SimLevel s) {
        double seconds = SimWorkloadProbe.DEFAULT_SECONDS - SimWorkloadProbe.WARMUP_SECONDS;
        return new RealLevel(s.rps(), s.rps(), s.rps(), s.p50Ms(), s.p95Ms(), s.p99Ms(), 0,
                s.cpuCores() + IDLE_CORES, Math.round(s.rps() * seconds), 0, seconds);
    }

    private static WorkloadFit.Input syntheticInput(WorkloadSpec truth, double slowPercent) {
        SimWorkloadProbe world = new SimWorkloadProbe(CORES, SimWorkloadProbe.DEFAULT_SECONDS, 11);
        List<RealLevel> levels = new ArrayList<>();
        for (double rps : RATES) {
            levels.add(synthetic(world.measure(truth, rps)));
        }
        RealLevel slow = synthetic(world.measure(truth, RATES[0], slowPercent));
        return new WorkloadFit.Input(levels, slow, slowPercent, truth.concurrency(), IDLE_CORES);
    }

    @Test
    void recoversKnownParametersFromSimulatedMeasurements() {
        WorkloadFit fit = new WorkloadFit(CORES, SimWorkloadProbe.DEFAULT_SECONDS, 29);
        WorkloadFit.Result r = fit.fit(syntheticInput(TRUTH, 20));
        WorkloadSpec w = r.workload();
        System.out.printf(java.util.Locale.ROOT, "fitted cpu %.4f ms cv %.3f base %.3f ms slow %.1f ms, CPU fit"
                + " error %.2f %%%n", w.cpuPerRequestMs(), w.cpuCv(), w.baseLatencyMs(), w.slowDelayMs(),
                r.cpuFitErrorPercent());
        assertThat(w.cpuPerRequestMs()).isCloseTo(TRUTH.cpuPerRequestMs(), within(0.03 * TRUTH.cpuPerRequestMs()));
        assertThat(r.idleCores()).isEqualTo(IDLE_CORES);
        assertThat(r.cpuFitErrorPercent()).isLessThan(3);
        assertThat(w.cpuCv()).isCloseTo(TRUTH.cpuCv(), within(0.1));
        assertThat(w.baseLatencyMs()).isCloseTo(TRUTH.baseLatencyMs(), within(0.3));
        assertThat(w.slowDelayMs()).isCloseTo(TRUTH.slowDelayMs(), within(0.02 * TRUTH.slowDelayMs()));
        assertThat(w.concurrency()).isEqualTo(TRUTH.concurrency());
        assertThat(r.cores()).isEqualTo(CORES);
        assertThat(r.sources()).containsOnlyKeys("cpuPerRequestMs", "cpuCv", "baseLatencyMs", "slowDelayMs",
                "concurrency");
        // keys the calibration does not measure stay at the defaults
        assertThat(w.startupSeconds()).isEqualTo(WorkloadSpec.DEFAULTS.startupSeconds());
        assertThat(w.timeoutSeconds()).isEqualTo(WorkloadSpec.DEFAULTS.timeoutSeconds());
    }

    @Test
    void recoversAFixedDemandAndAnExponentialOne() {
        WorkloadFit fit = new WorkloadFit(CORES, SimWorkloadProbe.DEFAULT_SECONDS, 29);
        for (double cv : new double[] {0, 1}) {
            WorkloadSpec truth = WorkloadFit.with(TRUTH, 1.0, cv, 0.8, 700, 100);
            WorkloadSpec w = fit.fit(syntheticInput(truth, 20)).workload();
            assertThat(w.cpuCv()).as("cv %s", cv).isCloseTo(cv, within(0.1));
            assertThat(w.cpuPerRequestMs()).as("cpu at cv %s", cv).isCloseTo(1.0, within(0.03));
            assertThat(w.slowDelayMs()).as("slow at cv %s", cv).isCloseTo(700, within(14.0));
        }
    }

    @Test
    void aLoadGeneratorAndOtherProcessesLeaveThePodFewerCores() {
        double loadgen = 0.25;
        double others = 0.15;
        SimWorkloadProbe world = new SimWorkloadProbe(CORES - loadgen - others, SimWorkloadProbe.DEFAULT_SECONDS, 11);
        RealLevel.Sharing sharing = new RealLevel.Sharing(loadgen, others, 5, 5, Double.NaN, true);
        List<RealLevel> levels = new ArrayList<>();
        for (double rps : RATES) {
            SimLevel s = world.measure(TRUTH, rps);
            levels.add(new RealLevel(rps, rps, rps, s.p50Ms(), s.p95Ms(), s.p99Ms(), 0, s.cpuCores(), 1000, 0, 10,
                    sharing));
        }
        WorkloadFit fit = new WorkloadFit(CORES, SimWorkloadProbe.DEFAULT_SECONDS, 29);
        WorkloadSpec w = fit.fit(new WorkloadFit.Input(levels, null, 0, 40, 0)).workload();
        assertThat(fit.probeFor(levels.get(0)).cores()).isCloseTo(CORES - loadgen - others, within(1e-12));
        assertThat(w.cpuCv()).isCloseTo(TRUTH.cpuCv(), within(0.1));
        assertThat(w.baseLatencyMs()).isCloseTo(TRUTH.baseLatencyMs(), within(0.3));
        // at 60 % of two cores, 1.6 cores queue visibly more: the fitted model reproduces it on the same pod
        SimLevel top = fit.probeFor(levels.get(2)).measure(w, RATES[2]);
        assertThat(top.p95Ms()).isCloseTo(levels.get(2).p95Ms(), within(0.05 * levels.get(2).p95Ms()));
    }

    @Test
    void withoutASlowRunTheSlowDelayKeepsItsDefault() {
        WorkloadFit.Input full = syntheticInput(TRUTH, 20);
        WorkloadFit fit = new WorkloadFit(CORES, SimWorkloadProbe.DEFAULT_SECONDS, 29);
        WorkloadFit.Result r = fit.fit(new WorkloadFit.Input(full.levels(), null, 0, 40, IDLE_CORES));
        assertThat(r.workload().slowDelayMs()).isEqualTo(WorkloadSpec.DEFAULTS.slowDelayMs());
        assertThat(r.sources()).doesNotContainKey("slowDelayMs");
    }

    @Test
    void refusesCpuThatDoesNotRiseWithTheRate() {
        List<RealLevel> flat = new ArrayList<>();
        for (double rps : RATES) {
            flat.add(new RealLevel(rps, rps, rps, 2, 4, 6, 0, 0.3, 1000, 0, 10));
        }
        WorkloadFit fit = new WorkloadFit(CORES, 60, 1);
        assertThatThrownBy(() -> fit.fit(new WorkloadFit.Input(flat, null, 0, 100, 0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("did not rise with the rate");
        assertThatThrownBy(() -> fit.fit(new WorkloadFit.Input(flat.subList(0, 1), null, 0, 100, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two or more different rates");
    }

    @Test
    void refusesASlowRunWhoseP95IsNotAmongTheSlowRequests() {
        WorkloadFit.Input full = syntheticInput(TRUTH, 20);
        WorkloadFit fit = new WorkloadFit(CORES, 60, 1);
        assertThatThrownBy(() -> fit.fit(new WorkloadFit.Input(full.levels(), full.slowRun(), 4, 40, IDLE_CORES)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SLOW_REQUESTS in [10, 100]");
    }
}
