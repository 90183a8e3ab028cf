package dev.failoverlab.harness.policy;

import dev.failoverlab.agent.port.ActionResult;
import dev.failoverlab.agent.port.ClusterUnavailableException;
import dev.failoverlab.agent.port.ClusterView;
import dev.failoverlab.agent.port.DeploymentInfo;
import dev.failoverlab.agent.port.PodInfo;
import dev.failoverlab.agent.port.PodMetrics;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One HorizontalPodAutoscaler ({@code autoscaling/v2}, CPU utilisation target, default behaviour) for one
 * deployment: every sync period it reads the deployment's scale, pods and metrics-server samples and sets
 * {@code spec.replicas} as the controller's {@code reconcileAutoscaler} would. The arithmetic lives in
 * {@link ReplicaCalculator} and {@link ScalingBehavior}; this class reads the cluster, acts and logs.
 */
public final class HorizontalPodAutoscaler {
    private final PolicyContext context;
    private final String deployment;
    private final int minReplicas;
    private final int maxReplicas;
    private final HpaSettings settings;
    private final ReplicaCalculator calculator;
    private final ScalingBehavior behavior;
    private String lastHold;

    /** {@code minReplicas} of 0 is treated as 1: scale-to-zero needs an alpha feature gate the runbook does not use. */
    public HorizontalPodAutoscaler(PolicyContext context, PolicyEnvironment.ManagedDeployment target,
            HpaSettings settings) {
        if (target.maxReplicas() < Math.max(1, target.minReplicas())) {
            throw new IllegalArgumentException("deployment " + target.name() + ": maxReplicas "
                    + target.maxReplicas() + " is below minReplicas " + Math.max(1, target.minReplicas()));
        }
        this.context = context;
        this.deployment = target.name();
        this.minReplicas = Math.max(1, target.minReplicas());
        this.maxReplicas = target.maxReplicas();
        this.settings = settings;
        this.calculator = new ReplicaCalculator(settings.tolerance(), settings.cpuInitializationPeriod(),
                settings.initialReadinessDelay());
        this.behavior = ScalingBehavior.kubernetesDefaults(settings.scaleDownStabilization());
    }

    /** Starts one autoscaler per managed deployment, as each baseline deploys them. */
    public static void startForEach(PolicyContext context, HpaSettings settings) {
        for (PolicyEnvironment.ManagedDeployment d : context.environment().deployments()) {
            new HorizontalPodAutoscaler(context, d, settings).start();
        }
    }

    /** Registers the reconcile loop: every sync period, the first one a sync period after the start. */
    public void start() {
        context.scheduler().every(settings.syncPeriod(), settings.syncPeriod(), this::reconcile);
    }

    /** One pass of the controller for this deployment. */
    public void reconcile() {
        Instant now = context.clock().now();
        ClusterView cluster = context.cluster();
        DeploymentInfo info;
        try {
            info = cluster.deployments().stream().filter(d -> d.name().equals(deployment)).findFirst().orElse(null);
        } catch (ClusterUnavailableException e) {
            hold("cannot read the scale: " + e.getMessage());
            return;
        }
        if (info == null) {
            hold("deployment not found");
            return;
        }
        int current = info.specReplicas();
        if (current == 0) {
            hold("scaling is disabled since the replica count of the target is zero");
            return;
        }
        behavior.recordInitialRecommendation(current, now);
        if (current > maxReplicas) {
            scale(current, maxReplicas, String.format(Locale.ROOT,
                    "current number of replicas %d above maxReplicas %d", current, maxReplicas), now);
            return;
        }
        if (current < minReplicas) {
            scale(current, minReplicas, String.format(Locale.ROOT,
                    "current number of replicas %d below minReplicas %d", current, minReplicas), now);
            return;
        }
        List<PodInfo> pods;
        List<PodMetrics> metrics;
        try {
            pods = cluster.pods(deployment);
            metrics = cluster.podMetrics(deployment);
        } catch (ClusterUnavailableException e) {
            hold("unable to get metrics for resource cpu: " + e.getMessage());
            return;
        }
        ReplicaCalculator.Recommendation rec = calculator.compute(current, settings.targetCpuPercent(),
                info.cpuRequestMillis(), pods, metrics, now);
        if (!rec.computed()) {
            hold("no change: " + rec.explanation());
            return;
        }
        ScalingBehavior.Normalized n = behavior.normalize(current, rec.replicas(), minReplicas, maxReplicas, now);
        String detail = rec.explanation() + limits(rec.replicas(), n);
        if (n.replicas() == current) {
            if (rec.replicas() != current) {
                hold(String.format(Locale.ROOT, "cpu %d%% / target %d%%: holding %d replicas; %s",
                        rec.utilizationPercent(), settings.targetCpuPercent(), current, detail));
            } else {
                lastHold = null; // steady state: nothing worth a line
            }
            return;
        }
        scale(current, n.replicas(), String.format(Locale.ROOT, "cpu %d%% / target %d%% → %d replicas (was %d); %s",
                rec.utilizationPercent(), settings.targetCpuPercent(), n.replicas(), current, detail), now);
    }

    private static String limits(int recommended, ScalingBehavior.Normalized n) {
        String s = "";
        if (n.stabilized() != recommended) {
            s += String.format(Locale.ROOT, "; recommended %d, stabilised to %d (highest recommendation in the "
                    + "scale-down window)", recommended, n.stabilized());
        }
        if (n.limitedBy() != null) {
            s += String.format(Locale.ROOT, "; %d limited to %d by %s", n.stabilized(), n.replicas(), n.limitedBy());
        }
        return s;
    }

    private void scale(int current, int desired, String reason, Instant now) {
        lastHold = null;
        ActionResult result = context.actuator().scale(deployment, desired, reason);
        if (result.applied()) {
            behavior.recordScale(current, desired, now);
            context.log().note("hpa " + deployment + ": " + reason);
        } else {
            context.log().note("hpa " + deployment + ": scale to " + desired + " refused (" + result.detail()
                    + "); wanted because " + reason);
        }
    }

    /** Notes a reason for not scaling once, not every sync period while it stays the same. */
    private void hold(String why) {
        String line = "hpa " + deployment + ": " + why;
        String key = line.replaceAll("[0-9.]+", "#"); // the same situation with drifting numbers is no news
        if (!key.equals(lastHold)) {
            context.log().note(line);
            lastHold = key;
        }
    }
}
