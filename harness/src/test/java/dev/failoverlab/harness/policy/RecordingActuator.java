package dev.failoverlab.harness.policy;

import dev.failoverlab.agent.port.ActionResult;
import dev.failoverlab.agent.port.Actuator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Records every action and applies it to the fake cluster, as a real API server would. */
final class RecordingActuator implements Actuator {
    record Action(String kind, String target, int replicas, String reason) {
    }

    final List<Action> actions = new ArrayList<>();
    private final FakeCluster cluster;
    boolean refuse;

    RecordingActuator(FakeCluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public ActionResult scale(String deployment, int replicas, String reason) {
        actions.add(new Action("scale", deployment, replicas, reason));
        if (refuse) {
            return ActionResult.refused("guard rail");
        }
        cluster.setSpecReplicas(deployment, replicas);
        return ActionResult.applied("scaled");
    }

    @Override
    public ActionResult setTrafficSplit(Map<String, Integer> percentByColor, String reason) {
        throw new AssertionError("baseline policies never split traffic");
    }

    @Override
    public ActionResult switchSelector(String color, String reason) {
        actions.add(new Action("switch", color, 0, reason));
        if (refuse) {
            return ActionResult.refused("guard rail");
        }
        cluster.select(color);
        return ActionResult.applied("switched");
    }

    List<Action> of(String kind) {
        return actions.stream().filter(a -> a.kind().equals(kind)).toList();
    }
}
