package dev.failoverlab.harness.scenario;

import dev.failoverlab.loadgen.yaml.SourceLocation;
import java.time.Duration;
import java.util.Map;

/**
 * A fault injected into one deployment at {@code at}. {@code lasts} is null for faults that stay until the
 * end of the run (or until a later fault undoes them). {@code location} points at the fault in the file.
 */
public sealed interface FaultSpec {

    Duration at();

    String deployment();

    SourceLocation location();

    /** Short label for charts and tables, e.g. {@code patchEnv SLOW_REQUESTS=20}. */
    String label();

    /** The workload's own knobs set on the pod template: a rolling update replaces every pod. */
    record PatchEnv(Duration at, String deployment, Map<String, String> env, SourceLocation location)
            implements FaultSpec {
        public PatchEnv {
            env = Map.copyOf(env);
        }

        @Override public String label() {
            StringBuilder b = new StringBuilder("patchEnv");
            env.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> b.append(' ').append(e.getKey()).append('=').append(e.getValue()));
            return b.toString();
        }
    }

    /** Delete {@code count} running pods at once (the Deployment replaces them). */
    record PodKill(Duration at, String deployment, int count, SourceLocation location) implements FaultSpec {
        @Override public String label() { return "podKill " + count; }
    }

    /** Every container of the deployment exits on start: CrashLoopBackOff with exponential back-off. */
    record CrashLoop(Duration at, String deployment, Duration lasts, SourceLocation location) implements FaultSpec {
        @Override public String label() { return "crashLoop"; }
    }

    /** Readiness probes fail (pods stay running but leave the endpoints). */
    record FailReadiness(Duration at, String deployment, Duration lasts, SourceLocation location)
            implements FaultSpec {
        @Override public String label() { return "failReadiness"; }
    }

    /** A noisy neighbour takes {@code stolenFraction} of each pod's CPU. */
    record CpuContention(Duration at, String deployment, double stolenFraction, Duration lasts,
                         SourceLocation location) implements FaultSpec {
        @Override public String label() { return "cpuContention " + Math.round(stolenFraction * 100) + "%"; }
    }

    /** Working set grows by {@code mibPerMinute} per pod until the memory limit: OOM kill, restart, repeat. */
    record MemoryLeak(Duration at, String deployment, double mibPerMinute, SourceLocation location)
            implements FaultSpec {
        @Override public String label() { return "memoryLeak " + Math.round(mibPerMinute) + "MiB/min"; }
    }

    /** Pods created from now on take {@code startupSeconds} to become ready (cold caches, slow JIT). */
    record SlowStart(Duration at, String deployment, double startupSeconds, SourceLocation location)
            implements FaultSpec {
        @Override public String label() { return "slowStart " + Math.round(startupSeconds) + "s"; }
    }
}
