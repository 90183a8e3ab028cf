package dev.failoverlab.harness.policy;

import dev.failoverlab.loadgen.yaml.Durations;
import dev.failoverlab.harness.scenario.Settings;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Flagger-style automation: the same HPAs as {@code traditional}, plus Flagger's metric analysis of the active
 * colour (request success rate and p99 duration from Prometheus, default interval 60 s, window 1m, threshold 1)
 * that routes all traffic to the other colour when the failed checks reach the threshold.
 */
public final class MetricAnalysisPolicy implements Policy {
    public static final String NAME = "metric-analysis";
    public static final String INTERVAL = "interval";
    public static final String WINDOW = "window";
    public static final String THRESHOLD = "threshold";
    public static final String MIN_SUCCESS_RATE_PERCENT = "minSuccessRatePercent";
    public static final String MAX_P99_MS = "maxP99Ms";

    private final HpaSettings hpa;
    private final Duration interval;
    private final int threshold;
    private final Duration window;
    private final double minSuccessRatePercent;
    private final double maxP99Ms;

    public MetricAnalysisPolicy(HpaSettings hpa, Duration interval, int threshold, Duration window,
            double minSuccessRatePercent, double maxP99Ms) {
        this.hpa = hpa;
        this.interval = interval;
        this.threshold = threshold;
        this.window = window;
        this.minSuccessRatePercent = minSuccessRatePercent;
        this.maxP99Ms = maxP99Ms;
    }

    @Override
    public void start(PolicyContext context) {
        context.log().note(String.format(Locale.ROOT,
                "metric-analysis: HPA cpu target %d%% per deployment; every %s the active colour's success rate "
                        + "over %s must be >= %s%% and its p99 <= %s ms; %d failed check(s) switch the traffic",
                hpa.targetCpuPercent(), Durations.format(interval), Durations.format(window),
                plain(minSuccessRatePercent), plain(maxP99Ms), threshold));
        HorizontalPodAutoscaler.startForEach(context, hpa);
        new MetricAnalysis(context, interval, threshold, new MetricChecks(window, minSuccessRatePercent, maxP99Ms))
                .start();
    }

    private static String plain(double x) {
        return x == Math.rint(x) ? String.format(Locale.ROOT, "%.0f", x) : Double.toString(x);
    }

    /** Creates the policy from a scenario's settings. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "Kubernetes HPA at 50% CPU + Flagger-style analysis (success rate >= 99%, p99 <= 500 ms over 1m, "
                    + "every 60s) that moves all traffic after 1 failed check";
        }

        @Override
        public Set<String> settingKeys() {
            Set<String> keys = new HashSet<>(HpaSettings.KEYS);
            keys.addAll(Set.of(INTERVAL, WINDOW, THRESHOLD, MIN_SUCCESS_RATE_PERCENT, MAX_P99_MS));
            return Set.copyOf(keys);
        }

        @Override
        public Policy create(Settings settings) {
            return new MetricAnalysisPolicy(HpaSettings.from(settings),
                    PolicySettings.positiveDuration(settings, INTERVAL, Duration.ofSeconds(60)),
                    PolicySettings.positiveInteger(settings, THRESHOLD, 1),
                    PolicySettings.positiveDuration(settings, WINDOW, Duration.ofMinutes(1)),
                    PolicySettings.numberInRange(settings, MIN_SUCCESS_RATE_PERCENT, 99, 0, 100),
                    PolicySettings.numberInRange(settings, MAX_P99_MS, 500, 0, Double.MAX_VALUE));
        }
    }
}
