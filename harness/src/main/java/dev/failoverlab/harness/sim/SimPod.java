package dev.failoverlab.harness.sim;

import dev.failoverlab.agent.port.PodInfo;
import dev.failoverlab.agent.port.PodMetrics;

/**
 * One pod: its lifecycle state, its worker threads and accept queue, its CPU servers and queue (FIFO lists linked
 * through {@link RequestTable#next}), its CPU and memory accounting, and the demo app's knobs fixed at creation
 * from the pod template.
 */
final class SimPod {
    enum State { PENDING, STARTING, RUNNING, BACKOFF, TERMINATING, GONE }

    final int index;
    final SimDeployment deployment;
    final String name;
    final long serial;
    final double createdAt;
    final int revision;
    final double slowFraction;
    final double errorFraction;
    final double slowDelaySeconds;
    final double startupSeconds;

    State state = State.PENDING;
    /** Grows whenever the container starts, exits or the pod goes; lifecycle timers carry it to detect staleness. */
    int incarnation;
    /** Grows with every scheduled memory check, so only the latest one acts. */
    int oomToken;
    double startTime = Double.NaN;
    double containerStart = Double.NaN;
    boolean ready;
    double readyTransition = Double.NaN;
    int restarts;
    int consecutiveFailures;

    int threadsBusy;
    int acceptHead = -1;
    int acceptTail = -1;
    int acceptLen;
    int cpuBusy;
    int cpuHead = -1;
    int cpuTail = -1;
    int cpuLen;
    /** Effective speed of each CPU server in cores (after contention). */
    double speed;
    /** Exponentially weighted mean time a request holds a worker thread (probe latency estimate). */
    double holdEwma;

    double cpuSeconds;
    private double cpuMark;
    double leakMiB;
    double leakMark;

    double metricsCpu;
    double metricsTime;
    int metricsIncarnation = -1;
    PodMetrics latestMetrics;

    SimPod(int index, SimDeployment deployment, long serial, double createdAt, int revision,
           PodTemplates.Knobs knobs, double startupSeconds) {
        this.index = index;
        this.deployment = deployment;
        this.serial = serial;
        this.createdAt = createdAt;
        this.revision = revision;
        this.slowFraction = knobs.slowFraction();
        this.errorFraction = knobs.errorFraction();
        this.slowDelaySeconds = knobs.slowDelaySeconds();
        this.startupSeconds = startupSeconds;
        this.name = deployment.name + "-" + knobs.hash() + "-"
                + PodTemplates.encode(Seeds.mix64(serial * 31 + deployment.index), 5);
        this.speed = deployment.serverSpeed * deployment.cpuFactor;
    }

    boolean containerRunning() {
        return state == State.STARTING || state == State.RUNNING || state == State.TERMINATING;
    }

    /** Requests the pod holds: on a thread or in the accept queue. */
    int inflight() {
        return threadsBusy + acceptLen;
    }

    /** Accounts CPU used since the last flush; call before any change of busy servers or speed. */
    void flushCpu(double now) {
        if (cpuBusy > 0) {
            double used = cpuBusy * speed * (now - cpuMark);
            cpuSeconds += used;
            deployment.cpuSeconds += used;
        }
        cpuMark = now;
    }

    void flushLeak(double now) {
        if (containerRunning()) {
            leakMiB += deployment.leakMiBPerSecond * (now - leakMark);
        }
        leakMark = now;
    }

    /**
     * Working set: base + per request on a worker thread + leak. Requests still in the accept queue sit in the
     * kernel's socket backlog, not the heap, so they do not count (otherwise a long queue alone would push the
     * reported memory past the limit without ever causing an OOM kill).
     */
    double memoryMiB(double now, double baseMiB, double perInflightMiB) {
        double leak = leakMiB + (containerRunning() ? deployment.leakMiBPerSecond * (now - leakMark) : 0);
        return baseMiB + perInflightMiB * threadsBusy + leak;
    }

    long timerHandle() {
        return ((long) incarnation << 32) | index;
    }

    PodInfo.Phase phase() {
        return switch (state) {
            case PENDING -> PodInfo.Phase.PENDING;
            case STARTING, RUNNING -> PodInfo.Phase.RUNNING;
            case BACKOFF -> PodInfo.Phase.CRASH_LOOP_BACK_OFF;
            case TERMINATING, GONE -> PodInfo.Phase.TERMINATING;
        };
    }

    PodInfo info() {
        return new PodInfo(name, deployment.name, deployment.color, phase(), SimClock.instant(startTime), ready,
                SimClock.instant(readyTransition), restarts);
    }
}
