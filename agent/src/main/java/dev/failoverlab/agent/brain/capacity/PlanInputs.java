package dev.failoverlab.agent.brain.capacity;

import dev.failoverlab.agent.analytics.capacity.ErlangC;
import dev.failoverlab.agent.analytics.capacity.QueueMetrics;
import dev.failoverlab.agent.analytics.optimize.ColourModel;
import dev.failoverlab.agent.config.AgentConfig;
import dev.failoverlab.agent.evidence.Evidence;
import dev.failoverlab.agent.observe.ColorObservation;
import dev.failoverlab.agent.port.DeploymentInfo;

/**
 * What the plan search is told about one colour, every figure measured or estimated and recorded: its service rate
 * per pod (CPU model), its price per replica (CPU and memory requests at the configured prices), its pod failure
 * probability (restarts x an assumed time to recover over pod lifetime, crash-looping pods, else a documented
 * default), and the part of its latency and errors that more CPU would not fix: the error rate measured, the
 * fraction of requests slower than the latency limit beyond what the colour's own M/M/r queue explains, and the
 * non-CPU latency (measured p50 minus the queue's p50). A colour without traffic has no such measurements; it is
 * assumed clean and the evidence says so.
 *
 * @param colour          colour name
 * @param deployment      its deployment
 * @param model           the plan search's view of it
 * @param baseLatencyMs   latency no amount of CPU removes; NaN when not measurable
 * @param cpu             the CPU model behind the service rate
 */
record PlanInputs(String colour, String deployment, ColourModel model, double baseLatencyMs,
        CpuCostModel.ColourCpu cpu) {

    /** A pod is down this fraction of the time when no restart was seen (about 43 minutes a month). */
    static final double DEFAULT_POD_FAILURE = 0.001;
    /** Time a restarted pod is out of service: restart back-off plus readiness, a typical figure. */
    static final double ASSUMED_MTTR_SECONDS = 30;

    static PlanInputs of(ColorObservation c, CpuCostModel.ColourCpu cpu, PodFacts.ColourPods pods,
            DeploymentInfo deployment, double limitMs, int maxReplicas, AgentConfig cfg, Evidence ev) {
        double price = price(c, deployment, cfg, ev);
        double failure = failure(c.color(), pods, ev);
        double mu = cpu.rate().perPod();
        double error = 0;
        double slow = 0;
        double base = Double.NaN;
        var m = ev.model("colour-quality [" + c.color() + "]").parameter("latency_limit_ms", limitMs);
        if (c.hasTraffic() && Double.isFinite(c.errorRate())) {
            error = c.errorRate();
            m.parameter("error_rate", error);
        } else {
            ev.missing(c.color() + " served no traffic in the window: error rate and slow fraction assumed 0"
                    + " (untested)");
        }
        int servers = Math.max(1, c.readyReplicas());
        if (c.hasTraffic() && c.bucketCounts() != null && Double.isFinite(c.rps()) && c.rps() < servers * mu) {
            QueueMetrics q = ErlangC.metrics(c.rps(), mu, servers);
            double measuredSlow = c.fractionSlowerThan(limitMs);
            double queueSlow = q.responseExceedance(limitMs / 1000);
            slow = Math.max(0, measuredSlow - queueSlow);
            double queueP50 = q.responsePercentile(0.5) * 1000;
            base = Math.max(0, c.p50Ms() - queueP50);
            m.parameter("measured_slow_fraction", measuredSlow).parameter("queue_slow_fraction", queueSlow)
                    .parameter("measured_p50_ms", c.p50Ms()).parameter("queue_p50_ms", queueP50)
                    .output("slow_fraction", slow).output("base_latency_ms", base);
        } else if (c.hasTraffic()) {
            m.note("queue saturated or no histogram: slow requests attributed to CPU, base latency not measured");
        }
        m.output("error_rate", error).add();
        ColourModel model = new ColourModel(c.color(), mu, price, failure, Math.min(1, error), Math.min(1, slow), 1,
                Math.max(1, maxReplicas));
        return new PlanInputs(c.color(), c.deployment(), model, base, cpu);
    }

    private static double price(ColorObservation c, DeploymentInfo d, AgentConfig cfg, Evidence ev) {
        long memory = d != null ? d.memoryRequestBytes() : c.memoryLimitBytes();
        if (d == null) {
            ev.missing("memory request of " + c.deployment() + " unreadable: priced at its memory limit");
        }
        double price = cfg.podCostPerHour(c.cpuRequestMillis(), memory);
        ev.model("pod-price [" + c.color() + "]").parameter("cpu_request_millis", c.cpuRequestMillis())
                .parameter("memory_request_mib", memory / (1024.0 * 1024.0)).parameter("vcpu_hour", cfg.vcpuHour())
                .parameter("gib_hour", cfg.gibHour()).output("cost_per_replica_hour", price).add();
        return price;
    }

    private static double failure(String colour, PodFacts.ColourPods pods, Evidence ev) {
        var m = ev.model("pod-failure-probability [" + colour + "]").parameter("default", DEFAULT_POD_FAILURE)
                .parameter("assumed_mttr_seconds", ASSUMED_MTTR_SECONDS);
        double p = DEFAULT_POD_FAILURE;
        String source = "documented default: a pod down 0.1 % of the time (evictions, node drains, restarts)";
        if (pods != null) {
            m.parameter("restarts", pods.restarts()).parameter("pod_seconds", pods.podSeconds());
            if (pods.restarts() > 0 && pods.podSeconds() > 0) {
                double measured = Math.min(1, pods.restarts() * ASSUMED_MTTR_SECONDS / pods.podSeconds());
                m.output("from_restarts", measured);
                if (measured > p) {
                    p = measured;
                    source = "measured restarts x assumed recovery time over the pods' lifetime";
                }
            }
            if (pods.pods() > 0 && pods.crashLooping() > 0) {
                double crashing = (double) pods.crashLooping() / pods.pods();
                m.output("crash_looping_fraction", crashing);
                if (crashing > p) {
                    p = crashing;
                    source = "share of pods in CrashLoopBackOff now";
                }
            }
        } else {
            source += "; pods unreadable";
        }
        m.output("pod_failure_probability", p).note("source: " + source).add();
        return p;
    }
}
