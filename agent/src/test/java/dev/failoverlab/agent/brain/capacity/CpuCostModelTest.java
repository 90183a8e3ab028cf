package dev.failoverlab.agent.brain.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.failoverlab.agent.brain.fake.CapacityWorld;
import dev.failoverlab.agent.evidence.Evidence;
import dev.failoverlab.agent.observe.ServiceObservation;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class CpuCostModelTest {

    private static Map<String, CpuCostModel.ColourCpu> estimate(CapacityWorld w, CpuSamples samples, Evidence ev) {
        ServiceObservation obs = w.ctx().observer().observe(Duration.ofMinutes(1), Duration.ofHours(1), false, ev);
        return CpuCostModel.estimate(obs, samples, ev);
    }

    @Test
    void windowsAtDifferentLoadsSeparateIdleCpuFromCpuPerRequest() {
        CapacityWorld w = CapacityWorld.runbook(21);
        w.cluster.blue.idleMillis = 50;
        w.cluster.green.cpuRequestMillis = 1000;
        CpuSamples samples = new CpuSamples();
        Map<String, CpuCostModel.ColourCpu> cpu = null;
        Evidence ev = null;
        for (double load : new double[] {100, 200, 300, 400, 500, 250}) {
            w.withHistory(w.flat(load, 20));
            w.clock.advance(Duration.ofMinutes(1));
            ev = new Evidence();
            cpu = estimate(w, samples, ev);
        }
        CpuCostModel.ColourCpu blue = cpu.get("blue");
        assertThat(blue.rate().method()).isEqualTo("regression");
        assertThat(blue.rate().idleCores()).isCloseTo(0.05, within(0.01));
        assertThat(blue.rate().cpuSecondsPerRequest()).isCloseTo(0.001, within(0.00005));
        assertThat(blue.rateAtUtilisation(0.5)).as("(0.25 - 0.05) / 0.001").isCloseTo(200, within(10.0));
        CpuCostModel.ColourCpu green = cpu.get("green");
        assertThat(green.borrowedFrom()).isEqualTo("blue");
        assertThat(green.rate().perPod()).as("twice the CPU, twice the rate").isCloseTo(2 * blue.rate().perPod(),
                within(1e-9));
        assertThat(ev.models()).anyMatch(m -> m.model().startsWith("service-rate(borrowed per CPU core) [green]"));
    }

    @Test
    void anUnsteadyWindowIsNotSampled() {
        CapacityWorld w = CapacityWorld.runbook(22);
        double[] h = w.flat(200, 20);
        h[19] = 600;
        w.withHistory(h);
        CpuSamples samples = new CpuSamples();
        Evidence ev = new Evidence();
        Map<String, CpuCostModel.ColourCpu> cpu = estimate(w, samples, ev);
        assertThat(cpu).isEmpty();
        assertThat(samples.recent("blue", w.clock.now(), Duration.ofHours(1))).isEmpty();
        assertThat(ev.missingData()).anyMatch(m -> m.contains("no steady window yet"));
        assertThat(CpuCostModel.steady(w.flat(200, 4))).isTrue();
        assertThat(CpuCostModel.steady(new double[] {200, 200, 200})).as("too short to tell").isFalse();
    }
}
