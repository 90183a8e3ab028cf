package dev.failoverlab.harness.sim;

import dev.failoverlab.agent.port.ActionResult;
import dev.failoverlab.agent.port.Actuator;
import dev.failoverlab.harness.run.RunEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The API server's side of a policy's actions: validates them, applies them to the simulated cluster at the
 * current instant and records them. A no-op is not applied and not recorded; an invalid action is refused and
 * recorded as REFUSED with the reason.
 */
final class SimActuator implements Actuator {
    private final Simulation sim;
    private final String source;

    SimActuator(Simulation sim, String source) {
        this.sim = sim;
        this.source = source;
    }

    @Override
    public ActionResult scale(String deployment, int replicas, String reason) {
        SimDeployment d = sim.findDeployment(deployment);
        if (d == null) {
            return refuse(deployment, Integer.toString(replicas),
                    "unknown deployment '" + deployment + "' (known: " + sim.deploymentNames() + ")");
        }
        int target = Math.max(0, replicas);
        if (target == d.specReplicas) {
            return ActionResult.refused("unchanged: " + d.name + " already has " + target + " replicas");
        }
        d.specReplicas = target;
        sim.log.add(RunEvent.Kind.SCALE, source, d.name, Integer.toString(target), reason);
        sim.controller.reconcile(d);
        return ActionResult.applied("scaled " + d.name + " to " + target + " replicas");
    }

    @Override
    public ActionResult setTrafficSplit(Map<String, Integer> percentByColor, String reason) {
        String[] colors = sim.colors();
        if (percentByColor == null || percentByColor.isEmpty()) {
            return refuse("", "", "empty traffic split (give a percent per colour, summing to 100)");
        }
        String attempted = describeAttempt(percentByColor, colors);
        List<String> unknown = new ArrayList<>();
        for (String key : percentByColor.keySet()) {
            if (key == null || sim.findColor(key) == null) {
                unknown.add(String.valueOf(key));
            }
        }
        if (!unknown.isEmpty()) {
            Collections.sort(unknown);
            return refuse("", attempted, "unknown colour " + String.join(", ", unknown) + " (known: "
                    + String.join(", ", colors) + ")");
        }
        int[] percent = new int[colors.length];
        int sum = 0;
        for (int i = 0; i < colors.length; i++) {
            if (!percentByColor.containsKey(colors[i])) {
                continue;
            }
            Integer value = percentByColor.get(colors[i]);
            if (value == null || value < 0 || value > 100) {
                return refuse("", attempted, "percent for " + colors[i] + " must be 0..100, got " + value);
            }
            percent[i] = value;
            sum += value;
        }
        if (sum != 100) {
            return refuse("", attempted, "percentages must sum to 100, got " + sum);
        }
        String value = TrafficRouter.describe(colors, percent);
        if (sim.router.isSplit(percent)) {
            return ActionResult.refused("unchanged: traffic already split " + value);
        }
        sim.router.split(percent);
        sim.log.add(RunEvent.Kind.SPLIT, source, "", value, reason);
        return ActionResult.applied("traffic split " + value);
    }

    /** The requested split as {@code blue=70,green=20}: known colours in deployment order, then the rest sorted. */
    private static String describeAttempt(Map<String, Integer> split, String[] colors) {
        List<String> known = Arrays.asList(colors);
        List<String> parts = new ArrayList<>();
        for (String color : colors) {
            if (split.containsKey(color)) {
                parts.add(color + "=" + split.get(color));
            }
        }
        List<String> others = new ArrayList<>();
        for (Map.Entry<String, Integer> e : split.entrySet()) {
            if (!known.contains(e.getKey())) {
                others.add(e.getKey() + "=" + e.getValue());
            }
        }
        Collections.sort(others);
        parts.addAll(others);
        return String.join(",", parts);
    }

    @Override
    public ActionResult switchSelector(String color, String reason) {
        SimDeployment d = sim.findColor(color);
        if (d == null) {
            return refuse("", color, "unknown colour '" + color + "' (known: " + String.join(", ", sim.colors())
                    + ")");
        }
        if (sim.router.selector() == d.index) {
            return ActionResult.refused("unchanged: the Service already selects " + color);
        }
        sim.router.select(d.index);
        sim.log.add(RunEvent.Kind.SELECTOR, source, color, color, reason);
        return ActionResult.applied("Service selector now " + color);
    }

    private ActionResult refuse(String target, String value, String why) {
        sim.log.add(RunEvent.Kind.REFUSED, source, target, value, why);
        return ActionResult.refused(why);
    }
}
