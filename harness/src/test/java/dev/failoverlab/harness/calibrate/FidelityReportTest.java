package dev.failoverlab.harness.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

final class FidelityReportTest {

    @Test
    void everyLevelInsideTheTargetPasses() {
        FidelityReport r = new FidelityReport(List.of(
                new FidelityReport.Row(150, 4.0, 4.4, 0.20, 0.19),
                new FidelityReport.Row(600, 10.0, 8.5, 0.80, 0.82)), 20);
        assertThat(r.rows().get(0).p95DeltaPercent()).isCloseTo(10, within(1e-9));
        assertThat(r.rows().get(1).cpuDeltaPercent()).isCloseTo(2.5, within(1e-9));
        assertThat(r.passed()).isTrue();
        assertThat(r.worstPercent()).isCloseTo(15, within(1e-9));
        assertThat(r.text()).isEqualTo("""
                rate req/s | real p95 ms | sim p95 ms |    Δ% | real CPU cores | sim CPU cores |   Δ%
                -----------|-------------|------------|-------|----------------|---------------|-----
                       150 |        4.00 |       4.40 | +10.0 |          0.200 |         0.190 | -5.0
                       600 |       10.00 |       8.50 | -15.0 |          0.800 |         0.820 | +2.5
                fidelity: PASS, every level's p95 and CPU within 20 % of the real measurement (worst 15.0 %)
                """);
    }

    @Test
    void aLevelOutsideTheTargetIsNamed() {
        FidelityReport r = new FidelityReport(List.of(
                new FidelityReport.Row(150, 4.0, 4.1, 0.20, 0.30),
                new FidelityReport.Row(600, 10.0, 13.0, 0.80, 0.81)), 20);
        assertThat(r.passed()).isFalse();
        assertThat(r.misses()).containsExactly("CPU +50.0 % at 150 req/s", "p95 +30.0 % at 600 req/s");
        assertThat(r.verdict()).isEqualTo("fidelity: MISS, outside 20 %: CPU +50.0 % at 150 req/s,"
                + " p95 +30.0 % at 600 req/s");
    }

    @Test
    void levelsDisturbedByOtherProcessesAreNamedInTheVerdict() {
        FidelityReport r = new FidelityReport(List.of(
                new FidelityReport.Row(150, 4.0, 4.1, 0.20, 0.21, 0.02, true),
                new FidelityReport.Row(600, 10.0, 10.5, 0.80, 0.81, 0.31, false)), 20);
        assertThat(r.passed()).isTrue();
        assertThat(r.undisturbed()).isFalse();
        assertThat(r.verdict()).startsWith("fidelity: PASS").contains("other processes of the machine used 0.31 cores"
                + " at 600 req/s meanwhile").doesNotContain("150 req/s").endsWith("rerun when the machine is quiet");
    }
}
