package dev.failoverlab.agent.guard;

import dev.failoverlab.agent.port.ActionResult;
import dev.failoverlab.agent.port.Actuator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Applies nothing, remembers every call that got through the guard. */
final class RecordingActuator implements Actuator {
    final List<String> calls = new ArrayList<>();
    RuntimeException failWith;

    @Override
    public ActionResult scale(String deployment, int replicas, String reason) {
        return call("scale " + deployment + " " + replicas);
    }

    @Override
    public ActionResult setTrafficSplit(Map<String, Integer> percentByColor, String reason) {
        return call("split " + new TreeMap<>(percentByColor));
    }

    @Override
    public ActionResult switchSelector(String color, String reason) {
        return call("switch " + color);
    }

    private ActionResult call(String what) {
        if (failWith != null) {
            throw failWith;
        }
        calls.add(what);
        return ActionResult.applied(what);
    }
}
