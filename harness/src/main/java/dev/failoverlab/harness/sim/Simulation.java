package dev.failoverlab.harness.sim;

import dev.failoverlab.harness.policy.Policy;
import dev.failoverlab.harness.policy.PolicyEnvironment;
import dev.failoverlab.harness.policy.PolicyFactory;
import dev.failoverlab.harness.run.Backend;
import dev.failoverlab.harness.run.RunEvent;
import dev.failoverlab.harness.run.RunKey;
import dev.failoverlab.harness.run.RunRecording;
import dev.failoverlab.harness.run.RunStats;
import dev.failoverlab.harness.run.Sample;
import dev.failoverlab.harness.scenario.DeploymentSpec;
import dev.failoverlab.harness.scenario.Scenario;
import dev.failoverlab.harness.scenario.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * One simulated run: builds the cluster at time zero, starts the policy, and processes events in (time, sequence)
 * order until the last sample. Holds the shared state its parts (request flow, kubelet, controllers, monitoring,
 * policy context) work on; they reach it through package-private fields.
 */
final class Simulation {
    static final double SAMPLE_SECONDS = 5;
    private static final double PROGRESS_SECONDS = 10;

    final Scenario scenario;
    final WorkloadSpec workload;
    final double endSeconds;
    final SimClock clock = new SimClock();
    final EventQueue queue = new EventQueue(4096);
    final RequestTable requests = new RequestTable(4096);
    final SimDeployment[] deployments;
    final List<SimPod> pods = new ArrayList<>();
    final TrafficRouter router;
    final Recorder recorder;
    final EventLog log = new EventLog(clock);
    final Kubelet kubelet;
    final DeploymentController controller;
    final RequestFlow flow;
    final MetricsServer metricsServer;
    final Prometheus prometheus;
    final SampleBuilder sampler;
    final FaultInjector faults;
    private final SimPolicyContext context;
    private final Policy policy;
    private final String policyName;
    private final RunKey key;
    private final Backend.Progress progress;
    private final List<Sample> samples = new ArrayList<>();
    private long events;
    private boolean started;

    Simulation(Scenario scenario, PolicyFactory factory, long seed, Backend.Progress progress) {
        ScenarioCheck.validate(scenario);
        this.scenario = scenario;
        this.workload = scenario.workload();
        this.endSeconds = scenario.durationSeconds();
        this.progress = progress;
        List<DeploymentSpec> specs = scenario.cluster().deployments();
        deployments = new SimDeployment[specs.size()];
        String[] colors = new String[specs.size()];
        int active = 0;
        for (int i = 0; i < specs.size(); i++) {
            deployments[i] = new SimDeployment(i, specs.get(i), workload.slowDelayMs(), workload.startupSeconds());
            colors[i] = specs.get(i).color();
            if (colors[i].equals(scenario.cluster().active())) {
                active = i;
            }
        }
        router = new TrafficRouter(colors, active);
        recorder = new Recorder(deployments.length, workload.timeoutSeconds());
        kubelet = new Kubelet(this);
        controller = new DeploymentController(this);
        flow = new RequestFlow(this, seed);
        metricsServer = new MetricsServer(this);
        prometheus = new Prometheus(this);
        sampler = new SampleBuilder(this);
        faults = new FaultInjector(this, scenario.faults());
        policyName = factory.name();
        key = new RunKey(scenario.name(), policyName, seed);
        List<PolicyEnvironment.ManagedDeployment> managed = new ArrayList<>();
        for (DeploymentSpec d : specs) {
            managed.add(new PolicyEnvironment.ManagedDeployment(d.name(), d.color(), d.minReplicas(),
                    d.maxReplicas()));
        }
        PolicyEnvironment environment = new PolicyEnvironment(scenario.cluster().namespace(),
                scenario.cluster().service(), scenario.cluster().active(), managed, scenario.slo(),
                scenario.context(), scenario.settingsFor(policyName), scenario.duration(), scenario.pricing(),
                scenario.queries());
        context = new SimPolicyContext(this, policyName, environment);
        policy = factory.create(scenario.settingsFor(policyName));
    }

    RunRecording run() {
        if (started) {
            throw new IllegalStateException("run " + key + ": a Simulation runs once; make a new one");
        }
        started = true;
        long wallStart = System.nanoTime();
        for (SimDeployment d : deployments) {
            for (int i = 0; i < d.specReplicas; i++) {
                kubelet.createReady(d);
            }
        }
        flow.scheduleNextArrival();
        queue.push(0, EventType.METRICS, 0);
        queue.push(0, EventType.SCRAPE, 0);
        faults.schedule();
        int sampleIndex = 1;
        queue.push(sampleTime(sampleIndex), EventType.SAMPLE, 0);
        callPolicy(null, "start");
        double nextProgress = PROGRESS_SECONDS;
        while (true) {
            double t = queue.topTime();
            int type = queue.topType();
            long payload = queue.topPayload();
            queue.removeTop();
            clock.now = t;
            events++;
            if (type == EventType.ARRIVAL) {
                flow.onArrival();
            } else if (type == EventType.CPU_DONE) {
                flow.onCpuDone(payload);
            } else if (type == EventType.SLOW_DONE) {
                flow.onSlowDone(payload);
            } else if (type == EventType.SAMPLE) {
                samples.add(sampler.build());
                if (t >= endSeconds) {
                    break;
                }
                queue.push(sampleTime(++sampleIndex), EventType.SAMPLE, 0);
                if (t >= nextProgress) {
                    progress.advancedTo(t);
                    nextProgress += PROGRESS_SECONDS;
                }
            } else {
                control(type, payload);
            }
        }
        callPolicy(-1, "finish");
        progress.advancedTo(endSeconds);
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        return new RunRecording(key, SimBackend.NAME, List.of(colors()), SAMPLE_SECONDS, samples, log.events,
                log.queries, new RunStats(flow.arrived, events, wallSeconds));
    }

    private double sampleTime(int index) {
        return Math.min(index * SAMPLE_SECONDS, endSeconds);
    }

    void control(int type, long payload) {
        switch (type) {
            case EventType.SCRAPE -> prometheus.scrape();
            case EventType.METRICS -> metricsServer.tick();
            case EventType.POD_SCHEDULED, EventType.STARTUP_DONE, EventType.BACKOFF_DONE, EventType.GRACE_END -> {
                SimPod pod = kubelet.timerTarget(payload);
                if (pod != null) {
                    podTimer(type, pod);
                }
            }
            case EventType.OOM_CHECK -> kubelet.onMemoryCheck(payload);
            case EventType.FAULT_START -> faults.start((int) payload);
            case EventType.FAULT_END -> faults.end((int) payload);
            case EventType.READINESS_LOST -> faults.readinessLost((int) payload);
            case EventType.READINESS_BACK -> faults.readinessBack((int) payload);
            case EventType.POLICY_TASK -> callPolicy((int) payload, "a scheduled task");
            default -> throw new IllegalStateException("unknown event type " + type);
        }
    }

    private void podTimer(int type, SimPod pod) {
        switch (type) {
            case EventType.POD_SCHEDULED -> kubelet.onScheduled(pod);
            case EventType.STARTUP_DONE -> kubelet.onStartupDone(pod);
            case EventType.BACKOFF_DONE -> kubelet.onBackoffDone(pod);
            default -> kubelet.onGraceEnd(pod);
        }
    }

    /** Runs the policy's start (task null) or one of its tasks; a policy exception ends the run loudly. */
    private void callPolicy(Integer task, String what) {
        try {
            if (task == null) {
                policy.start(context);
            } else if (task == -1) {
                policy.finish(context);
            } else {
                context.runTask(task);
            }
        } catch (RuntimeException e) {
            log.add(RunEvent.Kind.NOTE, policyName, "", "", "policy error: " + e);
            throw new IllegalStateException(String.format(Locale.ROOT, "run %s: policy '%s' failed in %s at t=%.3f s: %s",
                    key, policyName, what, clock.now, e), e);
        }
    }

    SimDeployment findDeployment(String name) {
        for (SimDeployment d : deployments) {
            if (d.name.equals(name)) {
                return d;
            }
        }
        return null;
    }

    SimDeployment findColor(String color) {
        for (SimDeployment d : deployments) {
            if (d.color.equals(color)) {
                return d;
            }
        }
        return null;
    }

    SimDeployment deployment(String name) {
        SimDeployment d = findDeployment(name);
        if (d == null) {
            throw new IllegalArgumentException("unknown deployment '" + name + "' (known: " + deploymentNames() + ")");
        }
        return d;
    }

    SimDeployment colorIndex(String color) {
        SimDeployment d = findColor(color);
        if (d == null) {
            throw new IllegalArgumentException("unknown colour '" + color + "' (known: "
                    + String.join(", ", colors()) + ")");
        }
        return d;
    }

    String deploymentNames() {
        List<String> names = new ArrayList<>();
        for (SimDeployment d : deployments) {
            names.add(d.name);
        }
        return String.join(", ", names);
    }

    String[] colors() {
        String[] colors = new String[deployments.length];
        for (SimDeployment d : deployments) {
            colors[d.index] = d.color;
        }
        return colors;
    }

    /** Latencies of every request of one colour finished during the run (for fidelity checks). */
    Histogram runLatencies(String color) {
        return recorder.whole[colorIndex(color).index].copy();
    }
}
