package dev.failoverlab.harness.policy;

import java.time.Duration;

/** Runs policy work at cluster time: simulated events in {@code sim}, a timer on a real cluster. */
public interface Scheduler {

    /** Run {@code task} every {@code period}, the first time {@code firstAfter} after the run starts. */
    void every(Duration period, Duration firstAfter, Runnable task);

    /** Run {@code task} once, {@code sinceStart} after the run starts. */
    void at(Duration sinceStart, Runnable task);
}
