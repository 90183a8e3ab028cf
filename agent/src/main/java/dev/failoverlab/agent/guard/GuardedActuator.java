package dev.failoverlab.agent.guard;

import dev.failoverlab.agent.config.GuardConfig;
import dev.failoverlab.agent.port.ActionResult;
import dev.failoverlab.agent.port.Actuator;
import dev.failoverlab.agent.port.Clock;
import dev.failoverlab.agent.port.ClusterUnavailableException;
import dev.failoverlab.agent.port.ClusterView;
import dev.failoverlab.agent.port.DeploymentInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The guard rails in front of the real {@link Actuator}. A call is refused, and never reaches the cluster, unless:
 * the view's namespace is allowed; the deployment (or, for routing, every colour named) belongs to an allowed
 * deployment that exists; replicas are within {@code 0..maxReplicas} and at most {@code maxScaleStep} away from
 * the current {@code spec.replicas}; a split gives each colour 0..100 percent summing to 100; a reason is given;
 * and the per-minute action budget has a token. Only calls that pass every check take a token. In dry-run mode a
 * passing call takes its token (so a dry run shows what the real run would be allowed) and is reported as
 * {@code "dry-run: would …"} without being applied. Every attempt is written to the {@link AuditLog}.
 */
public final class GuardedActuator implements Actuator {
    private final Actuator delegate;
    private final ClusterView view;
    private final GuardConfig config;
    private final Clock clock;
    private final TokenBucket budget;
    private final AuditLog audit;
    private final String caller;

    public GuardedActuator(Actuator delegate, ClusterView view, GuardConfig config, Clock clock, AuditLog audit,
                           String caller) {
        this(delegate, view, config, clock, new TokenBucket(config.maxActionsPerMinute(), clock.now()), audit, caller);
        if (config.maxScaleStep() < 1) {
            throw new IllegalArgumentException("maxScaleStep must be at least 1, got " + config.maxScaleStep());
        }
        if (config.maxReplicas() < 1) {
            throw new IllegalArgumentException("maxReplicas must be at least 1, got " + config.maxReplicas());
        }
    }

    private GuardedActuator(Actuator delegate, ClusterView view, GuardConfig config, Clock clock, TokenBucket budget,
                            AuditLog audit, String caller) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.view = Objects.requireNonNull(view, "view");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.budget = budget;
        this.audit = Objects.requireNonNull(audit, "audit");
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    /** The same guard (shared budget and audit log) acting for another caller, e.g. an HTTP route. */
    public GuardedActuator forCaller(String newCaller) {
        return new GuardedActuator(delegate, view, config, clock, budget, audit, newCaller);
    }

    @Override
    public ActionResult scale(String deployment, int replicas, String reason) {
        Attempt a = new Attempt("scale", target(deployment), replicas, reason);
        String refusal = common(reason);
        if (refusal == null) {
            refusal = allowedDeployment(deployment);
        }
        DeploymentInfo current = null;
        if (refusal == null) {
            try {
                current = find(deployment);
                if (current == null) {
                    refusal = "deployment " + deployment + " does not exist in namespace " + view.namespace()
                            + "; it has " + deploymentNames();
                }
            } catch (ClusterUnavailableException e) {
                refusal = "cannot read the current replicas to check the scale step (" + e.getMessage() + ")";
            }
        }
        if (refusal == null && (replicas < 0 || replicas > config.maxReplicas())) {
            refusal = "replicas must be 0.." + config.maxReplicas() + " (maxReplicas), got " + replicas;
        }
        if (refusal == null && Math.abs(replicas - current.specReplicas()) > config.maxScaleStep()) {
            refusal = String.format(Locale.ROOT, "scaling %s from %d to %d is a step of %d; maxScaleStep is %d, "
                            + "so scale in smaller steps", deployment, current.specReplicas(), replicas,
                    Math.abs(replicas - current.specReplicas()), config.maxScaleStep());
        }
        String what = current == null ? "" : String.format(Locale.ROOT, "scale %s from %d to %d replicas",
                deployment, current.specReplicas(), replicas);
        return decide(a, refusal, what, () -> delegate.scale(deployment, replicas, reason));
    }

    @Override
    public ActionResult setTrafficSplit(Map<String, Integer> percentByColor, String reason) {
        boolean nullColor = percentByColor != null && percentByColor.keySet().stream().anyMatch(Objects::isNull);
        Map<String, Integer> shown = percentByColor == null || nullColor ? null : new TreeMap<>(percentByColor);
        Attempt a = new Attempt("set-traffic-split", target(view.service()), shown, reason);
        String refusal = common(reason);
        if (refusal == null && nullColor) {
            refusal = "a split names each colour; got a null colour";
        }
        if (refusal == null && (percentByColor == null || percentByColor.isEmpty())) {
            refusal = "a split needs at least one colour with a percentage, e.g. {blue=70, green=30}";
        }
        if (refusal == null) {
            long sum = 0;
            for (Map.Entry<String, Integer> e : shown.entrySet()) {
                refusal = allowedColor(e.getKey());
                if (refusal == null && (e.getValue() == null || e.getValue() < 0 || e.getValue() > 100)) {
                    refusal = "percent for " + e.getKey() + " must be 0..100, got " + e.getValue();
                }
                if (refusal != null) {
                    break;
                }
                sum += e.getValue();
            }
            if (refusal == null && sum != 100) {
                refusal = "split percentages must sum to 100, got " + sum + " for " + shown;
            }
        }
        String what = shown == null ? "" : "split traffic " + shown.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue() + "%").collect(Collectors.joining(" "));
        return decide(a, refusal, what, () -> delegate.setTrafficSplit(percentByColor, reason));
    }

    @Override
    public ActionResult switchSelector(String color, String reason) {
        Attempt a = new Attempt("switch-selector", target(view.service()), color, reason);
        String refusal = common(reason);
        if (refusal == null) {
            refusal = allowedColor(color);
        }
        return decide(a, refusal, "switch service " + view.service() + " to " + color,
                () -> delegate.switchSelector(color, reason));
    }

    /** The attempt being judged, as it will appear in the audit log. */
    private record Attempt(String action, String target, Object value, String reason) {
    }

    private ActionResult decide(Attempt a, String refusal, String what, Supplier<ActionResult> apply) {
        Instant now = clock.now();
        if (refusal == null && !budget.tryTake(now)) {
            Duration wait = budget.untilNext(now);
            refusal = String.format(Locale.ROOT, "rate limit: at most %d actions a minute (maxActionsPerMinute); "
                    + "next allowed in %.1f s", budget.capacity(), wait.toNanos() / 1e9);
        }
        if (refusal != null) {
            return record(now, a, "refused", ActionResult.refused("refused: " + refusal));
        }
        if (config.dryRun()) {
            return record(now, a, "dry-run", ActionResult.refused("dry-run: would " + what));
        }
        ActionResult result;
        try {
            result = apply.get();
        } catch (RuntimeException e) {
            record(now, a, "error", ActionResult.refused(e.getClass().getSimpleName() + ": " + e.getMessage()));
            throw e;
        }
        return record(now, a, result.applied() ? "applied" : "not-applied", result);
    }

    private ActionResult record(Instant now, Attempt a, String outcome, ActionResult result) {
        audit.record(new AuditLog.Entry(now.toString(), a.action(), a.target(), a.value(), a.reason(), outcome,
                result.detail(), caller));
        return result;
    }

    private String common(String reason) {
        if (reason == null || reason.isBlank()) {
            return "every action needs a reason for the audit log";
        }
        if (!config.allowedNamespaces().contains(view.namespace())) {
            return "namespace " + view.namespace() + " is not in allowedNamespaces " + sorted(config.allowedNamespaces());
        }
        return null;
    }

    private String allowedDeployment(String deployment) {
        if (deployment == null) {
            return "a deployment name is required";
        }
        if (!config.allowedDeployments().contains(deployment)) {
            return "deployment " + deployment + " is not in allowedDeployments " + sorted(config.allowedDeployments());
        }
        return null;
    }

    /** A colour may be routed to only when an allowed deployment of that colour exists. */
    private String allowedColor(String color) {
        if (color == null) {
            return "a colour is required";
        }
        List<DeploymentInfo> deployments;
        try {
            deployments = view.deployments();
        } catch (ClusterUnavailableException e) {
            return "cannot read the deployments to check colour " + color + " (" + e.getMessage() + ")";
        }
        boolean ok = deployments.stream().anyMatch(d -> d.color().equals(color)
                && config.allowedDeployments().contains(d.name()));
        if (!ok) {
            return "colour " + color + " has no allowed deployment; routable colours are " + deployments.stream()
                    .filter(d -> config.allowedDeployments().contains(d.name())).map(DeploymentInfo::color)
                    .sorted().toList();
        }
        return null;
    }

    private DeploymentInfo find(String deployment) {
        return view.deployments().stream().filter(d -> d.name().equals(deployment)).findFirst().orElse(null);
    }

    private List<String> deploymentNames() {
        return view.deployments().stream().map(DeploymentInfo::name).sorted().toList();
    }

    private String target(String name) {
        return view.namespace() + "/" + name;
    }

    private static List<String> sorted(Set<String> set) {
        return set.stream().sorted().toList();
    }
}
