package dev.failoverlab.harness.report;

import static dev.failoverlab.harness.score.ScenarioFixtures.HERE;
import static dev.failoverlab.harness.score.ScenarioFixtures.patch;
import static dev.failoverlab.harness.score.ScenarioFixtures.seconds;
import static dev.failoverlab.harness.score.ScenarioFixtures.trafficOn;

import dev.failoverlab.harness.run.ColorSample;
import dev.failoverlab.harness.run.QueryTiming;
import dev.failoverlab.harness.run.RawStore;
import dev.failoverlab.harness.run.RunEvent;
import dev.failoverlab.harness.run.RunKey;
import dev.failoverlab.harness.run.RunRecording;
import dev.failoverlab.harness.run.RunStats;
import dev.failoverlab.harness.run.Sample;
import dev.failoverlab.harness.scenario.Budget;
import dev.failoverlab.harness.scenario.Expectation;
import dev.failoverlab.harness.scenario.FaultSpec;
import dev.failoverlab.harness.scenario.Scenario;
import dev.failoverlab.harness.score.ScenarioFixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic suite: 2 scenarios × 2 policies × 3 seeds written through {@link RawStore}.
 * {@code reactive} scales up late and fails over after about 2.5 min (and flaps back once in the second
 * scenario); {@code agent} splits 50/50 after about 20 s and switches fully after 45 s, asking an LLM every 30 s.
 * The workload reacts to the share of traffic on a faulty colour: slow requests push p95 to 700 ms, random errors
 * fail that percentage of the faulty share.
 */
final class SyntheticSuite {
    static final List<String> POLICIES = List.of("reactive", "agent");
    static final long[] SEEDS = {1, 2, 3};
    private static final double INTERVAL = 5;
    private static final double RPS = 40;

    private SyntheticSuite() {
    }

    static List<Scenario> scenarios() {
        Scenario slow = ScenarioFixtures.scenario("slow-blue", 1200,
                List.of(patch(300, "web-blue", Map.of("SLOW_REQUESTS", "40"))),
                List.of(trafficOn("green", 100, 120, 300), new Expectation.NoTrafficShiftBefore(seconds(300), HERE),
                        new Expectation.MaxSloViolation(seconds(120), HERE)));
        List<FaultSpec> faults = List.of(patch(200, "web-blue", Map.of("RANDOM_ERRORS", "10")),
                patch(600, "web-blue", Map.of("RANDOM_ERRORS", "0")),
                new FaultSpec.PodKill(seconds(700), "web-green", 1, HERE));
        Scenario errors = ScenarioFixtures.scenario("error-burst", 900, faults,
                List.of(trafficOn("green", 50, 90, 200), new Expectation.MaxSloViolation(seconds(60), HERE),
                        new Expectation.WithinBudget(HERE)), new Budget(0.06));
        return List.of(slow, errors);
    }

    /** Writes every run under {@code folder/raw}. */
    static void write(Path folder) {
        RawStore store = new RawStore(folder);
        for (Scenario s : scenarios()) {
            for (String policy : POLICIES) {
                for (long seed : SEEDS) {
                    store.write(run(s, policy, seed));
                }
            }
        }
    }

    static RunRecording run(Scenario s, String policy, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + s.name().length() * 31L
                + policy.length());
        double onset = s.faults().get(0).at().toMillis() / 1000.0;
        List<RunEvent> events = new ArrayList<>();
        List<QueryTiming> queries = new ArrayList<>();
        for (FaultSpec f : s.faults()) {
            events.add(new RunEvent(f.at().toMillis() / 1000.0, RunEvent.Kind.FAULT, "scenario", f.deployment(),
                    "", f.label()));
        }
        if (policy.equals("reactive")) {
            double jitter = 5 * random.nextInt(6);
            events.add(action(onset + 60, RunEvent.Kind.SCALE, policy, "web-blue", "4"));
            events.add(action(onset + 150 + jitter, RunEvent.Kind.SELECTOR, policy, "web", "green"));
            if (s.name().equals("error-burst")) {
                events.add(action(onset + 330 + jitter, RunEvent.Kind.SELECTOR, policy, "web", "blue"));
                events.add(action(onset + 420 + jitter, RunEvent.Kind.SELECTOR, policy, "web", "green"));
            }
            events.add(action(onset + 480, RunEvent.Kind.SCALE, policy, "web-blue", "2"));
        } else {
            double jitter = 5 * random.nextInt(3);
            events.add(action(onset + 15 + jitter, RunEvent.Kind.SCALE, policy, "web-green", "2"));
            events.add(action(onset + 20 + jitter, RunEvent.Kind.SPLIT, policy, "web", "blue=50,green=50"));
            events.add(action(onset + 45 + jitter, RunEvent.Kind.SELECTOR, policy, "web", "green"));
            for (double t = 30; t <= s.durationSeconds(); t += 30) {
                queries.add(new QueryTiming(t, "/failover-assessment", 4 + random.nextDouble() * 6, 1200, 300));
            }
        }
        events.sort(Comparator.comparingDouble(RunEvent::tSeconds));
        List<Sample> samples = simulate(s, events, random);
        long requests = samples.isEmpty() ? 0 : samples.get(samples.size() - 1).cumArrived();
        RunStats stats = new RunStats(requests, requests * 4, 0.25 + random.nextDouble());
        return new RunRecording(new RunKey(s.name(), policy, seed), "synthetic", List.of("blue", "green"), INTERVAL,
                samples, events, queries, stats);
    }

    private static RunEvent action(double t, RunEvent.Kind kind, String policy, String target, String value) {
        return new RunEvent(t, kind, policy, target, value, "synthetic " + kind.name().toLowerCase());
    }

    private static List<Sample> simulate(Scenario s, List<RunEvent> events, SplittableRandom random) {
        List<Sample> samples = new ArrayList<>();
        double blueShare = 100;
        int[] desired = {2, 1};
        double[] readyAt = {0, 0};
        int[] ready = {2, 1};
        long cumArrived = 0;
        long cumOk = 0;
        long cumErrors = 0;
        int next = 0;
        for (double end = INTERVAL; end <= s.durationSeconds() + 1e-9; end += INTERVAL) {
            while (next < events.size() && events.get(next).tSeconds() <= end) {
                RunEvent e = events.get(next++);
                switch (e.kind()) {
                    case SELECTOR -> blueShare = e.value().equals("blue") ? 100 : 0;
                    case SPLIT -> blueShare = 50;
                    case SCALE -> {
                        int c = e.target().equals("web-blue") ? 0 : 1;
                        desired[c] = Integer.parseInt(e.value());
                        readyAt[c] = e.tSeconds() + 20;
                    }
                    default -> { }
                }
            }
            for (int c = 0; c < 2; c++) {
                ready[c] = end >= readyAt[c] ? desired[c] : Math.min(ready[c], desired[c]);
            }
            double slowShare = 0;
            double errorFraction = 0;
            if (end > 300 && s.name().equals("slow-blue")) {
                slowShare = blueShare / 100 * 0.4;
            }
            if (end > 200 && end <= 600 && s.name().equals("error-burst")) {
                errorFraction = blueShare / 100 * 0.10;
            }
            boolean podKill = s.name().equals("error-burst") && end > 700 && end <= 715;
            long arrivals = Math.round(RPS * INTERVAL * (0.95 + 0.1 * random.nextDouble()));
            long errors = Math.round(arrivals * errorFraction) + (podKill ? Math.round(arrivals * 0.02) : 0);
            long ok = arrivals - errors;
            double p95 = slowShare > 0.05 ? 700 + 10 * random.nextDouble() : 35 + 10 * random.nextDouble();
            cumArrived += arrivals;
            cumOk += ok;
            cumErrors += errors;
            long blueArrivals = Math.round(arrivals * blueShare / 100);
            long blueErrors = Math.round(errors * blueShare / 100);
            List<ColorSample> colours = List.of(
                    colour("blue", blueArrivals, blueArrivals - blueErrors, blueErrors, p95, blueShare, desired[0],
                            ready[0]),
                    colour("green", arrivals - blueArrivals, arrivals - blueArrivals - (errors - blueErrors),
                            errors - blueErrors, 35, 100 - blueShare, desired[1], ready[1]));
            samples.add(new Sample(end, RPS, cumArrived, cumOk, cumErrors, 0, arrivals, ok, errors, p95 / 3, p95,
                    p95 * 1.4, colours));
        }
        return samples;
    }

    private static ColorSample colour(String name, long arrivals, long ok, long errors, double p95, double share,
                                      int desired, int ready) {
        double p = arrivals == 0 ? Double.NaN : p95;
        return new ColorSample(name, arrivals, ok, errors, p / 3, p, p * 1.4, share, desired, ready, desired,
                desired * INTERVAL, arrivals == 0 ? 1 : 35, 160);
    }
}
