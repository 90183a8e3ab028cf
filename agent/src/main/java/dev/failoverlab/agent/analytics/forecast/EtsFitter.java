package dev.failoverlab.agent.analytics.forecast;

import dev.failoverlab.agent.analytics.Require;
import java.util.Arrays;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Fits additive ETS models by minimising the one-step-ahead SSE over the smoothing parameters, with initial states
 * from the heuristic of Hyndman et al. (2008, sec. 2.6.1): seasonal indices from a classical (centred moving
 * average) decomposition of the first seasons, level and trend from a regression on the first seasonally adjusted
 * values. Optimising only the smoothing parameters keeps the search at 1-4 bounded dimensions, so a coarse grid
 * followed by Brent (1-D) or BOBYQA (2-4-D) finds the global basin reliably and fast.
 *
 * <p>The search runs in a unit box: {@code alpha = u0}, {@code beta = alpha u1}, {@code gamma = (1 - alpha) u2},
 * {@code phi = 0.8 + 0.18 u3}, which enforces the usual region and the phi range of the R forecast package.
 */
final class EtsFitter {

    private static final double LO = 1e-4;
    private static final double HI = 1 - 1e-4;
    private static final double PHI_MIN = 0.80;
    private static final double PHI_MAX = 0.98;

    private EtsFitter() {
    }

    static int minimumLength(EtsKind kind, int m) {
        if (kind.isSeasonal()) {
            return 2 * m;
        }
        return kind.hasTrend() ? 4 : 3;
    }

    static EtsModel fit(EtsKind kind, int m, double[] y) {
        if (kind.isSeasonal() && m < 2) {
            throw new IllegalArgumentException(kind.id() + " needs a season length m >= 2, got " + m);
        }
        int season = kind.isSeasonal() ? m : 0;
        Require.finiteSeries("history for " + kind.id(), y, minimumLength(kind, season));
        EtsState init = initialState(kind, season, y);
        int d = kind.smoothingParameterCount();
        double[] best = gridSearch(kind, init, y, d);
        double[] u = d == 1 ? refine1d(kind, init, y, best[0]) : refineBobyqa(kind, init, y, best);
        EtsParameters params = toParameters(kind, u);
        return new EtsModel(kind, season, params, init, y);
    }

    static EtsParameters toParameters(EtsKind kind, double[] u) {
        double alpha = clamp(u[0]);
        int i = 1;
        double beta = 0;
        double gamma = 0;
        double phi = 1;
        if (kind.hasTrend()) {
            beta = alpha * clamp(u[i++]);
        }
        if (kind.isSeasonal()) {
            gamma = (1 - alpha) * clamp(u[i++]);
        }
        if (kind.isDamped()) {
            phi = PHI_MIN + (PHI_MAX - PHI_MIN) * clamp(u[i]);
        }
        return new EtsParameters(alpha, beta, gamma, phi);
    }

    /** Heuristic initial state before the first observation. */
    static EtsState initialState(EtsKind kind, int m, double[] y) {
        int n = y.length;
        double[] season = new double[m];
        if (m > 0) {
            int used = Math.min(n, 4 * m) / m * m;
            double[] trendMa = centredMovingAverage(y, used, m);
            double[] sum = new double[m];
            int[] count = new int[m];
            for (int t = 0; t < used; t++) {
                if (!Double.isNaN(trendMa[t])) {
                    sum[t % m] += y[t] - trendMa[t];
                    count[t % m]++;
                }
            }
            double mean = 0;
            for (int j = 0; j < m; j++) {
                season[j] = count[j] == 0 ? 0 : sum[j] / count[j];
                mean += season[j] / m;
            }
            for (int j = 0; j < m; j++) {
                season[j] -= mean;
            }
        }
        if (!kind.hasTrend()) {
            int k = Math.min(n, 5);
            double level = 0;
            for (int t = 0; t < k; t++) {
                level += (y[t] - (m > 0 ? season[t % m] : 0)) / k;
            }
            return new EtsState(level, 0, season, 0);
        }
        int k = Math.min(n, Math.max(10, m));
        SimpleRegression reg = new SimpleRegression();
        for (int t = 0; t < k; t++) {
            reg.addData(t, y[t] - (m > 0 ? season[t % m] : 0));
        }
        double slope = reg.getSlope();
        // the state before observation 0 is the regression line at t = -1
        return new EtsState(reg.getIntercept() - slope, slope, season, 0);
    }

    /** The 2 x m centred moving average for even m (plain m-MA for odd m); NaN where the window does not fit. */
    private static double[] centredMovingAverage(double[] y, int used, int m) {
        double[] out = new double[used];
        Arrays.fill(out, Double.NaN);
        int half = m / 2;
        for (int t = half; t + half < used; t++) {
            double s;
            if (m % 2 == 0) {
                s = 0.5 * y[t - half] + 0.5 * y[t + half];
                for (int j = t - half + 1; j < t + half; j++) {
                    s += y[j];
                }
            } else {
                s = 0;
                for (int j = t - half; j <= t + half; j++) {
                    s += y[j];
                }
            }
            out[t] = s / m;
        }
        return out;
    }

    private static double[] gridSearch(EtsKind kind, EtsState init, double[] y, int d) {
        int points = d == 1 ? 19 : d == 2 ? 7 : 5;
        int total = (int) Math.pow(points, d);
        double[] u = new double[d];
        double[] best = null;
        double bestSse = Double.POSITIVE_INFINITY;
        for (int code = 0; code < total; code++) {
            int c = code;
            for (int i = 0; i < d; i++) {
                u[i] = (c % points + 0.5) / points;
                c /= points;
            }
            double sse = EtsFilter.sse(kind, toParameters(kind, u), init, y);
            if (sse < bestSse) {
                bestSse = sse;
                best = u.clone();
            }
        }
        return best;
    }

    private static double[] refine1d(EtsKind kind, EtsState init, double[] y, double start) {
        BrentOptimizer brent = new BrentOptimizer(1e-8, 1e-10);
        UnivariatePointValuePair p = brent.optimize(new MaxEval(500), GoalType.MINIMIZE,
                new UnivariateObjectiveFunction(a -> EtsFilter.sse(kind, toParameters(kind, new double[] {a}), init, y)),
                new SearchInterval(LO, HI, start));
        return new double[] {p.getPoint()};
    }

    private static double[] refineBobyqa(EtsKind kind, EtsState init, double[] y, double[] start) {
        int d = start.length;
        double[] lo = new double[d];
        double[] hi = new double[d];
        Arrays.fill(lo, LO);
        Arrays.fill(hi, HI);
        BOBYQAOptimizer bobyqa = new BOBYQAOptimizer(2 * d + 1, 0.05, 1e-6);
        PointValuePair p;
        try {
            p = bobyqa.optimize(new MaxEval(3000), GoalType.MINIMIZE, new InitialGuess(start),
                    new SimpleBounds(lo, hi),
                    new ObjectiveFunction(u -> EtsFilter.sse(kind, toParameters(kind, u), init, y)));
        } catch (TooManyEvaluationsException e) {
            return start; // the grid point is a valid, if coarser, minimiser
        }
        double gridSse = EtsFilter.sse(kind, toParameters(kind, start), init, y);
        return p.getValue() <= gridSse ? p.getPoint() : start;
    }

    private static double clamp(double v) {
        return Math.max(LO, Math.min(HI, v));
    }
}
