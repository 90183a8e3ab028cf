package dev.failoverlab.harness.policy;

import dev.failoverlab.harness.scenario.Settings;
import java.time.Duration;
import java.util.Set;

/**
 * The knobs of a Kubernetes HPA with a CPU utilisation target, defaulting to the kube-controller-manager's
 * defaults: 15 s sync period, tolerance 0.1, 300 s scale-down stabilisation, 5 min CPU initialisation period and
 * 30 s initial readiness delay. The target (50 %) is the basic runbook's.
 */
public record HpaSettings(
        int targetCpuPercent,
        double tolerance,
        Duration syncPeriod,
        Duration scaleDownStabilization,
        Duration cpuInitializationPeriod,
        Duration initialReadinessDelay) {

    public static final String TARGET_CPU_PERCENT = "targetCpuPercent";
    public static final String SYNC_PERIOD = "syncPeriod";
    public static final String TOLERANCE = "tolerance";
    public static final String SCALE_DOWN_STABILIZATION = "scaleDownStabilization";
    public static final String CPU_INITIALIZATION_PERIOD = "cpuInitializationPeriod";
    public static final String INITIAL_READINESS_DELAY = "initialReadinessDelay";

    /** Keys a scenario may set for any policy that runs these HPAs. */
    public static final Set<String> KEYS = Set.of(TARGET_CPU_PERCENT, SYNC_PERIOD, TOLERANCE,
            SCALE_DOWN_STABILIZATION, CPU_INITIALIZATION_PERIOD, INITIAL_READINESS_DELAY);

    public static final HpaSettings DEFAULTS = new HpaSettings(50, 0.1, Duration.ofSeconds(15),
            Duration.ofSeconds(300), Duration.ofMinutes(5), Duration.ofSeconds(30));

    public HpaSettings {
        if (targetCpuPercent < 1) {
            throw new IllegalArgumentException("targetCpuPercent must be at least 1, got " + targetCpuPercent);
        }
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be in [0, 1), got " + tolerance);
        }
        if (syncPeriod.isZero() || syncPeriod.isNegative()) {
            throw new IllegalArgumentException("syncPeriod must be positive, got " + syncPeriod);
        }
        if (scaleDownStabilization.isNegative() || cpuInitializationPeriod.isNegative()
                || initialReadinessDelay.isNegative()) {
            throw new IllegalArgumentException("HPA durations must not be negative");
        }
    }

    /** The defaults, overridden by the scenario's settings; bad values are reported at their place in the file. */
    public static HpaSettings from(Settings settings) {
        return new HpaSettings(
                PolicySettings.positiveInteger(settings, TARGET_CPU_PERCENT, DEFAULTS.targetCpuPercent),
                PolicySettings.numberInRange(settings, TOLERANCE, DEFAULTS.tolerance, 0, 0.99),
                PolicySettings.positiveDuration(settings, SYNC_PERIOD, DEFAULTS.syncPeriod),
                PolicySettings.nonNegativeDuration(settings, SCALE_DOWN_STABILIZATION,
                        DEFAULTS.scaleDownStabilization),
                PolicySettings.nonNegativeDuration(settings, CPU_INITIALIZATION_PERIOD,
                        DEFAULTS.cpuInitializationPeriod),
                PolicySettings.nonNegativeDuration(settings, INITIAL_READINESS_DELAY, DEFAULTS.initialReadinessDelay));
    }
}
