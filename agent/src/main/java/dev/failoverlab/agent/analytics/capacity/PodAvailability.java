package dev.failoverlab.agent.analytics.capacity;

import dev.failoverlab.agent.analytics.ModelEvidence;
import dev.failoverlab.agent.analytics.Require;
import java.util.Locale;

/**
 * k-of-n availability with independent pod failures: the number of pods up is Binomial(n, 1 - p), so the service
 * is up when at least k are. Independence is optimistic (pods on one node fail together), which is why the
 * evidence names the assumption; it is still the right first-order model for "is one spare pod worth it?". The
 * smaller tail is summed term by term from the binomial pmf in log space, so an unavailability of 1e-9 is
 * computed, not rounded away (and the plan search's thousand evaluations stay cheap).
 */
public final class PodAvailability {

    private PodAvailability() {
    }

    /** Probability that one pod is down, from its mean time between failures and mean time to recover. */
    public static double failureProbability(double mtbfSeconds, double mttrSeconds) {
        Require.positive("mtbfSeconds", mtbfSeconds);
        Require.nonNegative("mttrSeconds", mttrSeconds);
        return mttrSeconds / (mtbfSeconds + mttrSeconds);
    }

    /** P(at least {@code required} of {@code pods} up) when each pod is down with probability {@code podFailure}. */
    public static Availability atLeast(int required, int pods, double podFailure) {
        Require.atLeast("required", required, 0);
        double unavailability = unavailability(required, pods, podFailure);
        ModelEvidence evidence = ModelEvidence.of("k-of-n-binomial-availability")
                .param("required", required).param("pods", pods).param("pod_failure_probability", podFailure)
                .output("availability", 1 - unavailability).output("unavailability", unavailability)
                .note("pod failures assumed independent; correlated failures (same node, same bad rollout) make"
                        + " the real figure worse")
                .build();
        return new Availability(required, pods, podFailure, 1 - unavailability, unavailability, evidence);
    }

    /** P(fewer than {@code required} of {@code pods} up), without building evidence: the plan search's inner loop. */
    public static double unavailability(int required, int pods, double podFailure) {
        Require.atLeast("pods", pods, 0);
        Require.inRange("podFailure", podFailure, 0, 1);
        if (required <= 0 || podFailure == 0 && required <= pods) {
            return 0;
        }
        if (required > pods || podFailure == 1) {
            return 1;
        }
        double low = tail(0, required - 1, pods, podFailure); // P(up < required)
        return low < 0.5 ? low : 1 - tail(required, pods, pods, podFailure);
    }

    /** {@code sum_{j=from}^{to} C(n, j) (1-p)^j p^(n-j)}, each term in log space so none underflows early. */
    private static double tail(int from, int to, int n, double p) {
        double logUp = Math.log1p(-p);
        double logDown = Math.log(p);
        double logChoose = 0; // log C(n, j), advanced by the ratio (n - j) / (j + 1)
        double sum = 0;
        for (int j = 0; j <= to; j++) {
            if (j >= from) {
                sum += Math.exp(logChoose + j * logUp + (n - j) * logDown);
            }
            logChoose += Math.log((double) (n - j) / (j + 1));
        }
        return sum;
    }

    /** The fewest pods whose availability with {@code required} needed is at least {@code target}. */
    public static int podsFor(int required, double podFailure, double target, int maxPods) {
        Require.openUnit("target", target);
        for (int n = Math.max(required, 1); n <= maxPods; n++) {
            if (atLeast(required, n, podFailure).availability() >= target) {
                return n;
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "even %d pods do not reach availability %s with %d required and pod failure probability %s",
                maxPods, target, required, podFailure));
    }
}
