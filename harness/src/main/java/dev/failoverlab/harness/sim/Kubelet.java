package dev.failoverlab.harness.sim;

import java.util.ArrayList;

/**
 * Pod lifecycle as the scheduler and kubelet drive it: a new pod is scheduled after 1 s, its container starts
 * and becomes ready after the startup time; a container that exits (crash loop, OOM kill) fails its requests and
 * restarts after the kubelet's back-off (immediately the first time, then 10 s doubling to 300 s, reset after
 * 10 min of running); a deleted pod leaves the endpoints at once and drains for up to the 30 s grace period.
 * Every state change tells the Deployment controller.
 */
final class Kubelet {
    static final double SCHEDULING_SECONDS = 1;
    static final double GRACE_SECONDS = 30;
    static final double BACKOFF_INITIAL_SECONDS = 10;
    static final double BACKOFF_MAX_SECONDS = 300;
    static final double BACKOFF_RESET_SECONDS = 600;
    /** The shortest step between two memory checks of a leaking pod. */
    static final double OOM_CHECK_MIN_SECONDS = 0.25;

    private final Simulation sim;

    Kubelet(Simulation sim) {
        this.sim = sim;
    }

    /** A new pod from the deployment's current template, pending until scheduled. */
    SimPod create(SimDeployment d) {
        double now = sim.clock.now;
        SimPod pod = new SimPod(sim.pods.size(), d, d.podSerial++, now, d.revision, d.templates.knobs(d.revision),
                d.startupSeconds);
        sim.pods.add(pod);
        d.pods.add(pod);
        d.existingPods.add(now, 1);
        sim.queue.push(now + SCHEDULING_SECONDS, EventType.POD_SCHEDULED, pod.timerHandle());
        return pod;
    }

    /** A pod that was running and ready before the run began. */
    void createReady(SimDeployment d) {
        SimPod pod = create(d);
        pod.incarnation++; // drops the scheduling timer
        pod.startTime = 0;
        startContainerRunning(pod, 0);
        pod.state = SimPod.State.RUNNING;
        pod.ready = true;
        pod.readyTransition = 0;
        d.rebuildEndpoints();
    }

    SimPod timerTarget(long handle) {
        SimPod pod = sim.pods.get((int) handle);
        return pod.incarnation == (int) (handle >>> 32) ? pod : null;
    }

    void onScheduled(SimPod pod) {
        if (pod.state == SimPod.State.PENDING) {
            pod.startTime = sim.clock.now;
            startContainer(pod);
        }
    }

    void onBackoffDone(SimPod pod) {
        if (pod.state == SimPod.State.BACKOFF) {
            startContainer(pod);
        }
    }

    void onStartupDone(SimPod pod) {
        if (pod.state == SimPod.State.STARTING) {
            pod.state = SimPod.State.RUNNING;
            updateReadiness(pod);
            sim.controller.reconcile(pod.deployment);
        }
    }

    private void startContainer(SimPod pod) {
        double now = sim.clock.now;
        pod.incarnation++;
        if (pod.deployment.crashLoops > 0) {
            pod.containerStart = now;
            containerExited(pod, now); // the process exits as it starts
            return;
        }
        startContainerRunning(pod, now);
        sim.queue.push(now + pod.startupSeconds, EventType.STARTUP_DONE, pod.timerHandle());
        updateReadiness(pod);
        sim.controller.reconcile(pod.deployment);
    }

    private void startContainerRunning(SimPod pod, double now) {
        boolean wasRunning = pod.containerRunning();
        pod.state = SimPod.State.STARTING;
        pod.containerStart = now;
        pod.flushCpu(now);
        pod.leakMiB = 0;
        pod.leakMark = now;
        if (!wasRunning) {
            pod.deployment.runningPods.add(now, 1);
        }
        scheduleMemoryCheck(pod);
    }

    /** The container exited (crash or OOM kill): its requests fail; the kubelet restarts it after a back-off. */
    void containerExited(SimPod pod, double now) {
        SimDeployment d = pod.deployment;
        if (pod.containerRunning()) {
            sim.flow.failAll(pod, now);
            d.runningPods.add(now, -1);
        }
        pod.latestMetrics = null;
        if (pod.state == SimPod.State.TERMINATING) {
            gone(pod); // a deleted pod is not restarted
            return;
        }
        if (now - pod.containerStart >= BACKOFF_RESET_SECONDS) {
            pod.consecutiveFailures = 0;
        }
        pod.consecutiveFailures++;
        pod.restarts++;
        pod.incarnation++;
        double delay = pod.consecutiveFailures == 1 ? 0 : Math.min(BACKOFF_MAX_SECONDS,
                BACKOFF_INITIAL_SECONDS * Math.pow(2, pod.consecutiveFailures - 2));
        pod.state = SimPod.State.BACKOFF;
        updateReadiness(pod);
        if (delay == 0) {
            startContainer(pod); // first exit: the kubelet restarts at once (exits again at once in a crash loop)
        } else {
            sim.queue.push(now + delay, EventType.BACKOFF_DONE, pod.timerHandle());
            sim.controller.reconcile(d);
        }
    }

    /** Scale-down or rollout: leave the endpoints now, drain, then go. */
    void delete(SimPod pod) {
        if (!pod.containerRunning()) {
            gone(pod); // nothing to drain
            return;
        }
        if (pod.state == SimPod.State.TERMINATING) {
            return;
        }
        pod.state = SimPod.State.TERMINATING;
        updateReadiness(pod);
        if (pod.inflight() == 0) {
            drained(pod);
        } else {
            sim.queue.push(sim.clock.now + GRACE_SECONDS, EventType.GRACE_END, pod.timerHandle());
        }
    }

    /** A forced kill (fault): in-flight requests fail and the pod is gone at once. */
    void kill(SimPod pod) {
        double now = sim.clock.now;
        if (pod.containerRunning()) {
            sim.flow.failAll(pod, now);
            pod.deployment.runningPods.add(now, -1);
        }
        gone(pod);
    }

    void onGraceEnd(SimPod pod) {
        if (pod.state == SimPod.State.TERMINATING) {
            kill(pod);
        }
    }

    void drained(SimPod pod) {
        double now = sim.clock.now;
        pod.flushCpu(now);
        pod.deployment.runningPods.add(now, -1);
        gone(pod);
    }

    private void gone(SimPod pod) {
        double now = sim.clock.now;
        SimDeployment d = pod.deployment;
        pod.flushCpu(now);
        pod.state = SimPod.State.GONE;
        pod.incarnation++;
        pod.latestMetrics = null;
        boolean wasReady = pod.ready;
        pod.ready = false;
        d.pods.remove(pod);
        d.existingPods.add(now, -1);
        if (wasReady) {
            pod.readyTransition = now;
        }
        d.rebuildEndpoints();
        sim.controller.reconcile(d);
    }

    /** Ready = started, past its startup time, and its readiness probe passes. */
    void updateReadiness(SimPod pod) {
        boolean ready = pod.state == SimPod.State.RUNNING && pod.deployment.readinessFailures == 0;
        if (ready != pod.ready) {
            pod.ready = ready;
            pod.readyTransition = sim.clock.now;
            pod.deployment.rebuildEndpoints();
        }
    }

    void updateReadiness(SimDeployment d) {
        for (SimPod pod : new ArrayList<>(d.pods)) {
            updateReadiness(pod);
        }
        sim.controller.reconcile(d);
    }

    /** Schedules the next look at a leaking pod's memory, when the leak alone would reach the limit. */
    void scheduleMemoryCheck(SimPod pod) {
        SimDeployment d = pod.deployment;
        if (d.leakMiBPerSecond <= 0 || !pod.containerRunning()) {
            return;
        }
        double now = sim.clock.now;
        double headroom = d.memoryLimitMiB - pod.memoryMiB(now, sim.workload.memoryBaseMiB(),
                sim.workload.memoryPerInflightMiB());
        double wait = Math.max(OOM_CHECK_MIN_SECONDS, headroom / d.leakMiBPerSecond);
        pod.oomToken++;
        sim.queue.push(now + wait, EventType.OOM_CHECK, ((long) pod.oomToken << 32) | pod.index);
    }

    void onMemoryCheck(long handle) {
        SimPod pod = sim.pods.get((int) handle);
        if (pod.oomToken != (int) (handle >>> 32) || !pod.containerRunning()) {
            return;
        }
        double now = sim.clock.now;
        double memory = pod.memoryMiB(now, sim.workload.memoryBaseMiB(), sim.workload.memoryPerInflightMiB());
        if (memory >= pod.deployment.memoryLimitMiB) {
            containerExited(pod, now); // OOMKilled; the working set starts afresh with the new container
        } else {
            scheduleMemoryCheck(pod);
        }
    }
}
