package dev.failoverlab.harness.sim;

/**
 * The M/M/c queue (Erlang C): probability of waiting, and percentiles of the response time T = W + S of an FCFS
 * queue with c servers of rate mu each under Poisson arrivals of rate lambda.
 */
final class ErlangC {
    private final int c;
    private final double lambda;
    private final double mu;

    ErlangC(int servers, double lambda, double mu) {
        if (lambda >= servers * mu) {
            throw new IllegalArgumentException("unstable: lambda " + lambda + " >= c mu " + servers * mu);
        }
        this.c = servers;
        this.lambda = lambda;
        this.mu = mu;
    }

    /** P(W > 0): the Erlang C formula, computed with the stable Erlang B recursion. */
    double probabilityOfWaiting() {
        double a = lambda / mu;
        double b = 1;
        for (int k = 1; k <= c; k++) {
            b = a * b / (k + a * b);
        }
        double rho = a / c;
        return b / (1 - rho + rho * b);
    }

    /** P(T > t): no wait with 1 − C (then T ~ Exp(mu)), else T = Exp(theta) + Exp(mu), theta = c mu − lambda. */
    double responseSurvival(double t) {
        double pw = probabilityOfWaiting();
        double theta = c * mu - lambda;
        double service = Math.exp(-mu * t);
        double waitedThenServed = Math.abs(theta - mu) < 1e-12
                ? (1 + mu * t) * Math.exp(-mu * t)
                : (theta * Math.exp(-mu * t) - mu * Math.exp(-theta * t)) / (theta - mu);
        return (1 - pw) * service + pw * waitedThenServed;
    }

    /** The response-time percentile p (e.g. 95), by bisection on the survival function. */
    double responsePercentile(double p) {
        double target = 1 - p / 100;
        double lo = 0;
        double hi = 1;
        while (responseSurvival(hi) > target) {
            hi *= 2;
        }
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (responseSurvival(mid) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
