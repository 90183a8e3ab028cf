package dev.failoverlab.harness.sim;

import dev.failoverlab.agent.port.ActionResult;
import dev.failoverlab.harness.run.RunEvent;
import dev.failoverlab.harness.scenario.FaultSpec;
import dev.failoverlab.loadgen.yaml.YamlFileException;
import dev.failoverlab.loadgen.yaml.SourceLocation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a person does to the live cluster with kubectl and a load generator: patch a deployment's env (a rolling
 * update, exactly the scenario's {@code patchEnv} fault), scale, kill pods, start or stop a crash loop, change the
 * offered load. Faults go through the model's own {@code FaultInjector} (logged as FAULT events with source
 * {@value #SOURCE}), scaling through its actuator; every call holds the live simulation's lock. Bad input throws
 * {@link IllegalArgumentException} whose message starts with the field at fault.
 */
public final class LiveOperator {
    public static final String SOURCE = "operator";
    public static final int MAX_REPLICAS = 100;
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final SourceLocation CONTROL = new SourceLocation("control", 1, 1);

    private final LiveSimulation live;
    private final Simulation sim;
    private final List<FaultSpec> faults = new ArrayList<>();
    private final FaultInjector injector;
    private final SimActuator actuator;
    /** Index in {@link #faults} of the crash loop running per deployment. */
    private final Map<String, Integer> crashLoops = new HashMap<>();

    LiveOperator(LiveSimulation live) {
        this.live = live;
        this.sim = live.sim;
        this.injector = new FaultInjector(sim, faults, SOURCE); // reads the list as it grows
        this.actuator = new SimActuator(sim, SOURCE);
    }

    /** The outcome of a patch: whether the template changed (a rollout started) and the rollout now. */
    public record PatchResult(boolean changed, LiveRollout rollout) {
    }

    /** Merges {@code env} into the pod template of {@code deployment}, like a strategic-merge patch of the env list. */
    public PatchResult patchEnv(String deployment, Map<String, String> env) {
        if (env == null || env.isEmpty()) {
            throw new IllegalArgumentException("env: give at least one variable, e.g. {\"SLOW_REQUESTS\": \"20\"}");
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey() == null || !ENV_NAME.matcher(e.getKey()).matches()) {
                throw new IllegalArgumentException("env: '" + e.getKey() + "' is not a variable name (letters, digits"
                        + " and '_', not starting with a digit)");
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException("env." + e.getKey() + ": missing value (give a string, \"0\" undoes)");
            }
        }
        return live.locked(() -> {
            SimDeployment d = live.requireDeployment(deployment);
            FaultSpec.PatchEnv patch = new FaultSpec.PatchEnv(now(), d.name, new LinkedHashMap<>(env), CONTROL);
            try {
                PodTemplates.validate(patch, -1);
            } catch (YamlFileException e) {
                // "control:1:1: patchEnv.env.X: why" → "env.X: why"
                String message = e.getMessage().substring(CONTROL.toString().length() + 2);
                throw new IllegalArgumentException(message.replaceFirst("^patchEnv\\.", ""), e);
            }
            int before = d.revision;
            inject(patch);
            return new PatchResult(d.revision != before, LiveRollout.of(d));
        });
    }

    /** Sets {@code spec.replicas}, as {@code kubectl scale} does. */
    public ActionResult scale(String deployment, int replicas) {
        if (replicas < 0 || replicas > MAX_REPLICAS) {
            throw new IllegalArgumentException("replicas: must be between 0 and " + MAX_REPLICAS + ", got " + replicas);
        }
        return live.locked(() -> {
            live.requireDeployment(deployment);
            return actuator.scale(deployment, replicas, "operator: scale to " + replicas);
        });
    }

    /** Offers {@code load} from now on; the arrival queued under the old load is dropped. */
    public void setLoad(LiveLoad load) {
        if (load == null) {
            throw new IllegalArgumentException("load: missing");
        }
        live.locked(() -> {
            live.arrivals.change(load, sim.clock.now);
            sim.flow.scheduleNextArrival();
            sim.log.add(RunEvent.Kind.NOTE, SOURCE, "", "", "load: " + load.describe());
            return null;
        });
    }

    /** Force-deletes up to {@code count} ready pods, oldest first (their requests fail); returns their names. */
    public List<String> killPods(String deployment, int count) {
        if (count < 1 || count > MAX_REPLICAS) {
            throw new IllegalArgumentException("count: must be between 1 and " + MAX_REPLICAS + ", got " + count);
        }
        return live.locked(() -> {
            SimDeployment d = live.requireDeployment(deployment);
            List<SimPod> before = new ArrayList<>(d.pods);
            inject(new FaultSpec.PodKill(now(), d.name, count, CONTROL));
            List<String> killed = new ArrayList<>();
            for (SimPod p : before) {
                if (p.state == SimPod.State.GONE) {
                    killed.add(p.name);
                }
            }
            return killed;
        });
    }

    /** Starts (every container exits on start, CrashLoopBackOff) or ends a crash loop of one deployment. */
    public ActionResult crashLoop(String deployment, boolean on) {
        return live.locked(() -> {
            SimDeployment d = live.requireDeployment(deployment);
            Integer running = crashLoops.get(d.name);
            if (on == (running != null)) {
                return ActionResult.refused("unchanged: " + d.name + (on ? " is already" : " is not")
                        + " crash-looping");
            }
            if (on) {
                crashLoops.put(d.name, inject(new FaultSpec.CrashLoop(now(), d.name, null, CONTROL)));
                return ActionResult.applied(d.name + " now crash-loops: every container exits as it starts");
            }
            injector.end(crashLoops.remove(d.name));
            return ActionResult.applied(d.name + " stops crash-looping: containers start at their next back-off");
        });
    }

    private int inject(FaultSpec fault) {
        faults.add(fault);
        int index = faults.size() - 1;
        injector.start(index);
        return index;
    }

    private Duration now() {
        return Duration.ofNanos(Math.round(sim.clock.now * 1e9));
    }
}
