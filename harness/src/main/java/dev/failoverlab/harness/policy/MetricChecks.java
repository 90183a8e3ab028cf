package dev.failoverlab.harness.policy;

import dev.failoverlab.agent.port.ScrapeSample;
import dev.failoverlab.agent.metrics.PromQl;
import dev.failoverlab.loadgen.yaml.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Flagger's two built-in metric checks over one colour's Prometheus scrapes, evaluated at a given time:
 * {@code request-success-rate} (percentage of non-error requests over the window, must be at least the minimum)
 * and {@code request-duration} (p99 via {@code histogram_quantile(0.99, rate(bucket[window]))} in ms, must be at
 * most the maximum). Pure; {@link PromQl} does the arithmetic.
 */
public final class MetricChecks {
    private final Duration window;
    private final double minSuccessRatePercent;
    private final double maxP99Ms;

    public MetricChecks(Duration window, double minSuccessRatePercent, double maxP99Ms) {
        this.window = window;
        this.minSuccessRatePercent = minSuccessRatePercent;
        this.maxP99Ms = maxP99Ms;
    }

    public Duration window() {
        return window;
    }

    /** Both checks at time {@code at}; skipped when the window holds no traffic (nothing to judge). */
    public Result evaluate(List<ScrapeSample> scrapes, Instant at) {
        double requests = PromQl.increase(scrapes, ScrapeSample::requests, at, window);
        String span = Durations.format(window);
        if (!(requests > 0)) {
            return new Result(Verdict.SKIPPED, Double.isNaN(requests) ? 0 : requests, Double.NaN, Double.NaN,
                    String.format(Locale.ROOT, "no traffic in the last %s (%s) — check skipped", span,
                            Double.isNaN(requests) ? "fewer than two scrapes" : "0 requests"));
        }
        double errors = PromQl.increase(scrapes, ScrapeSample::errors, at, window);
        double successRate = Math.max(0, 100 * (1 - (Double.isNaN(errors) ? 0 : errors) / requests));
        double[] buckets = PromQl.bucketIncreases(scrapes, at, window);
        double p99 = buckets == null ? Double.NaN
                : PromQl.histogramQuantile(0.99, PromQl.select(scrapes, at, window).get(0).bucketUpperMs(), buckets);

        List<String> failures = new ArrayList<>();
        String rateText = String.format(Locale.ROOT, "success rate %.2f%% (min %s%%)", successRate,
                number(minSuccessRatePercent));
        if (successRate < minSuccessRatePercent) {
            failures.add(rateText);
        }
        String p99Text = Double.isNaN(p99) ? "p99 unknown (empty histogram), duration check skipped"
                : String.format(Locale.ROOT, "p99 %.1f ms (max %s ms)", p99, number(maxP99Ms));
        if (p99 > maxP99Ms) {
            failures.add(p99Text);
        }
        String detail = String.format(Locale.ROOT, "%.0f requests in the last %s; %s; %s", requests, span,
                rateText, p99Text);
        return new Result(failures.isEmpty() ? Verdict.PASSED : Verdict.FAILED, requests, successRate, p99,
                failures.isEmpty() ? detail : "failed: " + String.join(" and ", failures) + " — " + detail);
    }

    private static String number(double x) {
        return x == Math.rint(x) ? String.format(Locale.ROOT, "%.0f", x) : String.format(Locale.ROOT, "%s", x);
    }

    public enum Verdict { PASSED, FAILED, SKIPPED }

    /**
     * One analysis: the verdict, the (extrapolated) request count of the window, the success rate in percent and
     * the p99 in ms (NaN when unknown), and a line quoting them.
     */
    public record Result(Verdict verdict, double requests, double successRatePercent, double p99Ms, String detail) {
    }
}
