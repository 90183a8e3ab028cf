package dev.failoverlab.harness.sim;

import dev.failoverlab.agent.port.DeploymentInfo;
import dev.failoverlab.harness.scenario.DeploymentSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * One Deployment and its colour: spec, template history, the pods that exist (in creation order), the ready
 * endpoints the Service routes to, the fault state that applies to all its pods, and per-colour accounting.
 */
final class SimDeployment {
    final int index;
    final DeploymentSpec spec;
    final String name;
    final String color;
    final double requestCores;
    final int servers;
    /** Speed of one CPU server without contention: limit cores spread over ceil(cores) servers. */
    final double serverSpeed;
    final double memoryLimitMiB;
    final PodTemplates templates;

    int specReplicas;
    int revision;
    double startupSeconds;
    long podSerial;
    final List<SimPod> pods = new ArrayList<>();
    SimPod[] ready = new SimPod[8];
    int readyCount;
    int probeCursor;

    int crashLoops;
    int readinessFailures;
    /** Active CPU contention faults by fault index, for the product of (1 - stolen). */
    final TreeMap<Integer, Double> stolenByFault = new TreeMap<>();
    double cpuFactor = 1;
    double leakMiBPerSecond;

    /** Cumulative CPU seconds used by all pods that ever existed. */
    double cpuSeconds;
    double cpuSecondsAtSample;
    final Integral existingPods = new Integral();
    final Integral runningPods = new Integral();

    boolean reconciling;
    boolean reconcileAgain;

    SimDeployment(int index, DeploymentSpec spec, double defaultSlowDelayMs, double startupSeconds) {
        this.index = index;
        this.spec = spec;
        this.name = spec.name();
        this.color = spec.color();
        this.requestCores = spec.cpuMillis() / 1000.0;
        double limitCores = (spec.cpuLimitMillis() > 0 ? spec.cpuLimitMillis() : spec.cpuMillis()) / 1000.0;
        this.servers = Math.max(1, (int) Math.ceil(limitCores - 1e-9));
        this.serverSpeed = limitCores / servers;
        long limitBytes = spec.memoryLimitBytes() > 0 ? spec.memoryLimitBytes() : spec.memoryBytes();
        this.memoryLimitMiB = limitBytes / (1024.0 * 1024.0);
        this.templates = new PodTemplates(spec.name(), defaultSlowDelayMs);
        this.specReplicas = spec.replicas();
        this.startupSeconds = startupSeconds;
    }

    /** Recomputes the Service endpoints of this colour: ready pods in creation order. */
    void rebuildEndpoints() {
        int n = 0;
        for (SimPod p : pods) {
            if (p.ready) {
                if (n == ready.length) {
                    ready = Arrays.copyOf(ready, n * 2);
                }
                ready[n++] = p;
            }
        }
        Arrays.fill(ready, n, ready.length, null);
        readyCount = n;
    }

    int updatedReplicas() {
        int n = 0;
        for (SimPod p : pods) {
            if (p.state != SimPod.State.TERMINATING && p.revision == revision) {
                n++;
            }
        }
        return n;
    }

    DeploymentInfo info() {
        long limitBytes = spec.memoryLimitBytes() > 0 ? spec.memoryLimitBytes() : spec.memoryBytes();
        return new DeploymentInfo(name, color, specReplicas, readyCount, updatedReplicas(), spec.cpuMillis(),
                spec.memoryBytes(), limitBytes);
    }
}
