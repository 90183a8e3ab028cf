package dev.failoverlab.harness.sim;

import dev.failoverlab.agent.port.ActionResult;
import dev.failoverlab.agent.port.Actuator;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

/** The simulator's actuator for other threads: each action is applied under the live simulation's lock. */
final class LiveActuator implements Actuator {
    private final Actuator inner;
    private final Lock lock;

    LiveActuator(Actuator inner, Lock lock) {
        this.inner = inner;
        this.lock = lock;
    }

    private ActionResult locked(Supplier<ActionResult> call) {
        lock.lock();
        try {
            return call.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ActionResult scale(String deployment, int replicas, String reason) {
        return locked(() -> inner.scale(deployment, replicas, reason));
    }

    @Override
    public ActionResult setTrafficSplit(Map<String, Integer> percentByColor, String reason) {
        return locked(() -> inner.setTrafficSplit(percentByColor, reason));
    }

    @Override
    public ActionResult switchSelector(String color, String reason) {
        return locked(() -> inner.switchSelector(color, reason));
    }
}
