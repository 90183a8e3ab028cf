package dev.failoverlab.harness.sim;

import dev.failoverlab.harness.scenario.ClusterSpec;
import dev.failoverlab.harness.scenario.DeploymentSpec;
import dev.failoverlab.harness.scenario.FaultSpec;
import dev.failoverlab.harness.scenario.Scenario;
import dev.failoverlab.loadgen.yaml.YamlFileException;
import dev.failoverlab.harness.scenario.WorkloadSpec;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the simulator needs of a scenario beyond what the parser checks, verified before the run starts, so a
 * bad scenario fails at once with the field and the fix instead of deep inside a run.
 */
final class ScenarioCheck {
    private ScenarioCheck() {
    }

    static void validate(Scenario s) {
        String where = "scenario '" + s.name() + "' (" + s.sourceFile() + ")";
        if (s.duration() == null || s.duration().isZero() || s.duration().isNegative()) {
            throw new IllegalArgumentException(where + ": duration must be > 0");
        }
        ClusterSpec cluster = s.cluster();
        if (cluster.deployments().isEmpty()) {
            throw new IllegalArgumentException(where + ": cluster.deployments is empty (give web-blue and web-green)");
        }
        Set<String> names = new LinkedHashSet<>();
        Set<String> colors = new LinkedHashSet<>();
        for (DeploymentSpec d : cluster.deployments()) {
            String path = where + ": cluster.deployments." + d.name();
            if (!names.add(d.name()) || !colors.add(d.color())) {
                throw new IllegalArgumentException(path + ": name and colour must be unique in the pair");
            }
            require(d.replicas() >= 0, path + ".replicas must be >= 0, got " + d.replicas());
            require(d.cpuMillis() > 0, path + ".cpu must be > 0 millicores, got " + d.cpuMillis());
            require(d.memoryBytes() > 0, path + ".memory must be > 0, got " + d.memoryBytes());
        }
        require(colors.contains(cluster.active()), where + ": cluster.active '" + cluster.active()
                + "' is not a colour of the deployments " + colors);
        checkWorkload(s.workload(), where + ": workload.");
        List<FaultSpec> faults = s.faults();
        for (int i = 0; i < faults.size(); i++) {
            checkFault(faults.get(i), i, names);
        }
    }

    private static void checkWorkload(WorkloadSpec w, String path) {
        require(w.cpuPerRequestMs() > 0 && Double.isFinite(w.cpuPerRequestMs()),
                path + "cpuPerRequestMs must be > 0, got " + w.cpuPerRequestMs());
        require(w.cpuCv() >= 0 && Double.isFinite(w.cpuCv()), path + "cpuCv must be >= 0, got " + w.cpuCv());
        require(w.slowDelayMs() >= 0, path + "slowDelayMs must be >= 0, got " + w.slowDelayMs());
        require(w.startupSeconds() >= 0, path + "startupSeconds must be >= 0, got " + w.startupSeconds());
        require(w.concurrency() >= 1, path + "concurrency must be >= 1, got " + w.concurrency());
        require(w.queueLimit() >= 0, path + "queueLimit must be >= 0, got " + w.queueLimit());
        require(w.timeoutSeconds() > 0 && Double.isFinite(w.timeoutSeconds()),
                path + "timeoutSeconds must be > 0, got " + w.timeoutSeconds());
        require(w.baseLatencyMs() >= 0, path + "baseLatencyMs must be >= 0, got " + w.baseLatencyMs());
        require(w.memoryBaseMiB() >= 0 && w.memoryPerInflightMiB() >= 0,
                path + "memoryBaseMiB and memoryPerInflightMiB must be >= 0");
    }

    private static void checkFault(FaultSpec f, int i, Set<String> names) {
        String path = "faults[" + i + "]";
        if (!names.contains(f.deployment())) {
            throw new YamlFileException(f.location(), path + ".deployment",
                    "unknown deployment '" + f.deployment() + "' (known: " + String.join(", ", names) + ")");
        }
        if (f.at() == null || f.at().isNegative()) {
            throw new YamlFileException(f.location(), path + ".at", "must be a duration >= 0");
        }
        Duration lasts = FaultInjector.lasts(f);
        if (lasts != null && (lasts.isZero() || lasts.isNegative())) {
            throw new YamlFileException(f.location(), path + ".lasts", "must be > 0 (or left out: until the end)");
        }
        if (f instanceof FaultSpec.PatchEnv p) {
            PodTemplates.validate(p, i);
        } else if (f instanceof FaultSpec.PodKill k && k.count() < 1) {
            throw new YamlFileException(f.location(), path + ".podKill.count", "must be >= 1, got " + k.count());
        } else if (f instanceof FaultSpec.CpuContention c && !(c.stolenFraction() >= 0 && c.stolenFraction() < 1)) {
            throw new YamlFileException(f.location(), path + ".cpuContention.stolen",
                    "must be a fraction in [0, 1), got " + c.stolenFraction());
        } else if (f instanceof FaultSpec.MemoryLeak m && !(m.mibPerMinute() > 0)) {
            throw new YamlFileException(f.location(), path + ".memoryLeak.mibPerMinute",
                    "must be > 0, got " + m.mibPerMinute());
        } else if (f instanceof FaultSpec.SlowStart s && !(s.startupSeconds() >= 0)) {
            throw new YamlFileException(f.location(), path + ".slowStart.startupSeconds",
                    "must be >= 0, got " + s.startupSeconds());
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
