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
 * fitted by inverting the simulator itself at the measured rate (so queueing at the lowest level is accounted for
 * and the fitted model reproduces the measurement it came from):
 * <ol>
 *   <li>{@code cpuPerRequestMs}: ordinary least squares of workload CPU cores on the server's request rate; the
 *       slope is the CPU per request. The intercept is idle CPU of the JVM (GC, JIT, timers, metric scrapes); the
 *       simulator has no idle CPU, so it is reported but not modelled.</li>
 *   <li>{@code cpuCv}: at the lowest rate, the spread p95 − p50 of the latency is the spread of the service
 *       demand plus a little queueing; bisection on cv until the simulator's spread equals the measured one.</li>
 *   <li>{@code baseLatencyMs}: the lowest rate's p50 minus the simulator's p50 without base latency (the work,
 *       and the little queueing).</li>
 *   <li>{@code slowDelayMs}: from the run with SLOW_REQUESTS = s % (s ≥ 10, so the p95 lies inside the slow
 *       mode): fixed-point iteration on the delay until the simulator's p95 at that rate equals the measured one.</li>
 *   <li>{@code concurrency}: the workload's THREADS, as configured, not fitted.</li>
 * </ol>
 * Keys the calibration does not measure (startup, queue limit, timeout, memory) keep their defaults.
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
     */
    public record Input(List<RealLevel> levels, RealLevel slowRun, double slowPercent, int threads) {
        public Input {
            levels = List.copyOf(levels);
        }
    }

    /**
     * @param workload  the fitted model (unmeasured keys at their defaults)
     * @param idleCores intercept of the CPU regression: CPU the workload uses without requests
     * @param cpuR2     coefficient of determination of the CPU regression
     * @param sources   how each written key was obtained, in file order
     */
    public record Result(WorkloadSpec workload, double cores, double idleCores, double cpuR2,
                         Map<String, String> sources) {
        public Result {
            sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        }
    }

    private final SimWorkloadProbe probe;

    /** {@code probe} fixes the pod's CPU size (the cores the workload can use) and the simulator's seed. */
    public WorkloadFit(SimWorkloadProbe probe) {
        this.probe = probe;
    }

    public Result fit(Input input) {
        List<RealLevel> levels = new ArrayList<>(input.levels());
        levels.sort(Comparator.comparingDouble(RealLevel::serverRps));
        if (levels.size() < 2 || levels.get(0).serverRps() == levels.get(levels.size() - 1).serverRps()) {
            throw new IllegalArgumentException("the fit needs levels at two or more different rates, got "
                    + levels.size());
        }
        if (input.threads() < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + input.threads());
        }
        Map<String, String> sources = new LinkedHashMap<>();
        SimpleRegression cpu = new SimpleRegression(true);
        for (RealLevel l : levels) {
            cpu.addData(l.serverRps(), l.cpuCores());
        }
        double cpuMs = cpu.getSlope() * 1000;
        if (!(cpuMs > 0)) {
            throw new IllegalStateException(String.format(Locale.ROOT, "the workload's CPU did not rise with the"
                    + " rate (slope %.4f ms per request over %d levels): is /metrics reporting this process?",
                    cpuMs, levels.size()));
        }
        sources.put("cpuPerRequestMs", String.format(Locale.ROOT, "slope of workload CPU cores on request rate, OLS"
                + " over %d levels (R² %.4f); the intercept %.3f cores is idle JVM CPU, not modelled (the sim has no"
                + " idle CPU)", levels.size(), cpu.getRSquare(), cpu.getIntercept()));

        RealLevel low = levels.get(0);
        WorkloadSpec base = with(WorkloadSpec.DEFAULTS, cpuMs, 0, 0, WorkloadSpec.DEFAULTS.slowDelayMs(),
                input.threads());
        double spread = low.p95Ms() - low.p50Ms();
        double cv = fitCv(base, low.serverRps(), spread);
        sources.put("cpuCv", String.format(Locale.ROOT, "sim matched to the p95 - p50 spread %.3f ms at %.0f req/s"
                + " (bisection on cv in [0, %.0f])", spread, low.serverRps(), MAX_CV));

        SimLevel noBase = probe.measure(with(base, cpuMs, cv, 0, base.slowDelayMs(), input.threads()),
                low.serverRps());
        double baseMs = Math.max(0, low.p50Ms() - noBase.p50Ms());
        sources.put("baseLatencyMs", String.format(Locale.ROOT, "p50 %.3f ms at %.0f req/s minus the sim's p50 %.3f"
                + " ms of work and queueing%s", low.p50Ms(), low.serverRps(), noBase.p50Ms(),
                low.p50Ms() < noBase.p50Ms() ? " (negative, clamped to 0)" : ""));

        double slowMs = WorkloadSpec.DEFAULTS.slowDelayMs();
        WorkloadSpec fitted = with(base, cpuMs, cv, baseMs, slowMs, input.threads());
        if (input.slowRun() != null) {
            slowMs = fitSlowDelay(fitted, input.slowRun(), input.slowPercent());
            sources.put("slowDelayMs", String.format(Locale.ROOT, "sim matched to the p95 %.1f ms of the run with"
                    + " SLOW_REQUESTS=%s at %.0f req/s", input.slowRun().p95Ms(), number(input.slowPercent()),
                    input.slowRun().serverRps()));
            fitted = with(fitted, cpuMs, cv, baseMs, slowMs, input.threads());
        }
        sources.put("concurrency", "the workload's THREADS, as configured");
        return new Result(fitted, probe.cores(), cpu.getIntercept(), cpu.getRSquare(), sources);
    }

    /** Bisection: the simulator's spread grows with cv (the same seed keeps the comparison smooth). */
    private double fitCv(WorkloadSpec w, double rps, double spread) {
        double lo = 0;
        double hi = MAX_CV;
        if (spread <= spreadAt(w, lo, rps)) {
            return 0;
        }
        if (spread >= spreadAt(w, hi, rps)) {
            return MAX_CV;
        }
        for (int i = 0; i < BISECTIONS; i++) {
            double mid = (lo + hi) / 2;
            if (spreadAt(w, mid, rps) < spread) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private double spreadAt(WorkloadSpec w, double cv, double rps) {
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
            double simP95 = probe.measure(with(w, w.cpuPerRequestMs(), w.cpuCv(), w.baseLatencyMs(), delay,
                    w.concurrency()), slow.serverRps(), slowPercent).p95Ms();
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
