package dev.failoverlab.agent.analytics.capacity;

import dev.failoverlab.agent.analytics.ModelEvidence;
import dev.failoverlab.agent.analytics.Require;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Estimates a pod's service rate from what a cluster exposes: per-pod request rate and CPU usage over several
 * windows, and the pod's CPU capacity (its limit, or its request if it has none, which is conservative). The agent
 * never sees the simulator's service time, so this is the {@code mu} of its queueing models.
 *
 * <p>With several windows at different loads it fits {@code cpu = idle + cost x rate} by OLS (Commons Math
 * {@link SimpleRegression}), so idle overhead (probes, GC, sidecars) is not billed to requests, and gives
 * {@code mu = (capacity - idle) / cost} with a delta-method confidence interval from the coefficients' covariance
 * ({@code cov(a, b) = -xbar var(b)}). When the load barely varied (coefficient of variation under
 * {@value #MIN_RATE_CV}) or the intercept comes out negative, it falls back to the ratio estimator
 * {@code mu = rate / (cpu / capacity)} averaged over windows, with a Student-t interval on the mean cost.
 */
public final class ServiceRateEstimator {

    /** Minimum coefficient of variation of the request rate for the regression to be identifiable. */
    public static final double MIN_RATE_CV = 0.10;

    private ServiceRateEstimator() {
    }

    /**
     * @param requestRate   per-pod request rate in each window, requests per second
     * @param cpuCores      per-pod CPU usage in each window, cores (millicores / 1000)
     * @param capacityCores the pod's CPU limit in cores (or its request when unlimited)
     * @param confidence    coverage of the interval, e.g. 0.95
     */
    public static ServiceRate estimate(double[] requestRate, double[] cpuCores, double capacityCores,
            double confidence) {
        Require.finiteSeries("requestRate", requestRate, 1);
        Require.finiteSeries("cpuCores", cpuCores, 1);
        Require.positive("capacityCores", capacityCores);
        Require.openUnit("confidence", confidence);
        if (requestRate.length != cpuCores.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "requestRate has %d windows but cpuCores has %d; pass one CPU figure per rate window",
                    requestRate.length, cpuCores.length));
        }
        SummaryStatistics rates = new SummaryStatistics();
        for (double r : requestRate) {
            rates.addValue(r);
        }
        double cv = rates.getMean() > 0 ? rates.getStandardDeviation() / rates.getMean() : 0;
        if (requestRate.length >= 3 && cv >= MIN_RATE_CV) {
            SimpleRegression reg = new SimpleRegression();
            for (int i = 0; i < requestRate.length; i++) {
                reg.addData(requestRate[i], cpuCores[i]);
            }
            if (reg.getIntercept() >= 0 && reg.getSlope() > 0) {
                return regression(reg, rates.getMean(), capacityCores, confidence, cv);
            }
        }
        return ratio(requestRate, cpuCores, capacityCores, confidence, cv);
    }

    private static ServiceRate regression(SimpleRegression reg, double meanRate, double capacity, double confidence,
            double cv) {
        int n = (int) reg.getN();
        double a = reg.getIntercept();
        double b = reg.getSlope();
        double mu = (capacity - a) / b;
        double varB = square(reg.getSlopeStdErr());
        double varA = square(reg.getInterceptStdErr());
        double covAb = -meanRate * varB;
        double dA = -1 / b;
        double dB = -(capacity - a) / (b * b);
        double se = Math.sqrt(Math.max(0, dA * dA * varA + dB * dB * varB + 2 * dA * dB * covAb));
        double t = new TDistribution(null, n - 2).inverseCumulativeProbability(0.5 + confidence / 2);
        double lower = Math.max(0, mu - t * se);
        double upper = mu + t * se;
        ModelEvidence evidence = ModelEvidence.of("service-rate(cpu-regression)")
                .param("capacity_cores", capacity).param("windows", n).param("confidence", confidence)
                .param("rate_cv", cv)
                .fit("r_squared", reg.getRSquare()).fit("cost_std_error", Math.sqrt(varB))
                .fit("idle_std_error", Math.sqrt(varA))
                .output("service_rate_per_pod", mu).output("service_rate_lower", lower)
                .output("service_rate_upper", upper).output("cpu_seconds_per_request", b).output("idle_cores", a)
                .note("mu = (capacity - idle) / cost; interval by the delta method, t with n - 2 df")
                .build();
        return new ServiceRate(mu, lower, upper, b, a, capacity, "regression", n, confidence, evidence);
    }

    private static ServiceRate ratio(double[] rate, double[] cpu, double capacity, double confidence, double cv) {
        SummaryStatistics cost = new SummaryStatistics();
        int skipped = 0;
        for (int i = 0; i < rate.length; i++) {
            if (rate[i] > 0) {
                cost.addValue(cpu[i] / rate[i]);
            } else {
                skipped++;
            }
        }
        if (cost.getN() == 0) {
            throw new IllegalArgumentException("no window has a positive request rate; a service rate cannot be"
                    + " estimated from an idle pod, wait for traffic or use a previous estimate");
        }
        int n = (int) cost.getN();
        double b = cost.getMean();
        if (!(b > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "mean CPU per request is %s; CPU usage must be positive when requests are served", b));
        }
        double mu = capacity / b;
        double lower = Double.NaN;
        double upper = Double.NaN;
        ModelEvidence.Builder ev = ModelEvidence.of("service-rate(cpu-ratio)")
                .param("capacity_cores", capacity).param("windows", n).param("confidence", confidence)
                .param("rate_cv", cv);
        if (n >= 2) {
            double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.5 + confidence / 2);
            double half = t * cost.getStandardDeviation() / Math.sqrt(n);
            lower = capacity / (b + half);
            upper = b - half > 0 ? capacity / (b - half) : Double.POSITIVE_INFINITY;
            ev.fit("cost_std_error", cost.getStandardDeviation() / Math.sqrt(n));
        } else {
            ev.note("one window gives no interval; collect more windows");
        }
        if (skipped > 0) {
            ev.note(skipped + " idle windows (rate 0) skipped");
        }
        ev.output("service_rate_per_pod", mu).output("service_rate_lower", lower).output("service_rate_upper", upper)
                .output("cpu_seconds_per_request", b).output("idle_cores", 0)
                .note("mu = rate / (cpu / capacity) averaged over windows; idle CPU is billed to requests, which"
                        + " underestimates mu at low load");
        return new ServiceRate(mu, lower, upper, b, 0, capacity, "ratio", n, confidence, ev.build());
    }

    private static double square(double v) {
        return v * v;
    }
}
