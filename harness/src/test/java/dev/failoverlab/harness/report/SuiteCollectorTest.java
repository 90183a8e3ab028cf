package dev.failoverlab.harness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failoverlab.harness.run.RawStore;
import dev.failoverlab.harness.scenario.Scenario;
import dev.failoverlab.harness.score.ScenarioFixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SuiteCollectorTest {
    @TempDir
    Path folder;

    @Test
    void anEmptyFolderSaysWhatIsMissing() {
        assertThatThrownBy(() -> SuiteCollector.collect(folder, SyntheticSuite.scenarios()))
                .hasMessageContaining("no raw runs in " + folder.resolve("raw"))
                .hasMessageContaining("raw/<scenario>/<policy>/seed-<n>/run.properties");
    }

    @Test
    void runsWithoutAScenarioDefinitionAreAnError() {
        Scenario slow = SyntheticSuite.scenarios().get(0);
        new RawStore(folder).write(SyntheticSuite.run(slow, "agent", 1));
        Scenario other = ScenarioFixtures.scenario("other", 60, List.of(), List.of());
        assertThatThrownBy(() -> SuiteCollector.collect(folder, List.of(other)))
                .hasMessageContaining("for scenario(s) [slow-blue] have no scenario definition")
                .hasMessageContaining("given: [other]");
    }

    @Test
    void scenariosWithoutRunsAreListedAsNotRunAndPoliciesFollowTheScenarioOrder() {
        Scenario slow = SyntheticSuite.scenarios().get(0);
        RawStore store = new RawStore(folder);
        store.write(SyntheticSuite.run(slow, "agent", 2));
        store.write(SyntheticSuite.run(slow, "reactive", 1));
        store.write(SyntheticSuite.run(slow, "reactive", 2));
        Scenario declared = new Scenario(slow.name(), slow.description(), slow.sourceFile(), slow.duration(),
                slow.cluster(), slow.workload(), slow.pricing(), slow.slo(), slow.context(), slow.load(),
                slow.faults(), List.of("reactive", "agent"), slow.settings(), slow.expect(), slow.budget());

        SuiteResults results = SuiteCollector.collect(folder, List.of(declared, SyntheticSuite.scenarios().get(1)));

        assertThat(results.notRun()).containsExactly("error-burst");
        ScenarioResults r = results.scenarios().get(0);
        assertThat(r.policies()).extracting(p -> p.policy()).containsExactly("reactive", "agent");
        assertThat(r.chartSeed()).isEqualTo(1);
        assertThat(r.chartRuns()).containsOnlyKeys("reactive");
        assertThat(r.seeds()).containsExactly(1L, 2L);
        assertThat(r.comparisons()).allSatisfy(c -> assertThat(c.pairs()).as("only seed 2 is shared").isEqualTo(1));
        assertThat(results.policyPerformance()).extracting(PolicyPerformance::runs).containsExactly(2, 1);
    }

    @Test
    void policiesNotDeclaredByTheScenarioComeLastAlphabetically() {
        assertThat(SuiteCollector.ordered(List.of("zeta", "ai-agent", "alpha", "traditional"),
                List.of("traditional", "ai-agent"))).containsExactly("traditional", "ai-agent", "alpha", "zeta");
    }
}
