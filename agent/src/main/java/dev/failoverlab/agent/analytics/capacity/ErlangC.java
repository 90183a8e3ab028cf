package dev.failoverlab.agent.analytics.capacity;

import dev.failoverlab.agent.analytics.Require;
import java.util.Locale;

/**
 * The M/M/c queue (Erlang 1917): Poisson arrivals, exponential service, c identical servers sharing one queue. It
 * is the textbook model of a pool of pods behind one Service and, though real service times are not exponential,
 * it gets the two things the agent needs right: waiting explodes as utilisation nears 1, and it explodes later
 * for more servers. Erlang B comes from the recursion {@code B(k) = A B(k-1) / (k + A B(k-1))}, which never forms
 * {@code A^c / c!} and so stays accurate for hundreds of servers; Erlang C is {@code c B / (c - A (1 - B))}.
 */
public final class ErlangC {

    private ErlangC() {
    }

    /** Erlang B blocking probability for {@code c} servers and offered load {@code a} Erlangs. */
    public static double erlangB(int c, double a) {
        Require.atLeast("servers", c, 0);
        Require.nonNegative("offered load", a);
        double b = 1;
        for (int k = 1; k <= c; k++) {
            b = a * b / (k + a * b);
        }
        return b;
    }

    /** Erlang C: probability that an arrival waits; 1 when {@code a >= c} (unstable). */
    public static double probabilityOfWait(int c, double a) {
        Require.atLeast("servers", c, 1);
        Require.nonNegative("offered load", a);
        if (a >= c) {
            return 1;
        }
        double b = erlangB(c, a);
        return c * b / (c - a * (1 - b));
    }

    /**
     * The M/M/c measures for arrival rate {@code lambda}, per-server service rate {@code mu} (same time unit) and
     * {@code c} servers.
     */
    public static QueueMetrics metrics(double lambda, double mu, int c) {
        Require.nonNegative("arrival rate", lambda);
        Require.positive("service rate", mu);
        Require.atLeast("servers", c, 1);
        return QueueMetrics.of(lambda, mu, c, probabilityOfWait(c, lambda / mu));
    }

    /**
     * {@code P(T > t)} of the M/M/c sojourn time from the Erlang C probability {@code c} and
     * {@code theta = c mu - lambda > 0}: {@code (1 - C) e^(-mu t) + C (theta e^(-mu t) - mu e^(-theta t)) / (theta - mu)},
     * with the limit {@code e^(-mu t) (1 + C mu t)} at {@code theta = mu}. Allocation-free, for the plan search.
     */
    public static double sojournExceedance(double c, double theta, double mu, double t) {
        if (t <= 0) {
            return 1;
        }
        double service = Math.exp(-mu * t);
        if (Math.abs(theta - mu) < 1e-6 * mu) {
            return service * (1 + c * mu * t);
        }
        return (1 - c) * service + c * (theta * service - mu * Math.exp(-theta * t)) / (theta - mu);
    }

    /**
     * The fewest servers whose response-time {@code q}-quantile is at most {@code maxResponse}.
     *
     * @throws IllegalArgumentException when even {@code maxServers} do not suffice (the target is below what the
     *                                  service time alone allows, or the load is too high), naming the best achievable
     */
    public static int serversForResponsePercentile(double lambda, double mu, double q, double maxResponse,
            int maxServers) {
        Require.positive("maxResponse", maxResponse);
        int first = Math.max(1, (int) Math.floor(lambda / mu) + 1);
        for (int c = first; c <= maxServers; c++) {
            if (metrics(lambda, mu, c).responsePercentile(q) <= maxResponse) {
                return c;
            }
        }
        double floor = -Math.log(1 - q) / mu; // the service-time quantile: no number of servers beats it
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "no server count up to %d brings the response p%.0f under %.4g s; the service time alone gives %.4g s",
                maxServers, q * 100, maxResponse, floor));
    }
}
