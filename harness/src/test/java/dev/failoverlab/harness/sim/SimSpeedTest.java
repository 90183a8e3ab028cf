package dev.failoverlab.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failoverlab.harness.run.RunRecording;
import dev.failoverlab.harness.run.Sample;
import dev.failoverlab.harness.scenario.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** How fast the simulator runs: prints events per wall second for 20 minutes at 800 rps (no timing assertion). */
final class SimSpeedTest {

    static Scenario twentyMinutesAt800() {
        return SimFixtures.blueGreen("speed-800rps-20m", 1200, SimFixtures.workload(4, 1),
                SimFixtures.constant(800, 1200), 8, 2, 500, List.of());
    }

    @Test
    void twentyMinutesAt800RpsPrintsEventsPerSecond() {
        Scenario scenario = twentyMinutesAt800();
        // a policy that looks at the cluster as a real one would, so its cost is part of the figure
        var watcher = SimFixtures.policy("watcher", ctx -> ctx.scheduler().every(Duration.ofSeconds(15),
                Duration.ofSeconds(15), () -> {
                    ctx.cluster().podMetrics("web-blue");
                    ctx.cluster().scrapes("blue", Duration.ofMinutes(1));
                    ctx.cluster().probe("blue");
                }));
        print("cold, first run in the JVM", scenario, SimFixtures.run(scenario, watcher, 99));
        RunRecording run = SimFixtures.run(scenario, watcher, 7);
        print("warm", scenario, run);
        Sample last = run.samples().get(run.samples().size() - 1);
        assertThat(run.stats().requests()).isBetween(940_000L, 980_000L);
        assertThat(run.stats().events()).isGreaterThan(2 * run.stats().requests());
        assertThat(last.cumFailed()).as("80 %% utilisation serves everything").isZero();
    }

    private static void print(String label, Scenario scenario, RunRecording run) {
        System.out.printf(Locale.ROOT, "sim speed (%s): %s: %d requests, %d events in %.3f s wall = %.2f M events/s"
                        + " (%.2f M requests/s)%n", label, scenario.name(), run.stats().requests(),
                run.stats().events(), run.stats().wallSeconds(), run.stats().events() / run.stats().wallSeconds() / 1e6,
                run.stats().requests() / run.stats().wallSeconds() / 1e6);
    }
}
