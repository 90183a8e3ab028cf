package dev.failoverlab.harness.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failoverlab.loadgen.profile.LoadSegment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The public suite and the README's examples parse, and their numbers make physical sense: capacity exists
 * for every peak, healthy scenarios never exceed the starting capacity, the budget binds where the description
 * says it does, and the whole suite stays small enough for the simulator's time budget.
 */
final class PublicSuiteTest {
    private static final List<String> SUITE = List.of("double-load-45m", "flash-crowd", "gradual-load",
            "green-worse", "healthy-noise", "nuanced-failure", "pod-crash", "slow-requests", "worldcup-replay");
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    private final ScenarioParser parser = new ScenarioParser(new TestCatalog());

    static Stream<Path> suiteFiles() {
        try (Stream<Path> files = Files.list(SuitePaths.scenariosDir())) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Scenario parseSuiteFile(Path file) {
        try {
            String yaml = Files.readString(file);
            return parse(yaml, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Scenario parse(String yaml, String name) {
        Path base = SuitePaths.traceBaseDir();
        if (yaml.contains("replay:")) {
            Assumptions.assumeTrue(base != null,
                    "the shared traces (../shared/data/traces beside the checkout) are not here");
        }
        return parser.parse(yaml, name, base != null ? base : SuitePaths.scenariosDir());
    }

    private List<Scenario> suite() {
        return suiteFiles().map(this::parseSuiteFile).toList();
    }

    @Test
    void theSuiteHasTheNineDocumentedScenarios() {
        assertThat(suiteFiles().map(p -> p.getFileName().toString().replace(".yaml", ""))).containsExactlyElementsOf(SUITE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suiteFiles")
    void everySuiteFileParsesAndSaysWhatAGoodPolicyDoes(Path file) {
        Scenario s = parseSuiteFile(file);

        assertThat(s.name()).isEqualTo(file.getFileName().toString().replace(".yaml", ""));
        assertThat(s.description()).contains("good policy");
        assertThat(s.expect()).isNotEmpty();
        assertThat(s.load().durationSeconds()).isLessThanOrEqualTo(s.durationSeconds());
    }

    @Test
    void everyYamlExampleInTheReadmeParses() throws IOException {
        String readme = Files.readString(SuitePaths.scenariosDir().resolve("README.md"));
        Matcher m = YAML_BLOCK.matcher(readme);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(parse(m.group(1), "README.md").name());
        }
        assertThat(names).containsExactly("readme-complete-example", "readme-replay-example", "readme-queries-example");
    }

    @Test
    void everyPeakFitsTheHpaRangeAndHealthyScenariosNeverExceedStartingCapacity() {
        for (Scenario s : suite()) {
            DeploymentSpec active = s.cluster().byColor(s.cluster().active());
            double peak = peakRps(s);
            double perPodRps = active.cpuMillis() / s.workload().cpuPerRequestMs();
            int hpaPodsAtPeak = (int) Math.ceil(peak / (0.5 * perPodRps));
            assertThat(hpaPodsAtPeak).as("%s: HPA pods at %.0f rps", s.name(), peak)
                    .isLessThanOrEqualTo(active.maxReplicas());
            boolean healthy = s.faults().isEmpty() && s.expect().stream()
                    .anyMatch(e -> e instanceof Expectation.NoTrafficShift);
            if (healthy) {
                assertThat(peak).as("%s: a healthy scenario must not outrun the starting pods", s.name())
                        .isLessThanOrEqualTo(active.replicas() * perPodRps);
            }
        }
    }

    @Test
    void theSuiteIsAboutThreeSimulatedHoursAtAFewHundredRps() {
        List<Scenario> suite = suite();
        double seconds = suite.stream().mapToDouble(Scenario::durationSeconds).sum();
        double requests = suite.stream().mapToDouble(s -> s.load().expectedRequests()).sum();

        assertThat(seconds / 3600).isBetween(2.75, 3.25);
        assertThat(requests / seconds).as("mean rps").isBetween(200.0, 700.0);
        assertThat(suite).allSatisfy(s -> assertThat(peakRps(s)).isLessThanOrEqualTo(1000.0));
    }

    @Test
    void theDoubleLoadBudgetPaysForFourPodsButNotFive() {
        Scenario s = parseSuiteFile(SuitePaths.scenariosDir().resolve("double-load-45m.yaml"));
        DeploymentSpec pod = s.cluster().byColor("blue");
        double perPodHour = pod.cpuMillis() / 1000.0 * s.pricing().vcpuHour()
                + pod.memoryBytes() / (double) (1L << 30) * s.pricing().gibHour();

        assertThat(3 * perPodHour).as("the runbook's $8.20/h for three pods").isBetween(8.0, 8.4);
        assertThat(4 * perPodHour).isLessThanOrEqualTo(s.budget().perHour());
        assertThat(5 * perPodHour).isGreaterThan(s.budget().perHour());
        double coresAtPeak = peakRps(s) * s.workload().cpuPerRequestMs() / 1000.0;
        assertThat(coresAtPeak / (4 * pod.cpuMillis() / 1000.0)).as("CPU on 4 pods").isLessThanOrEqualTo(0.5);
    }

    @Test
    void nuancedFailureNeedsGreenScaledBeforeTheSwitch() {
        Scenario s = parseSuiteFile(SuitePaths.scenariosDir().resolve("nuanced-failure.yaml"));
        DeploymentSpec green = s.cluster().byColor("green");
        double greenCapacity = green.replicas() * green.cpuMillis() / s.workload().cpuPerRequestMs();

        assertThat(s.load().rateAt(10 * 60)).isGreaterThan(greenCapacity);
        assertThat(s.context()).containsEntry("time_of_day", "peak_hours");
    }

    private static double peakRps(Scenario s) {
        return s.load().segments().stream().mapToDouble(LoadSegment::maxRate).max().orElse(0);
    }
}
