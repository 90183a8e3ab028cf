package dev.failoverlab.agent.analytics.capacity;

import dev.failoverlab.agent.analytics.ModelEvidence;
import dev.failoverlab.agent.analytics.HasEvidence;
import dev.failoverlab.agent.analytics.Require;
import java.util.Locale;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Steady-state measures of an M/M/c queue, with the waiting- and response-time distributions behind its
 * percentiles. Times are in seconds when rates are per second. An unstable queue ({@code lambda >= c mu}) reports
 * infinite waits and {@code stable == false}.
 *
 * @param lambda             arrival rate
 * @param mu                 service rate of one server
 * @param servers            number of servers c
 * @param utilisation        {@code lambda / (c mu)}
 * @param probabilityOfWait  Erlang C: P(an arrival waits)
 * @param meanWait           mean time in queue Wq
 * @param meanResponse       mean sojourn time {@code Wq + 1/mu}
 * @param meanQueueLength    Lq (Little: {@code lambda Wq})
 * @param evidence           inputs, outputs and percentiles
 */
public record QueueMetrics(double lambda, double mu, int servers, double utilisation, double probabilityOfWait,
        double meanWait, double meanResponse, double meanQueueLength, ModelEvidence evidence) implements HasEvidence {

    public boolean stable() {
        return utilisation < 1;
    }

    /** Offered load {@code A = lambda / mu} in Erlangs. */
    public double offeredLoad() {
        return lambda / mu;
    }

    /** Mean number in the system L (Little: {@code lambda T}). */
    public double meanInSystem() {
        return lambda * meanResponse;
    }

    /** {@code P(W > t) = C exp(-(c mu - lambda) t)}. */
    public double waitExceedance(double t) {
        if (!stable()) {
            return 1;
        }
        return t <= 0 ? probabilityOfWait : probabilityOfWait * Math.exp(-(servers * mu - lambda) * t);
    }

    /** The q-quantile of the waiting time: {@code ln(C / (1 - q)) / (c mu - lambda)}, or 0 when {@code C <= 1 - q}. */
    public double waitPercentile(double q) {
        Require.openUnit("q", q);
        if (!stable()) {
            return Double.POSITIVE_INFINITY;
        }
        return probabilityOfWait <= 1 - q ? 0 : Math.log(probabilityOfWait / (1 - q)) / (servers * mu - lambda);
    }

    /**
     * {@code P(T > t)} for the sojourn time {@code T = W + S}: with {@code theta = c mu - lambda},
     * {@code (1 - C) e^(-mu t) + C (theta e^(-mu t) - mu e^(-theta t)) / (theta - mu)}, and its limit
     * {@code e^(-mu t) (1 + C mu t)} when {@code theta = mu}.
     */
    public double responseExceedance(double t) {
        if (!stable()) {
            return 1;
        }
        if (t <= 0) {
            return 1;
        }
        return ErlangC.sojournExceedance(probabilityOfWait, servers * mu - lambda, mu, t);
    }

    /** The q-quantile of the response (sojourn) time, by inverting {@link #responseExceedance} with Brent's method. */
    public double responsePercentile(double q) {
        Require.openUnit("q", q);
        if (!stable()) {
            return Double.POSITIVE_INFINITY;
        }
        double target = 1 - q;
        double hi = 1 / mu;
        while (responseExceedance(hi) > target) {
            hi *= 2;
        }
        return new BrentSolver(1e-12 * hi, 1e-14).solve(500, t -> responseExceedance(t) - target, 0, hi);
    }

    static QueueMetrics of(double lambda, double mu, int c, double erlangC) {
        double rho = lambda / (c * mu);
        boolean stable = rho < 1;
        double wq = stable ? erlangC / (c * mu - lambda) : Double.POSITIVE_INFINITY;
        double response = wq + 1 / mu;
        double lq = stable ? lambda * wq : Double.POSITIVE_INFINITY;
        ModelEvidence.Builder ev = ModelEvidence.of("erlang-c(M/M/c)")
                .param("arrival_rate", lambda).param("service_rate_per_server", mu).param("servers", c)
                .output("offered_load_erlangs", lambda / mu).output("utilisation", rho)
                .output("probability_of_wait", erlangC).output("mean_wait", wq).output("mean_response", response)
                .output("mean_queue_length", lq);
        QueueMetrics provisional = new QueueMetrics(lambda, mu, c, rho, erlangC, wq, response, lq, ev.build());
        if (stable) {
            ev.output("response_p50", provisional.responsePercentile(0.5))
                    .output("response_p95", provisional.responsePercentile(0.95))
                    .output("response_p99", provisional.responsePercentile(0.99))
                    .output("wait_p95", provisional.waitPercentile(0.95));
        } else {
            ev.note(String.format(Locale.ROOT, "unstable: arrivals %.4g/s reach or exceed capacity %d x %.4g/s;"
                    + " queue grows without bound", lambda, c, mu));
        }
        return new QueueMetrics(lambda, mu, c, rho, erlangC, wq, response, lq, ev.build());
    }
}
