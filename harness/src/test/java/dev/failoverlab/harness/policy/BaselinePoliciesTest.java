package dev.failoverlab.harness.policy;

import dev.failoverlab.agent.metrics.Scrapes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failoverlab.agent.port.ProbeResult;
import dev.failoverlab.loadgen.yaml.YamlFileException;
import dev.failoverlab.harness.scenario.Settings;
import dev.failoverlab.loadgen.yaml.SourceLocation;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Registration, settings and wiring of the two baseline policies. */
final class BaselinePoliciesTest {

    private static Settings settings(String key, String text) {
        return new Settings(Map.of(key, new Settings.Value(text, new SourceLocation("s.yaml", 7, 5),
                "settings.x." + key)));
    }

    @Test
    void bothAreRegisteredByNameWithTheirKeys() {
        PolicyRegistry registry = PolicyRegistry.standard();
        assertThat(registry.names()).containsExactly("traditional", "metric-analysis", "ai-agent");
        assertThat(registry.settingKeys("traditional")).containsExactlyInAnyOrder("targetCpuPercent", "syncPeriod",
                "tolerance", "scaleDownStabilization", "cpuInitializationPeriod", "initialReadinessDelay",
                "probePeriod", "failureThreshold");
        assertThat(registry.settingKeys("metric-analysis")).containsExactlyInAnyOrder("targetCpuPercent",
                "syncPeriod", "tolerance", "scaleDownStabilization", "cpuInitializationPeriod",
                "initialReadinessDelay", "interval", "window", "threshold", "minSuccessRatePercent", "maxP99Ms");
        assertThat(registry.all()).allSatisfy(f -> assertThat(f.description()).isNotBlank().doesNotContain("\n"));
    }

    @Test
    void badValuesAreReportedAtTheirPlace() {
        PolicyFactory traditional = PolicyRegistry.standard().get("traditional");
        assertThatThrownBy(() -> traditional.create(settings("failureThreshold", "0")))
                .isInstanceOf(YamlFileException.class)
                .hasMessage("s.yaml:7:5: settings.x.failureThreshold: must be an integer of at least 1, got 0");
        assertThatThrownBy(() -> traditional.create(settings("probePeriod", "0s")))
                .hasMessageContaining("s.yaml:7:5: settings.x.probePeriod: must be a duration greater than zero");
        assertThatThrownBy(() -> traditional.create(settings("tolerance", "1.5")))
                .hasMessage("s.yaml:7:5: settings.x.tolerance: must be a number from 0 to 0.99, got 1.5");
        PolicyFactory analysis = PolicyRegistry.standard().get("metric-analysis");
        assertThatThrownBy(() -> analysis.create(settings("minSuccessRatePercent", "101")))
                .hasMessageContaining("must be a number from 0 to 100, got 101");
        assertThatThrownBy(() -> analysis.create(settings("window", "soon")))
                .hasMessageContaining("s.yaml:7:5: settings.x.window: expected a duration like 30s or 5m")
                .hasMessageContaining("got 'soon'");
    }

    @Test
    void traditionalRunsOneHpaPerDeploymentAndTheWatcherWithOverrides() {
        FakeContext ctx = new FakeContext();
        PolicyRegistry.standard().get("traditional").create(settings("failureThreshold", "1")).start(ctx);
        assertThat(ctx.scheduler.taskCount()).isEqualTo(3);
        ctx.cluster.probes("blue", new ProbeResult(false, 0, "connection refused"));
        ctx.scheduler.advanceTo(Duration.ofSeconds(10));
        assertThat(ctx.actuator.of("switch")).singleElement().satisfies(a -> assertThat(a.target()).isEqualTo("green"));
        assertThat(ctx.log.notes.get(0)).startsWith("traditional: HPA cpu target 50%");
    }

    @Test
    void metricAnalysisRunsOneHpaPerDeploymentAndTheAnalysis() {
        FakeContext ctx = new FakeContext();
        PolicyRegistry.standard().get("metric-analysis").create(settings("interval", "30s")).start(ctx);
        assertThat(ctx.scheduler.taskCount()).isEqualTo(3);
        ctx.cluster.scrapes.put("blue", Scrapes.steady(ManualScheduler.START.plusSeconds(30), 50, Scrapes.fast()));
        ctx.scheduler.advanceTo(Duration.ofSeconds(30));
        assertThat(ctx.actuator.of("switch")).singleElement().satisfies(a -> assertThat(a.target()).isEqualTo("green"));
        assertThat(ctx.log.containing("success rate 95.00%")).isNotEmpty();
    }
}
