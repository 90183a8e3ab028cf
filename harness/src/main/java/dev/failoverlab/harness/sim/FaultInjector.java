package dev.failoverlab.harness.sim;

import dev.failoverlab.harness.run.RunEvent;
import dev.failoverlab.harness.scenario.FaultSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Applies the scenario's faults at their times and undoes the ones that last a while, recording each as a
 * FAULT / FAULT_END event. A failing readiness probe takes effect 10 s after the fault starts and clears 10 s after
 * it ends (one probe period, as the kubelet notices).
 */
final class FaultInjector {
    static final double READINESS_DELAY_SECONDS = 10;

    private final Simulation sim;
    private final List<FaultSpec> faults;
    private final String source;

    FaultInjector(Simulation sim, List<FaultSpec> faults) {
        this(sim, faults, EventLog.SCENARIO);
    }

    /** Logs the faults with {@code source} (the live demo's operator injects faults too). */
    FaultInjector(Simulation sim, List<FaultSpec> faults, String source) {
        this.sim = sim;
        this.faults = faults;
        this.source = source;
    }

    void schedule() {
        for (int i = 0; i < faults.size(); i++) {
            FaultSpec f = faults.get(i);
            double at = seconds(f.at());
            sim.queue.push(at, EventType.FAULT_START, i);
            java.time.Duration lasts = lasts(f);
            if (lasts != null) {
                sim.queue.push(at + seconds(lasts), EventType.FAULT_END, i);
            }
        }
    }

    static java.time.Duration lasts(FaultSpec f) {
        if (f instanceof FaultSpec.CrashLoop c) {
            return c.lasts();
        }
        if (f instanceof FaultSpec.FailReadiness r) {
            return r.lasts();
        }
        if (f instanceof FaultSpec.CpuContention c) {
            return c.lasts();
        }
        return null;
    }

    void start(int index) {
        FaultSpec fault = faults.get(index);
        SimDeployment d = sim.deployment(fault.deployment());
        double now = sim.clock.now;
        sim.log.add(RunEvent.Kind.FAULT, source, d.name, "", fault.label());
        if (fault instanceof FaultSpec.PatchEnv p) {
            sim.controller.patch(d, p);
        } else if (fault instanceof FaultSpec.PodKill k) {
            List<SimPod> victims = new ArrayList<>();
            for (SimPod pod : d.pods) {
                if (pod.ready) {
                    victims.add(pod);
                }
            }
            victims.sort(Comparator.comparingDouble((SimPod p) -> p.createdAt).thenComparingLong(p -> p.serial));
            for (SimPod pod : victims.subList(0, Math.min(k.count(), victims.size()))) {
                sim.kubelet.kill(pod);
            }
        } else if (fault instanceof FaultSpec.CrashLoop) {
            d.crashLoops++;
            for (SimPod pod : new ArrayList<>(d.pods)) {
                if (pod.containerRunning()) {
                    sim.kubelet.containerExited(pod, now);
                }
            }
        } else if (fault instanceof FaultSpec.FailReadiness) {
            sim.queue.push(now + READINESS_DELAY_SECONDS, EventType.READINESS_LOST, d.index);
        } else if (fault instanceof FaultSpec.CpuContention c) {
            d.stolenByFault.put(index, c.stolenFraction());
            applyContention(d, now);
        } else if (fault instanceof FaultSpec.MemoryLeak m) {
            for (SimPod pod : d.pods) {
                pod.flushLeak(now);
            }
            d.leakMiBPerSecond += m.mibPerMinute() / 60.0;
            for (SimPod pod : d.pods) {
                sim.kubelet.scheduleMemoryCheck(pod);
            }
        } else if (fault instanceof FaultSpec.SlowStart s) {
            d.startupSeconds = s.startupSeconds();
        } else {
            throw new IllegalStateException("fault kind not simulated: " + fault.getClass().getSimpleName());
        }
    }

    void end(int index) {
        FaultSpec fault = faults.get(index);
        SimDeployment d = sim.deployment(fault.deployment());
        double now = sim.clock.now;
        sim.log.add(RunEvent.Kind.FAULT_END, source, d.name, "", fault.label());
        if (fault instanceof FaultSpec.CrashLoop) {
            d.crashLoops--; // pods restart normally at their next back-off expiry
        } else if (fault instanceof FaultSpec.FailReadiness) {
            sim.queue.push(now + READINESS_DELAY_SECONDS, EventType.READINESS_BACK, d.index);
        } else if (fault instanceof FaultSpec.CpuContention) {
            d.stolenByFault.remove(index);
            applyContention(d, now);
        }
    }

    void readinessLost(int deployment) {
        SimDeployment d = sim.deployments[deployment];
        d.readinessFailures++;
        sim.kubelet.updateReadiness(d);
    }

    void readinessBack(int deployment) {
        SimDeployment d = sim.deployments[deployment];
        d.readinessFailures--;
        sim.kubelet.updateReadiness(d);
    }

    /** New CPU speed for every pod; requests already on a CPU keep the completion time they started with. */
    private static void applyContention(SimDeployment d, double now) {
        double factor = 1;
        for (Map.Entry<Integer, Double> e : d.stolenByFault.entrySet()) {
            factor *= 1 - e.getValue();
        }
        d.cpuFactor = factor;
        for (SimPod pod : d.pods) {
            pod.flushCpu(now);
            pod.speed = d.serverSpeed * factor;
        }
    }

    static double seconds(java.time.Duration d) {
        return d.toNanos() / 1e9;
    }
}
