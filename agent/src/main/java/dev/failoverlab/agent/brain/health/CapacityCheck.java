package dev.failoverlab.agent.brain.health;

import dev.failoverlab.agent.analytics.capacity.ErlangC;
import dev.failoverlab.agent.analytics.capacity.QueueMetrics;
import dev.failoverlab.agent.analytics.capacity.ServiceRate;
import dev.failoverlab.agent.analytics.capacity.ServiceRateEstimator;
import dev.failoverlab.agent.evidence.Evidence;
import dev.failoverlab.agent.observe.ColorObservation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Separates overload from a colour's own fault. A pod's service rate comes from CPU per request
 * ({@link ServiceRateEstimator} on samples of healthy intervals; the other colour's samples when this one has none,
 * since both run the same image; the current interval as a last resort). Then the colour is capacity-bound when
 * both (a) its measured CPU is at least {@value #HIGH_CPU} of the request, and (b) an M/M/1 queue per pod
 * (kube-proxy spreads requests at random, so each pod queues alone: Erlang C with one server) at the measured load
 * is saturated (utilisation at least {@value #SATURATION}) or, when the colour misses the latency allowance,
 * predicts at least half the measured share of requests slower than the SLO bound. (a) rules out slow waits and stolen CPU, which leave CPU low; (b) rules out pods burning
 * CPU on something other than load. Load, CPU and slowness are those of the newest scrape interval, which lines up
 * with metrics-server's 15 s CPU window. Once capacity-bound, a colour stays so for {@value #OVERLOAD_MEMORY_SECONDS} s,
 * while the backlog of the overload drains through freshly added pods.
 */
final class CapacityCheck {
    static final double HIGH_CPU = 0.8;
    static final double SATURATION = 0.9;
    static final long OVERLOAD_MEMORY_SECONDS = 60;
    static final Duration OVERLOAD_MEMORY = Duration.ofSeconds(OVERLOAD_MEMORY_SECONDS);

    private CapacityCheck() {
    }

    /** The service-rate estimate for a colour and where it came from; null rate when nothing supports one. */
    record Rate(ServiceRate rate, String source) {
    }

    static Rate serviceRate(ColorMemory own, ColorMemory other, ColorObservation o, ScrapeInterval newest) {
        double capacityCores = o.cpuRequestMillis() / 1000.0;
        if (!(capacityCores > 0)) {
            return new Rate(null, "none");
        }
        ServiceRate fromOwn = fromSamples(own, capacityCores);
        if (fromOwn != null) {
            return new Rate(fromOwn, "own history");
        }
        ServiceRate fromOther = other == null ? null : fromSamples(other, capacityCores);
        if (fromOther != null) {
            return new Rate(fromOther, "other colour (same image)");
        }
        if (newest != null && o.readyReplicas() > 0 && newest.rps() > 0 && o.cpuMillisPerPod() > 0) {
            ServiceRate now = ServiceRateEstimator.estimate(new double[] {newest.rps() / o.readyReplicas()},
                    new double[] {o.cpuMillisPerPod() / 1000.0}, capacityCores, 0.95);
            return new Rate(now, "current interval");
        }
        return new Rate(null, "none");
    }

    private static ServiceRate fromSamples(ColorMemory m, double capacityCores) {
        if (m == null || m.serviceSamples.isEmpty()) {
            return null;
        }
        List<double[]> samples = new ArrayList<>(m.serviceSamples);
        double[] rates = new double[samples.size()];
        double[] cpu = new double[samples.size()];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = samples.get(i)[0];
            cpu[i] = samples.get(i)[1];
        }
        try {
            return ServiceRateEstimator.estimate(rates, cpu, capacityCores, 0.95);
        } catch (IllegalArgumentException e) {
            return null; // only idle samples: no rate
        }
    }

    /** Attributes the colour's latency to load or not, recording the models used. */
    static CapacityVerdict check(String color, Rate rate, ColorObservation o, ScrapeInterval window,
            double observedSlow, double sloLatencyMs, double slowAllowance, ColorMemory m, Instant now,
            Evidence evidence) {
        double load = window == null ? o.rps() : window.rps();
        int ready = o.readyReplicas();
        double cpu = o.cpuUtilization();
        boolean recentBefore = m.capacityBoundWithin(now, OVERLOAD_MEMORY);
        if (rate.rate() == null || ready <= 0 || !(load >= 0)) {
            return CapacityVerdict.unknown(load, ready, cpu, recentBefore);
        }
        evidence.add(rate.rate().evidence());
        double mu = rate.rate().perPod();
        QueueMetrics q = ErlangC.metrics(load / ready, mu, 1);
        evidence.add(q.evidence());
        double predicted = q.responseExceedance(sloLatencyMs / 1000.0);
        boolean cpuHigh = cpu >= HIGH_CPU;
        boolean explained = q.utilisation() >= SATURATION
                || (observedSlow > slowAllowance && predicted >= 0.5 * observedSlow);
        boolean bound = cpuHigh && explained;
        if (bound) {
            m.lastCapacityBoundAt = now;
        }
        boolean recent = bound || recentBefore;
        var model = evidence.model("capacity-attribution")
                .parameter("high_cpu_threshold", HIGH_CPU).parameter("saturation_threshold", SATURATION)
                .parameter("overload_memory_s", OVERLOAD_MEMORY_SECONDS)
                .parameter("service_rate_per_pod", mu).parameter("load_rps", load).parameter("ready_pods", ready)
                .output("utilisation_model", q.utilisation())
                .output("predicted_slow_fraction", predicted);
        if (!Double.isNaN(cpu)) {
            model.output("cpu_utilisation", cpu);
        }
        if (!Double.isNaN(observedSlow)) {
            model.output("observed_slow_fraction", observedSlow);
        }
        String id = model.output("capacity_bound", bound ? 1 : 0).output("recently_capacity_bound", recent ? 1 : 0)
                .note(color + ": service rate from " + rate.source() + "; M/M/1 per pod (Erlang C, one server);"
                        + " an unmeasured figure is left out")
                .add();
        return new CapacityVerdict(mu, rate.source(), load, ready, q.utilisation(), cpu, predicted, observedSlow,
                bound, recent, id);
    }
}
