package dev.failoverlab.agent.brain.capacity;

import dev.failoverlab.agent.analytics.ModelEvidence;
import dev.failoverlab.agent.analytics.capacity.ServiceRate;
import dev.failoverlab.agent.analytics.capacity.ServiceRateEstimator;
import dev.failoverlab.agent.evidence.Evidence;
import dev.failoverlab.agent.observe.ColorObservation;
import dev.failoverlab.agent.observe.ServiceObservation;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU per request and service rate per pod of each colour, from what the cluster shows: the colour's request rate
 * per ready pod (Prometheus, over the observation window) against its CPU per pod (metrics-server), remembered over
 * the last queries ({@link CpuSamples}) and fitted by {@link ServiceRateEstimator} (regression with idle CPU when
 * the load varied, else the ratio with a t interval). The pod's CPU request is its capacity, so utilisation is the
 * HPA's. A window is sampled only when the load held steady over the last minute and no pod is starting (idle
 * starting pods dilute the CPU average); a colour without traffic borrows the other colour's rate per CPU core,
 * and the evidence says so.
 */
final class CpuCostModel {
    /** Samples older than this no longer describe the running code. */
    static final Duration MAX_AGE = Duration.ofMinutes(10);
    static final double CONFIDENCE = 0.95;
    /** Points (15 s each) the load must have held steady over for a window to be sampled. */
    static final int STEADY_POINTS = 4;
    static final double STEADY_RATIO = 1.2;

    /** One colour's CPU model: {@code rate} is measured or, when {@code borrowedFrom} is set, borrowed. */
    record ColourCpu(String colour, ServiceRate rate, String borrowedFrom) {

        /** CPU utilisation (fraction of request) of a pod serving {@code ratePerPod}. */
        double utilisationAt(double ratePerPod) {
            return rate.utilisationAt(ratePerPod);
        }

        /** Requests per second one pod serves at utilisation {@code u}; NaN when idle CPU alone exceeds it. */
        double rateAtUtilisation(double u) {
            double spare = u * rate.capacityCores() - rate.idleCores();
            return spare > 0 ? spare / rate.cpuSecondsPerRequest() : Double.NaN;
        }
    }

    private CpuCostModel() {
    }

    /** Samples this query's windows, then estimates every colour it can; records each estimate in the evidence. */
    static Map<String, ColourCpu> estimate(ServiceObservation obs, CpuSamples samples, Evidence evidence) {
        Instant now = obs.at();
        boolean steady = steady(obs.rateHistory());
        Map<String, ServiceRate> measured = new LinkedHashMap<>();
        for (ColorObservation c : obs.colors()) {
            if (steady) {
                sample(c, samples, now);
            }
            List<CpuSamples.Sample> s = samples.recent(c.color(), now, MAX_AGE);
            if (s.isEmpty() && usable(c)) {
                if (steady || obs.rateHistory().length < STEADY_POINTS) {
                    // pods starting, or too little history to judge, and nothing remembered: better than no estimate
                    s = List.of(new CpuSamples.Sample(now, c.rps() / c.readyReplicas(), c.cpuMillisPerPod() / 1000.0));
                    evidence.missing("CPU per request of " + c.color() + " from this window alone (pods starting, or"
                            + " too little history to tell whether the load is steady): a rough estimate");
                } else {
                    evidence.missing("CPU per request of " + c.color() + ": no steady window yet (the load moved"
                            + " within the last minute, so CPU and request-rate windows disagree)");
                }
            }
            if (s.isEmpty() || c.cpuRequestMillis() <= 0) {
                continue;
            }
            double[] rate = s.stream().mapToDouble(CpuSamples.Sample::ratePerPod).toArray();
            double[] cpu = s.stream().mapToDouble(CpuSamples.Sample::cpuCoresPerPod).toArray();
            try {
                ServiceRate r = ServiceRateEstimator.estimate(rate, cpu, c.cpuRequestMillis() / 1000.0, CONFIDENCE);
                measured.put(c.color(), r);
                evidence.add(tagged(r.evidence(), c.color()));
            } catch (IllegalArgumentException e) {
                evidence.missing("service rate of " + c.color() + " not estimable: " + e.getMessage());
            }
        }
        Map<String, ColourCpu> out = new LinkedHashMap<>();
        for (ColorObservation c : obs.colors()) {
            ServiceRate own = measured.get(c.color());
            if (own != null) {
                out.put(c.color(), new ColourCpu(c.color(), own, null));
                continue;
            }
            for (Map.Entry<String, ServiceRate> other : measured.entrySet()) {
                if (c.cpuRequestMillis() > 0) {
                    ServiceRate b = borrow(other.getValue(), c.cpuRequestMillis() / 1000.0);
                    out.put(c.color(), new ColourCpu(c.color(), b, other.getKey()));
                    evidence.add(ModelEvidence.of("service-rate(borrowed per CPU core) [" + c.color() + "]")
                            .param("capacity_cores", b.capacityCores())
                            .param("lender_capacity_cores", other.getValue().capacityCores())
                            .output("service_rate_per_pod", b.perPod())
                            .output("cpu_seconds_per_request", b.cpuSecondsPerRequest())
                            .output("idle_cores", b.idleCores())
                            .note(c.color() + " served no measurable traffic; it borrows " + other.getKey()
                                    + "'s rate per CPU core (same code assumed)")
                            .build());
                    break;
                }
            }
            if (!out.containsKey(c.color())) {
                evidence.missing("CPU per request of " + c.color() + ": no colour has both traffic and CPU samples");
            }
        }
        return out;
    }

    private static void sample(ColorObservation c, CpuSamples samples, Instant now) {
        if (usable(c) && c.readyReplicas() == c.specReplicas()) {
            samples.add(c.color(), new CpuSamples.Sample(now, c.rps() / c.readyReplicas(),
                    c.cpuMillisPerPod() / 1000.0));
        }
    }

    /**
     * Whether the load held within {@value #STEADY_RATIO}x over the last minute. metrics-server's CPU window and
     * Prometheus's rate window neither coincide nor have the same length, so their ratio is only trusted when the
     * load did not move between them.
     */
    static boolean steady(double[] history) {
        int n = history.length;
        if (n < STEADY_POINTS) {
            return false;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int i = n - STEADY_POINTS; i < n; i++) {
            lo = Math.min(lo, history[i]);
            hi = Math.max(hi, history[i]);
        }
        return lo > 0 && hi / lo <= STEADY_RATIO;
    }

    private static boolean usable(ColorObservation c) {
        return c.readyReplicas() > 0 && c.hasTraffic() && Double.isFinite(c.rps())
                && Double.isFinite(c.cpuMillisPerPod()) && c.cpuMillisPerPod() > 0;
    }

    /** The lender's rate per CPU core at the borrower's capacity: idle CPU scales with it, CPU per request does not. */
    private static ServiceRate borrow(ServiceRate lender, double capacity) {
        double k = capacity / lender.capacityCores();
        return new ServiceRate(lender.perPod() * k, lender.lower() * k, lender.upper() * k,
                lender.cpuSecondsPerRequest(), lender.idleCores() * k, capacity, lender.method() + "-borrowed",
                lender.samples(), lender.confidence(), lender.evidence());
    }

    /** The same evidence with the colour in the model name, so two colours' entries can be told apart. */
    static ModelEvidence tagged(ModelEvidence m, String colour) {
        return new ModelEvidence(m.model() + " [" + colour + "]", m.parameters(), m.fit(), m.outputs(), m.series(),
                m.notes());
    }
}
