package dev.failoverlab.agent.analytics.optimize;

import dev.failoverlab.agent.analytics.capacity.ErlangC;
import dev.failoverlab.agent.analytics.capacity.PodAvailability;
import java.util.List;

/**
 * Every plan of a {@link PlanProblem} evaluated once into flat arrays, so that the optimum, the drop-one-constraint
 * searches and the relaxation analysis are all linear scans. Each colour is an M/M/r queue (Erlang C) fed its share
 * of the load; a plan's latency exceedance, error rate and availability are traffic-weighted mixtures of its
 * colours'. Per-colour figures depend only on (replicas, split), so they are computed for at most
 * {@code 21 x 21} pairs per colour and combined, which keeps a 20 x 20 x 21 search well under a millisecond.
 */
final class PlanTable {

    final PlanProblem problem;
    final int splits;
    final int count1;
    final int count2;
    final int size;
    /** Per colour, indexed [replicas - min][split]: Erlang C, theta = r mu - lambda, exceedance at the limit, availability. */
    private final double[][][] waitProbability = new double[2][][];
    private final double[][][] theta = new double[2][][];
    private final double[][][] exceedanceAtLimit = new double[2][][];
    private final double[][][] colourAvailability = new double[2][][];
    /** Per colour [replicas - min][split]: usable (no traffic to a colour without pods, queue stable). */
    private final boolean[][][] usable = new boolean[2][][];

    final double[] exceedance;
    final double[] error;
    final double[] availability;
    final double[] cost;
    final boolean[] valid;

    PlanTable(PlanProblem problem) {
        this.problem = problem;
        this.splits = 100 / problem.splitStepPercent() + 1;
        List<ColourModel> colours = problem.colours();
        for (int c = 0; c < 2; c++) {
            fillColour(c, colours.get(c));
        }
        this.count1 = problem.first().maxReplicas() - problem.first().minReplicas() + 1;
        this.count2 = problem.second().maxReplicas() - problem.second().minReplicas() + 1;
        this.size = count1 * count2 * splits;
        exceedance = new double[size];
        error = new double[size];
        availability = new double[size];
        cost = new double[size];
        valid = new boolean[size];
        ColourModel a = problem.first();
        ColourModel b = problem.second();
        for (int i = 0; i < count1; i++) {
            for (int j = 0; j < count2; j++) {
                for (int s = 0; s < splits; s++) {
                    int idx = index(i, j, s);
                    double shareB = share(1, s);
                    double shareA = 1 - shareB;
                    valid[idx] = usable[0][i][s] && usable[1][j][s];
                    exceedance[idx] = shareA * exceedanceAtLimit[0][i][s] + shareB * exceedanceAtLimit[1][j][s];
                    error[idx] = shareA * a.errorRate() + shareB * b.errorRate();
                    availability[idx] = shareA * colourAvailability[0][i][s] + shareB * colourAvailability[1][j][s];
                    cost[idx] = (a.minReplicas() + i) * a.costPerReplicaHour()
                            + (b.minReplicas() + j) * b.costPerReplicaHour();
                }
            }
        }
    }

    private void fillColour(int c, ColourModel m) {
        int n = m.maxReplicas() - m.minReplicas() + 1;
        waitProbability[c] = new double[n][splits];
        theta[c] = new double[n][splits];
        exceedanceAtLimit[c] = new double[n][splits];
        colourAvailability[c] = new double[n][splits];
        usable[c] = new boolean[n][splits];
        double limit = problem.constraints().maxLatencySeconds();
        for (int k = 0; k < n; k++) {
            int replicas = m.minReplicas() + k;
            for (int s = 0; s < splits; s++) {
                double lambda = share(c, s) * problem.arrivalRate();
                if (lambda == 0) {
                    usable[c][k][s] = true;
                    colourAvailability[c][k][s] = 1;
                    continue;
                }
                double capacity = replicas * m.serviceRatePerPod();
                boolean overCap = lambda > problem.maxUtilisation() * capacity * (1 + 1e-12);
                if (replicas == 0 || lambda >= capacity || overCap) {
                    continue; // traffic to no pods, an unstable queue, or pods above the headroom cap
                }
                usable[c][k][s] = true;
                double wait = ErlangC.probabilityOfWait(replicas, lambda / m.serviceRatePerPod());
                waitProbability[c][k][s] = wait;
                theta[c][k][s] = capacity - lambda;
                exceedanceAtLimit[c][k][s] = m.slowFraction() + (1 - m.slowFraction())
                        * ErlangC.sojournExceedance(wait, capacity - lambda, m.serviceRatePerPod(), limit);
                int needed = (int) Math.floor(lambda / m.serviceRatePerPod()) + 1;
                colourAvailability[c][k][s] = 1 - PodAvailability.unavailability(needed, replicas,
                        m.podFailureProbability());
            }
        }
    }

    /** Traffic share of colour {@code c} at split index {@code s} (the split sets the second colour's share). */
    double share(int c, int s) {
        double second = s * problem.splitStepPercent() / 100.0;
        return c == 1 ? second : 1 - second;
    }

    int index(int i, int j, int s) {
        return (i * count2 + j) * splits + s;
    }

    int firstOffset(int idx) {
        return idx / (count2 * splits);
    }

    int secondOffset(int idx) {
        return idx / splits % count2;
    }

    int split(int idx) {
        return idx % splits;
    }

    /** Bit set of the constraints plan {@code idx} violates under {@code c} (see {@link #bit}); -1 if invalid. */
    int violations(int idx, Constraints c) {
        if (!valid[idx]) {
            return -1;
        }
        double tail = 1 - problem.latencyQuantile();
        int mask = 0;
        if (exceedanceAt(idx, c.maxLatencySeconds()) > tail + 1e-12) {
            mask |= bit(Constraint.LATENCY);
        }
        if (error[idx] > c.maxErrorRate() + 1e-12) {
            mask |= bit(Constraint.ERROR_RATE);
        }
        if (availability[idx] < c.minAvailability() - 1e-12) {
            mask |= bit(Constraint.AVAILABILITY);
        }
        if (cost[idx] > c.maxCostPerHour() + 1e-9) {
            mask |= bit(Constraint.BUDGET);
        }
        return mask;
    }

    static int bit(Constraint c) {
        return c == null ? 0 : 1 << c.ordinal();
    }

    /** Whether plan {@code a} ranks before plan {@code b}: cost, then slow requests, errors, availability, index. */
    boolean before(int a, int b) {
        if (cost[a] != cost[b]) {
            return cost[a] < cost[b];
        }
        if (exceedance[a] != exceedance[b]) {
            return exceedance[a] < exceedance[b];
        }
        if (error[a] != error[b]) {
            return error[a] < error[b];
        }
        if (availability[a] != availability[b]) {
            return availability[a] > availability[b];
        }
        return a < b;
    }

    /** Fraction of requests of plan {@code idx} slower than {@code t} seconds. */
    double exceedanceAt(int idx, double t) {
        if (t == problem.constraints().maxLatencySeconds()) {
            return exceedance[idx];
        }
        int s = split(idx);
        return colourExceedance(0, firstOffset(idx), s, t) + colourExceedance(1, secondOffset(idx), s, t);
    }

    private double colourExceedance(int c, int k, int s, double t) {
        double share = share(c, s);
        if (share == 0) {
            return 0;
        }
        ColourModel m = c == 0 ? problem.first() : problem.second();
        return share * (m.slowFraction() + (1 - m.slowFraction())
                * ErlangC.sojournExceedance(waitProbability[c][k][s], theta[c][k][s], m.serviceRatePerPod(), t));
    }

    /** The service-wide response-time quantile of plan {@code idx}, by bisection on the mixture's tail. */
    double latency(int idx) {
        double tail = 1 - problem.latencyQuantile();
        int s = split(idx);
        double slow = share(0, s) * problem.first().slowFraction() + share(1, s) * problem.second().slowFraction();
        if (slow >= tail) {
            return Double.POSITIVE_INFINITY;
        }
        double hi = 1e-3;
        while (exceedanceAt(idx, hi) > tail) {
            hi *= 2;
        }
        double lo = 0;
        for (int iter = 0; iter < 100 && hi - lo > 1e-12 * hi; iter++) {
            double mid = 0.5 * (lo + hi);
            if (exceedanceAt(idx, mid) > tail) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    PlanOutcome outcome(int idx) {
        int s = split(idx);
        ColourModel a = problem.first();
        ColourModel b = problem.second();
        int r1 = a.minReplicas() + firstOffset(idx);
        int r2 = b.minReplicas() + secondOffset(idx);
        return new PlanOutcome(List.of(allocation(a, r1, share(0, s)), allocation(b, r2, share(1, s))),
                latency(idx), exceedance[idx], error[idx], availability[idx], cost[idx]);
    }

    private ColourAllocation allocation(ColourModel m, int replicas, double share) {
        double lambda = share * problem.arrivalRate();
        double utilisation = replicas == 0 ? 0 : lambda / (replicas * m.serviceRatePerPod());
        return new ColourAllocation(m.name(), replicas, share, lambda, utilisation);
    }
}
