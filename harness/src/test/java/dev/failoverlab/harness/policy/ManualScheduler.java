package dev.failoverlab.harness.policy;

import dev.failoverlab.agent.port.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Virtual time for tests: tasks run in time order (ties in registration order) as the test advances it. */
final class ManualScheduler implements Scheduler, Clock {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private static final class Task {
        final Duration period;
        final Runnable body;
        Duration due;

        Task(Duration period, Duration due, Runnable body) {
            this.period = period;
            this.due = due;
            this.body = body;
        }
    }

    private final List<Task> tasks = new ArrayList<>();
    private Duration elapsed = Duration.ZERO;

    @Override
    public void every(Duration period, Duration firstAfter, Runnable task) {
        tasks.add(new Task(period, firstAfter, task));
    }

    @Override
    public void at(Duration sinceStart, Runnable task) {
        tasks.add(new Task(null, sinceStart, task));
    }

    @Override
    public Instant now() {
        return START.plus(elapsed);
    }

    int taskCount() {
        return tasks.size();
    }

    /** Runs everything due up to and including {@code sinceStart}. */
    void advanceTo(Duration sinceStart) {
        while (true) {
            Task next = null;
            for (Task t : tasks) {
                if (t.due.compareTo(sinceStart) <= 0 && (next == null || t.due.compareTo(next.due) < 0)) {
                    next = t;
                }
            }
            if (next == null) {
                break;
            }
            elapsed = next.due;
            if (next.period == null) {
                tasks.remove(next);
            } else {
                next.due = next.due.plus(next.period);
            }
            next.body.run();
        }
        elapsed = sinceStart;
    }

    void advanceBy(Duration d) {
        advanceTo(elapsed.plus(d));
    }
}
