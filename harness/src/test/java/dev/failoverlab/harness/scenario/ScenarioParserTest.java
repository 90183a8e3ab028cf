package dev.failoverlab.harness.scenario;

import dev.failoverlab.loadgen.yaml.SourceLocation;
import dev.failoverlab.loadgen.yaml.YamlFileException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.failoverlab.loadgen.profile.LoadSegment;
import dev.failoverlab.loadgen.profile.TraceReplay;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ScenarioParserTest {
    private final ScenarioParser parser = new ScenarioParser(new TestCatalog());

    private Scenario parse(String yaml) {
        return parser.parse(yaml, "t.yaml", traceDir());
    }

    private static Path traceDir() {
        try {
            return Path.of(Objects.requireNonNull(ScenarioParserTest.class.getResource("/scenarios/traces")).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aMinimalScenarioGetsEveryDefault() {
        Scenario s = parse("name: minimal\nduration: 10m\nload:\n  - constant: {rps: 400, for: 5m}\n");

        assertThat(s.name()).isEqualTo("minimal");
        assertThat(s.description()).isEmpty();
        assertThat(s.sourceFile()).isEqualTo("t.yaml");
        assertThat(s.duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.cluster()).isEqualTo(ClusterReader.defaults());
        assertThat(s.cluster().active()).isEqualTo("blue");
        assertThat(s.cluster().deployment("web-blue").replicas()).isEqualTo(2);
        assertThat(s.cluster().byColor("green").name()).isEqualTo("web-green");
        assertThat(s.cluster().byColor("green").memoryLimitBytes()).isEqualTo(256L << 20);
        assertThat(s.workload()).isEqualTo(WorkloadSpec.DEFAULTS);
        assertThat(s.pricing()).isEqualTo(Pricing.DEFAULTS);
        assertThat(s.slo()).isEqualTo(Slo.DEFAULTS);
        assertThat(s.budget()).isEqualTo(Budget.NONE);
        assertThat(s.context()).isEmpty();
        assertThat(s.faults()).isEmpty();
        assertThat(s.policies()).as("empty means all registered").isEmpty();
        assertThat(s.settings()).isEmpty();
        assertThat(s.expect()).isEmpty();
        // shorter load than duration is fine: no load afterwards
        assertThat(s.load().durationSeconds()).isEqualTo(300.0);
        assertThat(s.load().rateAt(400)).isZero();
    }

    @Test
    void readsEverySectionIntoTheModel() {
        Scenario s = parse("""
                name: full
                description: everything at once
                duration: 20m
                cluster:
                  namespace: lab
                  service: front
                  active: green
                  deployments:
                    app-a: {color: green, replicas: 3, minReplicas: 2, maxReplicas: 6, cpu: "1", cpuLimit: 1.5, memory: 1Gi}
                    app-b: {color: yellow, minReplicas: 0, maxReplicas: 4, cpu: 250m, memory: 512M, memoryLimit: 1Gi}
                workload: {cpuPerRequestMs: 4, slowDelayMs: 900, concurrency: 50}
                pricing: {vcpuHour: 5, gibHour: 0.9}
                slo: {latencyP95Ms: 250, errorRatePercent: 0.5}
                budget: {perHour: 12.50}
                context: {time_of_day: peak_hours, retries: 3}
                load:
                  - step: {rps: [100, 200, 300], every: 2m}
                  - spike: {base: 100, peak: 500, at: 1m, rise: 10s, hold: 30s, for: 4m}
                  - sine: {mean: 200, amplitude: 50, period: 4m, phase: 1m, for: 10m}
                faults:
                  - {at: 9m, patchEnv: {deployment: app-a, env: {SLOW_REQUESTS: "20", RANDOM_ERRORS: 5}}}
                  - {at: 2m, podKill: {deployment: app-a, count: 2}}
                  - {at: 3m, crashLoop: {deployment: app-b, for: 1m}}
                  - {at: 4m, failReadiness: {deployment: app-a}}
                  - {at: 5m, cpuContention: {deployment: app-a, stolenPercent: 60, for: 5m}}
                  - {at: 6m, memoryLeak: {deployment: app-b, mibPerMinute: 40}}
                  - {at: 7m, slowStart: {deployment: app-b, startupSeconds: 90}}
                policies: [ai-agent, traditional]
                settings:
                  metric-analysis: {interval: 60s, threshold: 2}
                expect:
                  - {trafficOn: yellow, atLeastPercent: 90, within: 60s, after: 10m}
                  - {noTrafficShiftBefore: 5m}
                  - {noTrafficShift: true}
                  - {trafficNeverOn: yellow}
                  - {maxSloViolation: 2m}
                  - {withinBudget: true}
                """);

        ClusterSpec c = s.cluster();
        assertThat(c.namespace()).isEqualTo("lab");
        assertThat(c.service()).isEqualTo("front");
        assertThat(c.active()).isEqualTo("green");
        assertThat(c.deployments()).containsExactly(
                new DeploymentSpec("app-a", "green", 3, 2, 6, 1000, 1500, 1L << 30, 1L << 30),
                new DeploymentSpec("app-b", "yellow", 0, 0, 4, 250, 250, 512_000_000L, 1L << 30));
        assertThat(s.workload()).isEqualTo(new WorkloadSpec(4, 1.0, 900, 20, 50, 1000, 10, 2, 120, 0.5));
        assertThat(s.pricing()).isEqualTo(new Pricing(5, 0.9, 2.5, 10));
        assertThat(s.slo()).isEqualTo(new Slo(250, 0.5, 99.9));
        assertThat(s.budget().perHour()).isEqualTo(12.5);
        assertThat(s.context()).containsExactlyInAnyOrderEntriesOf(Map.of("time_of_day", "peak_hours", "retries", "3"));

        assertThat(s.load().segments()).hasSize(3);
        assertThat(s.load().segments().get(0)).isInstanceOf(LoadSegment.Step.class);
        assertThat(s.load().rateAt(5 * 60 + 1)).isEqualTo(300.0);
        assertThat(s.load().rateAt(6 * 60 + 75)).as("spike held").isEqualTo(500.0);
        assertThat(s.load().rateAt(6 * 60 + 65)).as("half way up the rise").isCloseTo(300.0, within(1e-9));
        assertThat(s.load().segments().get(2)).isEqualTo(new LoadSegment.Sine(200, 50, 240, 60, 600));
        assertThat(s.load().durationSeconds()).isEqualTo(20 * 60.0);

        assertThat(s.faults()).extracting(FaultSpec::at).isSorted();
        assertThat(s.faults()).extracting(FaultSpec::label).containsExactly("podKill 2", "crashLoop",
                "failReadiness", "cpuContention 60%", "memoryLeak 40MiB/min", "slowStart 90s",
                "patchEnv RANDOM_ERRORS=5 SLOW_REQUESTS=20");
        assertThat(s.faults().get(0).location()).isEqualTo(new SourceLocation("t.yaml", 22, 5));
        assertThat(s.faults().get(1)).isEqualTo(new FaultSpec.CrashLoop(Duration.ofMinutes(3), "app-b",
                Duration.ofMinutes(1), new SourceLocation("t.yaml", 23, 5)));
        assertThat(((FaultSpec.FailReadiness) s.faults().get(2)).lasts()).as("until the end").isNull();
        assertThat(((FaultSpec.CpuContention) s.faults().get(3)).stolenFraction()).isEqualTo(0.6);

        assertThat(s.policies()).containsExactly("ai-agent", "traditional");
        Settings.Value interval = s.settingsFor("metric-analysis").values().get("interval");
        assertThat(interval).isEqualTo(new Settings.Value("60s", new SourceLocation("t.yaml", 30, 31),
                "settings.metric-analysis.interval"));
        assertThat(s.settingsFor("metric-analysis").duration("interval", Duration.ZERO)).hasSeconds(60);
        assertThat(s.settingsFor("metric-analysis").integer("threshold", 5)).isEqualTo(2);
        assertThat(s.settingsFor("ai-agent")).isEqualTo(Settings.EMPTY);

        assertThat(s.expect()).extracting(Expectation::describe).containsExactly(
                "trafficOn yellow >= 90% within 1m after 10m", "noTrafficShiftBefore 5m", "noTrafficShift",
                "trafficNeverOn yellow > 0%", "maxSloViolation 2m", "withinBudget");
        assertThat(s.expect().get(0).location()).isEqualTo(new SourceLocation("t.yaml", 32, 5));
    }

    @Test
    void replayScalesTheReplayedWindowToPeakRps() {
        // tiny-trace.csv: 11 per-minute counts peaking at 3,000 (50 rps) in row 5
        Scenario s = parse("name: r\nduration: 10m\nload:\n"
                + "  - replay: {file: tiny-trace.csv, interval: 60s, compress: 60, peakRps: 400, for: 10s}\n");
        TraceReplay replay = (TraceReplay) s.load().segments().get(0);

        assertThat(replay.file()).isEqualTo(traceDir().resolve("tiny-trace.csv").toAbsolutePath().normalize());
        assertThat(replay.maxRate()).isCloseTo(400.0, within(1e-9));
        assertThat(replay.rateAt(0)).as("600/min = 10 rps, scaled x8").isCloseTo(80.0, within(1e-9));
        assertThat(replay.rateAt(4)).isCloseTo(400.0, within(1e-9));
    }

    @Test
    void replaySkipsRowsAndAppliesAPlainScale() {
        Scenario s = parse("name: r\nduration: 10m\nload:\n"
                + "  - replay: {file: tiny-trace.csv, skip: 4, compress: 60, scale: 2, for: 5s}\n");
        TraceReplay replay = (TraceReplay) s.load().segments().get(0);

        assertThat(replay.rateAt(0)).as("row 5 = 3,000/min = 50 rps, x2").isCloseTo(100.0, within(1e-9));
        assertThat(replay.scale()).isEqualTo(2.0);
    }

    @Test
    void replayWindowLongerThanTheTraceIsAnErrorAtFor() {
        assertThatThrownBy(() -> parse("name: r\nduration: 20m\nload:\n"
                + "  - replay: {file: tiny-trace.csv, compress: 60, for: 11s}\n"))
                .isInstanceOf(YamlFileException.class)
                .hasMessageStartingWith("t.yaml:4:55: load[0].replay.for: the replayed window does not fit the trace")
                .hasMessageContaining("covers 600 s");
        assertThatThrownBy(() -> parse("name: r\nduration: 20m\nload:\n"
                + "  - replay: {file: tiny-trace.csv, skip: 10, for: 1s}\n"))
                .hasMessageStartingWith("t.yaml:4:42: load[0].replay.skip:");
    }

    @Test
    void replayTakesScaleOrPeakRpsNotBoth() {
        assertThatThrownBy(() -> parse("name: r\nduration: 20m\nload:\n"
                + "  - replay: {file: tiny-trace.csv, scale: 2, peakRps: 100, for: 1s}\n"))
                .hasMessageStartingWith("t.yaml:4:55: load[0].replay.peakRps: give either scale or peakRps");
    }

    @Test
    void profileConstructorComplaintsArePositionedAtTheFieldTheyName() {
        assertThatThrownBy(() -> parse("name: z\nduration: 5m\nload:\n  - constant: {rps: 10, for: 0s}\n"))
                .hasMessage("t.yaml:4:30: load[0].constant.for: duration must be > 0, got 0.0");
        assertThatThrownBy(() -> parse("name: z\nduration: 5m\nload:\n  - step: {rps: [], every: 1m}\n"))
                .hasMessage("t.yaml:4:17: load[0].step.rps: needs at least one level");
        assertThatThrownBy(() -> parse("name: z\nduration: 5m\nload:\n"
                + "  - sine: {mean: 100, amplitude: 150, period: 1m, for: 1m}\n"))
                .hasMessageContaining("load[0].sine.amplitude: amplitude 150 exceeds mean 100");
    }

    @Test
    void clusterChecksAreCrossField() {
        String load = "load:\n  - constant: {rps: 1, for: 1m}\n";
        assertThatThrownBy(() -> parse("name: c\nduration: 1m\ncluster:\n  deployments:\n"
                + "    a: {color: blue}\n    b: {color: blue}\n" + load))
                .hasMessage("t.yaml:6:16: cluster.deployments.b.color: colour 'blue' is already used by a;"
                        + " the two deployments need distinct colours");
        assertThatThrownBy(() -> parse("name: c\nduration: 1m\ncluster:\n  deployments:\n"
                + "    a: {color: blue}\n" + load))
                .hasMessageContaining("cluster.deployments: needs exactly two deployments");
        assertThatThrownBy(() -> parse("name: c\nduration: 1m\ncluster:\n  deployments:\n"
                + "    a: {color: blue, replicas: 12}\n    b: {color: green}\n" + load))
                .hasMessageContaining("cluster.deployments.a.replicas: replicas 12 must be between minReplicas 1"
                        + " and maxReplicas 10");
        assertThatThrownBy(() -> parse("name: c\nduration: 1m\ncluster:\n  deployments:\n"
                + "    a: {color: blue, cpu: 1, cpuLimit: 500m}\n    b: {color: green}\n" + load))
                .hasMessageContaining("cluster.deployments.a.cpuLimit: cpuLimit is below the cpu request 1");
        assertThatThrownBy(() -> parse("name: c\nduration: 1m\ncluster:\n  deployments:\n"
                + "    a: {color: blue, minReplicas: 0}\n    b: {color: green}\n" + load))
                .hasMessageContaining("the active deployment a starts with 0 replicas");
    }

    @Test
    void expectationTimesMustFallInsideTheRun() {
        String head = "name: e\nduration: 10m\nload:\n  - constant: {rps: 1, for: 1m}\nexpect:\n";
        assertThatThrownBy(() -> parse(head + "  - {trafficOn: green, within: 2m, after: 9m}\n"))
                .hasMessageContaining("expect[0].after: after + within = 11m ends after the run (duration 10m)");
        assertThatThrownBy(() -> parse(head + "  - {maxSloViolation: 11m}\n"))
                .hasMessageContaining("expect[0].maxSloViolation: 11m is longer than the run");
        assertThatThrownBy(() -> parse(head + "  - {noTrafficShift: false}\n"))
                .hasMessageContaining("noTrafficShift only takes true");
        assertThatThrownBy(() -> parse(head + "  - {trafficOnn: green}\n"))
                .hasMessageContaining("unknown key 'trafficOnn'; allowed keys: trafficOn, noTrafficShiftBefore,");
        assertThatThrownBy(() -> parse(head + "  - {trafficNeverOn: green, within: 1m}\n"))
                .hasMessageContaining("unknown key 'within'; allowed keys: trafficNeverOn, atMostPercent");
    }

    @Test
    void faultDurationsMustEndInsideTheRun() {
        assertThatThrownBy(() -> parse("name: f\nduration: 10m\nload:\n  - constant: {rps: 1, for: 1m}\n"
                + "faults:\n  - {at: 8m, crashLoop: {deployment: web-blue, for: 5m}}\n"))
                .hasMessageContaining("faults[0].crashLoop.for: the fault would end at 13m, after the run ends at 10m");
    }

    @Test
    void settingsAreCheckedAgainstThePolicy() {
        String head = "name: s\nduration: 10m\nload:\n  - constant: {rps: 1, for: 1m}\nsettings:\n";
        assertThatThrownBy(() -> parse(head + "  canary: {interval: 1m}\n"))
                .hasMessage("t.yaml:6:3: settings.canary: unknown policy 'canary'; known policies: traditional,"
                        + " metric-analysis, ai-agent");
        assertThatThrownBy(() -> parse(head + "  ai-agent: {mode: [a, b]}\n"))
                .hasMessageContaining("settings.ai-agent.mode: expected a string, got a list");
    }

    @Test
    void parseAllReadsFoldersSortedAndRejectsDuplicateNamesNamingBothFiles(@TempDir Path dir) throws IOException {
        String body = "duration: 5m\nload:\n  - constant: {rps: 1, for: 1m}\n";
        Files.writeString(dir.resolve("b.yaml"), "name: second\n" + body);
        Files.writeString(dir.resolve("a.yaml"), "name: first\n" + body);
        Files.writeString(dir.resolve("notes.txt"), "not a scenario");

        List<Scenario> all = parser.parseAll(List.of(dir, dir.resolve("a.yaml")));
        assertThat(all).extracting(Scenario::name).containsExactly("first", "second");

        Path other = Files.createDirectory(dir.resolve("more"));
        Files.writeString(other.resolve("c.yaml"), "# copy\nname: first\n" + body);
        assertThatThrownBy(() -> parser.parseAll(List.of(dir, other)))
                .isInstanceOf(YamlFileException.class)
                .hasMessage(other.resolve("c.yaml") + ":2:7: name: scenario name 'first' is already used by "
                        + dir.resolve("a.yaml") + ":1:7; scenario names must be unique");
    }

    @Test
    void parseAllRejectsAnEmptyFolderAndAMissingFile(@TempDir Path dir) {
        assertThatThrownBy(() -> parser.parseAll(List.of(dir))).hasMessageContaining("no *.yaml scenario files");
        assertThatThrownBy(() -> parser.parse(dir.resolve("nope.yaml")))
                .hasMessageStartingWith(dir.resolve("nope.yaml") + ":1:1: cannot read the scenario file");
    }
}
