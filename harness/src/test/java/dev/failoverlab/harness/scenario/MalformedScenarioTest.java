package dev.failoverlab.harness.scenario;

import dev.failoverlab.loadgen.yaml.SourceLocation;
import dev.failoverlab.loadgen.yaml.YamlFileException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each broken fixture fails with the exact {@code file:line:column}, the field path and the key words of a
 * message that says how to fix it. Columns were counted by hand from the fixture text.
 */
final class MalformedScenarioTest {
    private final ScenarioParser parser = new ScenarioParser(new TestCatalog());

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("unknown-top-level-key", 3, 1, "loads", new String[] {"unknown key 'loads'",
                        "allowed keys: name, description, duration, cluster, workload, pricing, slo, budget,"
                                + " context, load, faults, policies, settings, expect"}),
                Arguments.of("unknown-fault-key", 7, 37, "faults[0].podKill.pods",
                        new String[] {"unknown key 'pods'; allowed keys: deployment, count"}),
                Arguments.of("wrong-type", 4, 21, "load[0].constant.rps",
                        new String[] {"expected a number, got 'lots'"}),
                Arguments.of("bad-duration", 4, 38, "load[0].ramp.over",
                        new String[] {"expected a duration like 30s or 5m", "got '5 minutes'"}),
                Arguments.of("unknown-policy", 5, 25, "policies[1]", new String[] {
                        "unknown policy 'canary'; known policies: traditional, metric-analysis, ai-agent"}),
                Arguments.of("unknown-deployment", 6, 38, "faults[0].crashLoop.deployment",
                        new String[] {"no deployment 'web-purple'", "deployments: web-blue, web-green"}),
                Arguments.of("fault-after-end", 6, 9, "faults[0].at",
                        new String[] {"at 10m is not before the end of the run (duration 10m)"}),
                Arguments.of("yaml-syntax", 5, 7, "", new String[] {"YAML syntax error", "expected ',' or '}'",
                        "while parsing a flow mapping that starts at line 4, column 15"}),
                Arguments.of("missing-required", 2, 1, "", new String[] {"missing required key 'duration'"}),
                Arguments.of("missing-trace", 5, 13, "load[0].replay.file",
                        new String[] {"trace file not found", "no-such-trace.csv", "../shared/data/traces"}),
                Arguments.of("unknown-setting-key", 8, 5, "settings.metric-analysis.treshold", new String[] {
                        "unknown key 'treshold'; allowed keys: interval, maxLatencyMs, minSuccessRatePercent,"
                                + " threshold"}),
                Arguments.of("budget-missing", 6, 19, "expect[0].withinBudget",
                        new String[] {"withinBudget needs a budget", "budget: {perHour:"}),
                Arguments.of("load-too-long", 5, 5, "load[1]",
                        new String[] {"the load ends at 11m, after the scenario's duration 10m"}),
                Arguments.of("duplicate-key", 5, 1, "duration",
                        new String[] {"duplicate key 'duration' (first set at line 2)"}),
                Arguments.of("bad-cpu-quantity", 5, 47, "cluster.deployments.web-blue.cpu",
                        new String[] {"expected a CPU quantity like 500m, 1 or 1.5", "got '500x'"}),
                Arguments.of("percent-out-of-range", 6, 40, "expect[0].atLeastPercent",
                        new String[] {"must be between 0 and 100, got 120"}),
                Arguments.of("unknown-colour", 6, 22, "expect[0].trafficNeverOn",
                        new String[] {"no deployment has colour 'purple'; colours: blue, green"}),
                Arguments.of("two-fault-kinds", 8, 5, "faults[0].crashLoop",
                        new String[] {"a fault has exactly one kind, found both 'podKill' and 'crashLoop'"}),
                Arguments.of("empty", 1, 1, "", new String[] {"the file is empty"}),
                Arguments.of("active-not-a-colour", 3, 19, "cluster.active",
                        new String[] {"active colour 'purple' is not one of the deployments' colours: blue, green"}),
                Arguments.of("env-out-of-range", 9, 28, "faults[0].patchEnv.env.SLOW_REQUESTS",
                        new String[] {"must be between 0 and 100, got 120"}),
                Arguments.of("spike-does-not-fit", 4, 58, "load[0].spike.for",
                        new String[] {"at + rise + hold = 6m does not fit inside for 5m"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void reportsTheExactPlaceAndWhatIsWrong(String fixture, int line, int column, String fieldPath,
                                            String[] keyWords) throws URISyntaxException {
        Path file = Path.of(Objects.requireNonNull(
                getClass().getResource("/scenarios/malformed/" + fixture + ".yaml")).toURI());

        YamlFileException e = catchThrowableOfType(YamlFileException.class, () -> parser.parse(file));

        assertThat(e).as("parsing %s must fail", fixture).isNotNull();
        assertThat(e.location()).isEqualTo(new SourceLocation(file.toString(), line, column));
        String prefix = file + ":" + line + ":" + column + ": " + (fieldPath.isEmpty() ? "" : fieldPath + ": ");
        assertThat(e.getMessage()).startsWith(prefix);
        for (String words : keyWords) {
            assertThat(e.getMessage()).contains(words);
        }
    }
}
