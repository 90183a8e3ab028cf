package dev.failoverlab.harness.calibrate;

import dev.failoverlab.loadgen.http.LoadException;
import dev.failoverlab.workload.WorkloadMain;
import dev.failoverlab.workload.WorkloadProcess;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One calibration: start the real workload (or use a running one), drive it at a few constant rates with the real
 * load generator, measure a run with SLOW_REQUESTS, fit the simulator's workload model, and run the simulator at the
 * same rates to compare. Everything the user sees while it runs goes to {@code progress}, one line per step.
 */
public final class Calibration {
    /** Shares of the machine's cores the default levels keep the workload at. */
    static final double[] DEFAULT_LOAD_SHARES = {0.15, 0.35, 0.6};
    /** The warm-up's load: the middle level's, so the code paths of busy levels get compiled too. */
    private static final double PROBE_SHARE = 0.35;
    private static final double PROBE_RPS_UNKNOWN_WORK = 100;
    private static final Duration SLOW_WARMUP = Duration.ofSeconds(2);
    private static final Duration IDLE = Duration.ofSeconds(2);
    /** Relative change of CPU per request between warm-up chunks below which the JIT counts as settled. */
    static final double SETTLED = 0.05;
    /** Chunks of a level: long enough for hundreds of requests at the lowest rate, short enough to dodge bursts. */
    static final Duration CHUNK = Duration.ofSeconds(2);
    /** A level may take up to this many times its duration while looking for undisturbed chunks. */
    static final double ALLOWANCE = 2;
    /** Other tenants' CPU above which a chunk counts as disturbed: an eighth of a core on average. */
    static final double NEIGHBOUR_LIMIT_CORES = 0.125;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    /**
     * @param rates         constant rates to measure; empty: 15, 35 and 60 % of the machine's cores, sized from the
     *                      warm-up
     * @param levelDuration how long each level runs (undisturbed chunks)
     * @param warmup        how long the first run (JIT warm-up of both JVMs, level sizing) lasts
     * @param workMs        the child workload's WORK_MS (mean CPU ms per request)
     * @param workCv        its WORK_CV
     * @param threads       its THREADS (with {@code target}: the target's, for the model's concurrency)
     * @param slowPercent   SLOW_REQUESTS of the slow run (0: no slow run)
     * @param slowDelayMs   SLOW_DELAY_MS of the slow run
     * @param target        a running workload's URL, or null to start one as a child JVM
     * @param connections   the load generator's connections
     * @param cores         the cores the workload can use: the simulated pod's CPU
     * @param seed          seed of the load generator's arrivals and of the simulator
     * @param simSeconds    simulated seconds per simulator run
     * @param commandLine   how calibration was invoked, for the file's header
     */
    public record Settings(List<Double> rates, Duration levelDuration, Duration warmup, double workMs, double workCv,
                           int threads, double slowPercent, long slowDelayMs, URI target, int connections,
                           double cores, long seed, double simSeconds, String commandLine) {
        public Settings {
            rates = List.copyOf(rates);
        }
    }

    /** What a calibration measured, fitted and predicted. */
    public record Outcome(List<RealLevel> levels, RealLevel slowRun, WorkloadFit.Result fit, FidelityReport fidelity,
                          String how) {
        public Outcome {
            levels = List.copyOf(levels);
        }
    }

    private final Settings settings;
    private final Consumer<String> progress;
    private final long startNanos = System.nanoTime();

    public Calibration(Settings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** The levels without slow requests, and the workload's CPU without load. */
    private record Measured(List<RealLevel> levels, double idleCores) {
    }

    public Outcome run() {
        Measured measured = settings.target() == null ? measureChild() : measure(null, settings.target());
        List<RealLevel> levels = measured.levels();
        RealLevel slowRun = settings.target() == null && settings.slowPercent() > 0 ? measureSlow(levels) : null;
        if (settings.target() != null && settings.slowPercent() > 0) {
            say("slow run skipped: SLOW_REQUESTS cannot be set on a running --target; slowDelayMs keeps its default");
        }
        say("fitting the simulator's workload model");
        WorkloadFit fitter = new WorkloadFit(settings.cores(), settings.simSeconds(), settings.seed());
        WorkloadFit.Result fit = fitter.fit(new WorkloadFit.Input(levels, slowRun, settings.slowPercent(),
                settings.threads(), measured.idleCores()));
        List<FidelityReport.Row> rows = new ArrayList<>();
        List<String> podCores = new ArrayList<>();
        for (RealLevel l : levels) {
            SimWorkloadProbe pod = fitter.probeFor(l);
            SimLevel s = pod.measure(fit.workload(), l.achievedRps());
            rows.add(new FidelityReport.Row(l.targetRps(), l.p95Ms(), s.p95Ms(), l.cpuCores(), s.cpuCores(),
                    l.sharing().neighbourCores(), l.sharing().undisturbed()));
            podCores.add(String.format(Locale.ROOT, "%.2f", pod.cores()));
        }
        say("simulated pod at each level: " + WorkloadFit.number(settings.cores()) + " cores minus what the load"
                + " generator and other processes used = " + String.join(", ", podCores) + " cores");
        return new Outcome(levels, slowRun, fit,
                new FidelityReport(rows, FidelityReport.DEFAULT_TARGET_PERCENT), how());
    }

    private Measured measureChild() {
        try (WorkloadProcess child = startChild(0)) {
            return measure(new WorkloadEndpoint(child.baseUri()), child.baseUri());
        }
    }

    private Measured measure(WorkloadEndpoint known, URI target) {
        WorkloadEndpoint endpoint = known != null ? known : new WorkloadEndpoint(target.resolve("/"));
        if (known == null) {
            try {
                endpoint.counters();
            } catch (IllegalStateException e) {
                throw new LoadException("--target " + target + ": " + e.getMessage());
            }
        }
        LevelRunner runner = runner(endpoint, target);
        List<Double> rates = settings.rates();
        double probeRps = settings.target() == null
                ? Math.max(10, PROBE_SHARE * settings.cores() * 1000 / settings.workMs()) : PROBE_RPS_UNKNOWN_WORK;
        double cpuMsPerRequest = warmUp(runner, probeRps, !rates.isEmpty());
        double idle = idleCores(endpoint);
        if (rates.isEmpty()) {
            rates = defaultRates(cpuMsPerRequest);
            say("levels: " + rates.stream().map(r -> String.format(Locale.ROOT, "%.0f", r)).toList()
                    + " req/s (15, 35 and 60 % of " + WorkloadFit.number(settings.cores()) + " cores)");
        }
        // highest rate first: compilation the warm-up left over lands where it weighs least, and the lowest level,
        // which the latency fit reads, runs on fully compiled code
        List<Double> order = new ArrayList<>(rates);
        order.sort(Comparator.reverseOrder());
        List<RealLevel> levels = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            say(String.format(Locale.ROOT, "level %d/%d: %.0f req/s for %s", i + 1, order.size(), order.get(i),
                    seconds(settings.levelDuration())));
            RealLevel l = runner.run(order.get(i), settings.levelDuration(), null);
            say("  " + describe(l));
            levels.add(0, l);
        }
        return new Measured(levels, idle);
    }

    /**
     * Runs load until the JIT compilers of both JVMs have settled: at least the warm-up time, then chunks until the
     * workload's CPU per request of two chunks in a row agree within {@link #SETTLED} (compilation is CPU time of
     * the workload that would otherwise land on the first level), for at most the warm-up time again.
     *
     * @return the workload's CPU ms per request once settled (sizes the default levels)
     */
    private double warmUp(LevelRunner runner, double rps, boolean ratesGiven) {
        say(String.format(Locale.ROOT, "warm-up: %.0f req/s for %s or until the CPU per request settles (JIT of both"
                + " JVMs%s)", rps, seconds(settings.warmup()), ratesGiven ? "" : "; sizes the levels"));
        RealLevel first = runner.once(rps, settings.warmup());
        double previous = msPerRequest(first);
        double extra = 0;
        double current = previous;
        while (extra < settings.warmup().toMillis() / 1000.0) {
            RealLevel next = runner.once(rps, CHUNK);
            extra += next.seconds();
            current = msPerRequest(next);
            if (Math.abs(current - previous) <= SETTLED * previous) {
                break;
            }
            previous = current;
        }
        say(String.format(Locale.ROOT, "warm-up: %.2f ms of workload CPU per request after %s more", current,
                WorkloadFit.number(Math.round(extra * 10) / 10.0) + " s"));
        return current;
    }

    private static double msPerRequest(RealLevel l) {
        return 1000 * l.cpuCores() / l.serverRps();
    }

    /** The workload's CPU with no requests: GC, JIT, timers, the scrapes themselves. */
    private double idleCores(WorkloadEndpoint endpoint) {
        WorkloadEndpoint.Counters before = endpoint.counters();
        try {
            Thread.sleep(IDLE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring the idle workload", e);
        }
        WorkloadEndpoint.Counters after = endpoint.counters();
        double idle = (after.cpuSeconds() - before.cpuSeconds()) / ((after.nanoTime() - before.nanoTime()) / 1e9);
        say(String.format(Locale.ROOT, "idle: the workload uses %.4f cores without requests", idle));
        return idle;
    }

    private RealLevel measureSlow(List<RealLevel> levels) {
        double lowest = levels.stream().mapToDouble(RealLevel::targetRps).min().orElseThrow();
        // slow requests hold a worker thread for the delay: keep them to half the threads so the run measures
        // the delay, not a thread shortage
        double cap = 0.5 * settings.threads() / (settings.slowPercent() / 100 * settings.slowDelayMs() / 1000.0);
        double rps = Math.min(lowest, Math.floor(cap));
        try (WorkloadProcess child = startChild(settings.slowPercent())) {
            LevelRunner runner = runner(new WorkloadEndpoint(child.baseUri()), child.baseUri());
            runner.once(rps, SLOW_WARMUP);
            say(String.format(Locale.ROOT, "slow run: SLOW_REQUESTS=%s SLOW_DELAY_MS=%d at %.0f req/s for %s",
                    WorkloadFit.number(settings.slowPercent()), settings.slowDelayMs(), rps,
                    seconds(settings.levelDuration())));
            RealLevel slow = runner.run(rps, settings.levelDuration(), Duration.ofMillis(settings.slowDelayMs() / 2));
            say(String.format(Locale.ROOT, "  %s, %.1f %% slow", describe(slow), 100 * slow.slowFraction()));
            return slow;
        }
    }

    private LevelRunner runner(WorkloadEndpoint endpoint, URI target) {
        Duration chunk = settings.levelDuration().compareTo(CHUNK) < 0 ? settings.levelDuration() : CHUNK;
        return new LevelRunner(endpoint, target, settings.connections(), settings.seed(),
                new LevelRunner.Plan(chunk, ALLOWANCE, NEIGHBOUR_LIMIT_CORES));
    }

    private WorkloadProcess startChild(double slowPercent) {
        Map<String, String> env = workloadEnv(slowPercent);
        say("starting the workload: " + envText(env));
        try {
            WorkloadProcess child = WorkloadProcess.start(env, List.of(), READY_TIMEOUT);
            say("workload ready on " + child.baseUri() + " (pid " + child.pid() + ")");
            return child;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the workload: " + e.getMessage(), e);
        }
    }

    private Map<String, String> workloadEnv(double slowPercent) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("COLOR", "blue");
        env.put("WORK_MS", WorkloadFit.number(settings.workMs()));
        env.put("WORK_CV", WorkloadFit.number(settings.workCv()));
        env.put("THREADS", Integer.toString(settings.threads()));
        env.put("SEED", Long.toString(settings.seed()));
        env.put("WARMUP_SECONDS", "2");
        env.put("DRAIN_SECONDS", "2");
        if (slowPercent > 0) {
            env.put("SLOW_REQUESTS", WorkloadFit.number(slowPercent));
            env.put("SLOW_DELAY_MS", Long.toString(settings.slowDelayMs()));
        }
        return env;
    }

    List<Double> defaultRates(double cpuMsPerRequest) {
        List<Double> rates = new ArrayList<>();
        for (double share : DEFAULT_LOAD_SHARES) {
            rates.add(Math.max(10.0, 10.0 * Math.round(share * settings.cores() * 1000 / cpuMsPerRequest / 10)));
        }
        return rates;
    }

    private String how() {
        String workload = settings.target() == null
                ? "child JVM " + WorkloadMain.class.getName() + " " + envText(workloadEnv(0))
                : "running workload at " + settings.target() + " (THREADS assumed " + settings.threads() + ")";
        return String.format(Locale.ROOT, "%s; workload: %s; load: LoadGenerator on the same machine, Poisson, %d"
                + " connections, %s per level in %s chunks, chunks where other processes used more than %.3f cores"
                + " left out (up to %sx the time spent looking)", settings.commandLine(), workload,
                settings.connections(), seconds(settings.levelDuration()), seconds(CHUNK), NEIGHBOUR_LIMIT_CORES,
                WorkloadFit.number(ALLOWANCE));
    }

    private static String envText(Map<String, String> env) {
        StringBuilder b = new StringBuilder();
        env.forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return b.toString();
    }

    static String describe(RealLevel l) {
        RealLevel.Sharing s = l.sharing();
        return String.format(Locale.ROOT, "%.1f req/s served, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, CPU %.3f cores,"
                + " %d errors; load generator %.2f cores, others %s cores, %d of %d chunks%s (p95 over all %.2f ms)",
                l.serverRps(), l.p50Ms(), l.p95Ms(), l.p99Ms(), l.cpuCores(), l.errors(), s.loadgenCores(),
                Double.isNaN(s.neighbourCores()) ? "?" : String.format(Locale.ROOT, "%.2f", s.neighbourCores()),
                s.chunksUsed(), s.chunksRun(), s.undisturbed() ? "" : ", DISTURBED", s.allChunksP95Ms());
    }

    private static String seconds(Duration d) {
        return WorkloadFit.number(d.toMillis() / 1000.0) + " s";
    }

    private void say(String line) {
        progress.accept(String.format(Locale.ROOT, "[%5.1f s] %s", (System.nanoTime() - startNanos) / 1e9, line));
    }
}
