package dev.failoverlab.harness.policy;

import dev.failoverlab.loadgen.yaml.Durations;
import dev.failoverlab.harness.scenario.Settings;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The basic runbook's automation: one Kubernetes HPA per deployment (CPU target 50 %) and a failover watcher
 * that switches the Service selector after consecutive failed health probes of the active colour.
 */
public final class TraditionalPolicy implements Policy {
    public static final String NAME = "traditional";
    public static final String PROBE_PERIOD = "probePeriod";
    public static final String FAILURE_THRESHOLD = "failureThreshold";
    static final Duration DEFAULT_PROBE_PERIOD = Duration.ofSeconds(10);
    static final int DEFAULT_FAILURE_THRESHOLD = 3;

    private final HpaSettings hpa;
    private final Duration probePeriod;
    private final int failureThreshold;

    public TraditionalPolicy(HpaSettings hpa, Duration probePeriod, int failureThreshold) {
        this.hpa = hpa;
        this.probePeriod = probePeriod;
        this.failureThreshold = failureThreshold;
    }

    @Override
    public void start(PolicyContext context) {
        context.log().note(String.format(Locale.ROOT,
                "traditional: HPA cpu target %d%% (sync %s, tolerance %.2f, scale-down window %s) per deployment; "
                        + "watcher probes the active colour every %s, switches after %d consecutive failures",
                hpa.targetCpuPercent(), Durations.format(hpa.syncPeriod()), hpa.tolerance(),
                Durations.format(hpa.scaleDownStabilization()), Durations.format(probePeriod), failureThreshold));
        HorizontalPodAutoscaler.startForEach(context, hpa);
        new FailoverWatcher(context, probePeriod, failureThreshold).start();
    }

    /** Creates the policy from a scenario's settings. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "Kubernetes HPA at 50% CPU per deployment + a watcher that switches the Service selector after "
                    + "3 failed health probes 10s apart";
        }

        @Override
        public Set<String> settingKeys() {
            Set<String> keys = new HashSet<>(HpaSettings.KEYS);
            keys.add(PROBE_PERIOD);
            keys.add(FAILURE_THRESHOLD);
            return Set.copyOf(keys);
        }

        @Override
        public Policy create(Settings settings) {
            return new TraditionalPolicy(HpaSettings.from(settings),
                    PolicySettings.positiveDuration(settings, PROBE_PERIOD, DEFAULT_PROBE_PERIOD),
                    PolicySettings.positiveInteger(settings, FAILURE_THRESHOLD, DEFAULT_FAILURE_THRESHOLD));
        }
    }
}
