package dev.failoverlab.harness.calibrate;

import dev.failoverlab.harness.scenario.WorkloadSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Fits the simulator's {@link WorkloadSpec} to measurements of the real workload. Each latency parameter is
 * fitted by inverting the simulator itself at the measured rate, on the pod the workload had at that level (so
 * queueing at the lowest level is accounted for and the fitted model reproduces the measurement it came from):
 * <ol>
 *   <li>{@code cpuPerRequestMs}: the workload's CPU cores minus its idle CPU (measured without load) against the
 *       server's request rate, fitted through the origin minimising the relative error, since the simulator has no
 *       idle CPU and fidelity is judged in relative terms. The per-request cost falls a little with the rate (the
 *       HTTP server batches at higher rates), so an ordinary regression's intercept is not idle CPU; it is reported
 *       as a linearity check only.</li>
 *   <li>{@code cpuCv}: at the lowest rate, the spread p95 − p50 of the latency is the spread of the service
 *       demand plus a little queueing; bisection on cv until the simulator's spread equals the measured one.</li>
 *   <li>{@code baseLatencyMs}: the lowest rate's p50 minus the simulator's p50 without base latency (the work,
 *       and the little queueing).</li>
 *   <li>{@code slowDelayMs}: from the run with SLOW_REQUESTS = s % (s ≥ 10, so the p95 lies inside the slow
 *       mode): fixed-point iteration on the delay until the simulator's p95 at that rate equals the measured one.</li>
 *   <li>{@code concurrency}: the workload's THREADS, as configured, not fitted.</li>
 * </ol>
 * Keys the calibration does not measure (startup, queue limit, timeout, memory) keep their defaults. The simulated
 * rate of a level is the rate the client achieved (the server's count over the CPU window also holds the tail of
 * the last slow requests).
 */
public final class WorkloadFit {
    /** Largest cv the bisection considers (gamma with shape 1/16: far heavier than any CPU burn). */
    public static final double MAX_CV = 4;
    /** Below this SLOW_REQUESTS the p95 is not inside the slow mode. */
    public static final double MIN_SLOW_PERCENT = 10;
    private static final int BISECTIONS = 24;
    private static final int SLOW_ITERATIONS = 6;

    /**
     * @param levels      three or more levels at different rates, without slow requests
     * @param slowRun     one level with SLOW_REQUESTS = {@code slowPercent}, or null (slowDelayMs keeps its default)
     * @param slowPercent the SLOW_REQUESTS of {@code slowRun}
     * @param threads     the workload's THREADS
     * @param idleCores   the workload's CPU without load (0 when not measured)
     */
    public record Input(List<RealLevel> levels, RealLevel slowRun, double slowPercent, int threads,
                        double idleCores) {
        public Input {
            levels = List.copyOf(levels);
        }
    }

    /**
     * @param workload  the fitted model (unmeasured keys at their defaults)
     * @param cores            the machine's cores
     * @param idleCores        the workload's CPU without load, left out of the per-request cost
     * @param cpuFitErrorPercent root-mean-square relative error of the CPU fit over the levels
     * @param sources          how each written key was obtained, in file order
     */
    public record Result(WorkloadSpec workload, double cores, double idleCores, double cpuFitErrorPercent,
                         Map<String, String> sources) {
        public Result {
            sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        }
    }

    private final double cores;
    private final double simSeconds;
    private final long seed;

    /**
     * @param cores      the cores of the machine the workload ran on; at each level the simulated pod gets them
     *                   minus what the load generator and other processes used ({@link RealLevel.Sharing})
     * @param simSeconds simulated seconds per simulator run
     * @param seed       the simulator's seed
     */
    public WorkloadFit(double cores, double simSeconds, long seed) {
        this.cores = cores;
        this.simSeconds = simSeconds;
        this.seed = seed;
    }

    /** The simulator of the pod the workload had at {@code level}. */
    public SimWorkloadProbe probeFor(RealLevel level) {
        return new SimWorkloadProbe(level.sharing().availableCores(cores), simSeconds, seed);
    }

    public Result fit(Input input) {
        List<RealLevel> levels = new ArrayList<>(input.levels());
        levels.sort(Comparator.comparingDouble(RealLevel::achievedRps));
        if (levels.size() < 2 || levels.get(0).serverRps() == levels.get(levels.size() - 1).serverRps()) {
            throw new IllegalArgumentException("the fit needs levels at two or more different rates, got "
                    + levels.size());
        }
        if (input.threads() < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + input.threads());
        }
        Map<String, String> sources = new LinkedHashMap<>();
        double idle = Double.isFinite(input.idleCores()) ? Math.max(0, input.idleCores()) : 0;
        SimpleRegression ols = new SimpleRegression(true);
        double sumX = 0;
        double sumXx = 0;
        for (RealLevel l : levels) {
            ols.addData(l.serverRps(), l.cpuCores());
            double busy = l.cpuCores() - idle;
            if (!(busy > 0)) {
                throw new IllegalStateException(String.format(Locale.ROOT, "at %.0f req/s the workload used %.4f"
                        + " cores, no more than idle (%.4f): is /metrics reporting this process?", l.serverRps(),
                        l.cpuCores(), idle));
            }
            double x = l.serverRps() / busy; // (1 - b x)^2 is the squared relative error of b at this level
            sumX += x;
            sumXx += x * x;
        }
        if (!(ols.getSlope() > 0)) {
            throw new IllegalStateException(String.format(Locale.ROOT, "the workload's CPU did not rise with the"
                    + " rate (slope %.4f ms per request over %d levels): is /metrics reporting this process?",
                    ols.getSlope() * 1000, levels.size()));
        }
        double perRequestCores = sumX / sumXx;
        double cpuMs = perRequestCores * 1000;
        double squares = 0;
        for (RealLevel l : levels) {
            double relative = perRequestCores * l.serverRps() / (l.cpuCores() - idle) - 1;
            squares += relative * relative;
        }
        double cpuErrorPercent = 100 * Math.sqrt(squares / levels.size());
        sources.put("cpuPerRequestMs", String.format(Locale.ROOT, "workload CPU minus its idle %.4f cores, per"
                + " request, fitted through the origin over %d levels (relative RMS error %.1f %%; ordinary"
                + " regression: %.4f ms per request + %.3f cores)", idle, levels.size(), cpuErrorPercent,
                ols.getSlope() * 1000, ols.getIntercept()));

        RealLevel low = levels.get(0);
        WorkloadSpec base = with(WorkloadSpec.DEFAULTS, cpuMs, 0, 0, WorkloadSpec.DEFAULTS.slowDelayMs(),
                input.threads());
        double spread = low.p95Ms() - low.p50Ms();
        SimWorkloadProbe lowProbe = probeFor(low);
        double cv = fitCv(lowProbe, base, low.achievedRps(), spread);
        sources.put("cpuCv", String.format(Locale.ROOT, "sim matched to the p95 - p50 spread %.3f ms at %.0f req/s"
                + " (bisection on cv in [0, %.0f])", spread, low.achievedRps(), MAX_CV));

        SimLevel noBase = lowProbe.measure(with(base, cpuMs, cv, 0, base.slowDelayMs(), input.threads()),
                low.achievedRps());
        double baseMs = Math.max(0, low.p50Ms() - noBase.p50Ms());
        sources.put("baseLatencyMs", String.format(Locale.ROOT, "p50 %.3f ms at %.0f req/s minus the sim's p50 %.3f"
                + " ms of work and queueing%s", low.p50Ms(), low.achievedRps(), noBase.p50Ms(),
                low.p50Ms() < noBase.p50Ms() ? " (negative, clamped to 0)" : ""));

        double slowMs = WorkloadSpec.DEFAULTS.slowDelayMs();
        WorkloadSpec fitted = with(base, cpuMs, cv, baseMs, slowMs, input.threads());
        if (input.slowRun() != null) {
            slowMs = fitSlowDelay(fitted, input.slowRun(), input.slowPercent());
            sources.put("slowDelayMs", String.format(Locale.ROOT, "sim matched to the p95 %.1f ms of the run with"
                    + " SLOW_REQUESTS=%s at %.0f req/s", input.slowRun().p95Ms(), number(input.slowPercent()),
                    input.slowRun().achievedRps()));
            fitted = with(fitted, cpuMs, cv, baseMs, slowMs, input.threads());
        }
        sources.put("concurrency", "the workload's THREADS, as configured");
        return new Result(fitted, cores, idle, cpuErrorPercent, sources);
    }

    /** Bisection: the simulator's spread grows with cv (the same seed keeps the comparison smooth). */
    private static double fitCv(SimWorkloadProbe probe, WorkloadSpec w, double rps, double spread) {
        double lo = 0;
        double hi = MAX_CV;
        if (spread <= spreadAt(probe, w, lo, rps)) {
            return 0;
        }
        if (spread >= spreadAt(probe, w, hi, rps)) {
            return MAX_CV;
        }
        for (int i = 0; i < BISECTIONS; i++) {
            double mid = (lo + hi) / 2;
            if (spreadAt(probe, w, mid, rps) < spread) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private static double spreadAt(SimWorkloadProbe probe, WorkloadSpec w, double cv, double rps) {
        SimLevel s = probe.measure(with(w, w.cpuPerRequestMs(), cv, 0, w.slowDelayMs(), w.concurrency()), rps);
        return s.p95Ms() - s.p50Ms();
    }

    /** The sim's slow-run p95 moves one for one with the delay once the p95 is inside the slow mode. */
    private double fitSlowDelay(WorkloadSpec w, RealLevel slow, double slowPercent) {
        if (!(slowPercent >= MIN_SLOW_PERCENT && slowPercent <= 100)) {
            throw new IllegalArgumentException("the slow run needs SLOW_REQUESTS in [" + number(MIN_SLOW_PERCENT)
                    + ", 100] so its p95 lies among the slow requests, got " + number(slowPercent));
        }
        double delay = Math.max(0, slow.p95Ms() - w.baseLatencyMs() - w.cpuPerRequestMs());
        for (int i = 0; i < SLOW_ITERATIONS; i++) {
            double simP95 = probeFor(slow).measure(with(w, w.cpuPerRequestMs(), w.cpuCv(), w.baseLatencyMs(), delay,
                    w.concurrency()), slow.achievedRps(), slowPercent).p95Ms();
            double step = slow.p95Ms() - simP95;
            delay = Math.max(0, delay + step);
            if (Math.abs(step) < 0.001 * slow.p95Ms()) {
                break;
            }
        }
        return delay;
    }

    static WorkloadSpec with(WorkloadSpec w, double cpuMs, double cv, double baseMs, double slowMs, int threads) {
        return new WorkloadSpec(cpuMs, cv, slowMs, w.startupSeconds(), threads, w.queueLimit(), w.timeoutSeconds(),
                baseMs, w.memoryBaseMiB(), w.memoryPerInflightMiB());
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }
}
