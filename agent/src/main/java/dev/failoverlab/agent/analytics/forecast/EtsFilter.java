package dev.failoverlab.agent.analytics.forecast;

/**
 * The additive ETS recursions in error-correction form (Hyndman, Koehler, Ord &amp; Snyder 2008, "Forecasting with
 * Exponential Smoothing", ch. 3 and 6): one-step filtering, point forecasts, and the innovation weights
 * {@code c_j = alpha + beta (phi + ... + phi^j) + gamma [j mod m == 0]} that give the class-1 forecast variance
 * {@code v_h = sigma^2 (1 + sum_{j=1}^{h-1} c_j^2)}. One general formula instead of one closed form per model keeps
 * SES, Holt, damped Holt and Holt-Winters on the same, tested code path.
 */
final class EtsFilter {

    private EtsFilter() {
    }

    /** Sum of squared one-step errors; the objective the fitter minimises. Allocates one seasonal buffer only. */
    static double sse(EtsKind kind, EtsParameters p, EtsState init, double[] y) {
        double level = init.level();
        double trend = init.trend();
        double[] season = init.seasonByPhase();
        int m = season.length;
        double alpha = p.alpha();
        double beta = p.beta();
        double gamma = p.gamma();
        double phi = p.phi();
        boolean hasTrend = kind.hasTrend();
        double sse = 0;
        for (int t = 0; t < y.length; t++) {
            int phase = m == 0 ? 0 : t % m;
            double s = m == 0 ? 0 : season[phase];
            double damped = hasTrend ? phi * trend : 0;
            double e = y[t] - (level + damped + s);
            sse += e * e;
            level = level + damped + alpha * e;
            if (hasTrend) {
                trend = phi * trend + beta * e;
            }
            if (m != 0) {
                season[phase] = s + gamma * e;
            }
        }
        return Double.isFinite(sse) ? sse : Double.MAX_VALUE;
    }

    /**
     * Runs the filter and keeps what forecasts and empirical intervals need.
     *
     * @return fitted values, residuals and the state after every observation
     */
    static Run run(EtsKind kind, EtsParameters p, EtsState init, double[] y) {
        int n = y.length;
        int m = init.seasonLength();
        double[] fitted = new double[n];
        double[] residuals = new double[n];
        double[] levels = new double[n];
        double[] trends = new double[n];
        // seasonAtTime[t + m] is the seasonal estimate produced at time t; the first m slots hold the initial ones.
        double[] seasonAtTime = new double[n + m];
        double[] initial = init.seasonByPhase();
        // time index j - m has phase j, so the initial slots are the initial seasonals in phase order
        System.arraycopy(initial, 0, seasonAtTime, 0, m);
        double level = init.level();
        double trend = init.trend();
        double[] season = initial.clone();
        for (int t = 0; t < n; t++) {
            int phase = m == 0 ? 0 : t % m;
            double s = m == 0 ? 0 : season[phase];
            double damped = kind.hasTrend() ? p.phi() * trend : 0;
            fitted[t] = level + damped + s;
            double e = y[t] - fitted[t];
            residuals[t] = e;
            level = level + damped + p.alpha() * e;
            if (kind.hasTrend()) {
                trend = p.phi() * trend + p.beta() * e;
            }
            if (m != 0) {
                season[phase] = s + p.gamma() * e;
                seasonAtTime[t + m] = season[phase];
            }
            levels[t] = level;
            trends[t] = trend;
        }
        EtsState last = new EtsState(level, trend, season, n);
        return new Run(fitted, residuals, levels, trends, seasonAtTime, last);
    }

    /** Point forecasts {@code yhat_{n+1..n+h}} from {@code state}, the state after n observations. */
    static double[] forecast(EtsKind kind, EtsParameters p, EtsState state, int h) {
        double[] out = new double[h];
        double phiSum = 0;
        double phiPow = 1;
        for (int i = 1; i <= h; i++) {
            phiPow *= p.phi();
            phiSum += phiPow;
            double trend = kind.hasTrend() ? phiSum * state.trend() : 0;
            out[i - 1] = state.level() + trend + state.seasonAt(state.observations() - 1L + i);
        }
        return out;
    }

    /**
     * Point forecast of time index {@code origin + h} made at {@code origin} during an in-sample {@link Run}; the
     * basis of empirical multi-step error quantiles.
     */
    static double forecastFrom(EtsKind kind, EtsParameters p, Run run, int m, int origin, int h) {
        double phiSum = 0;
        double phiPow = 1;
        for (int i = 1; i <= h; i++) {
            phiPow *= p.phi();
            phiSum += phiPow;
        }
        double value = run.levels[origin] + (kind.hasTrend() ? phiSum * run.trends[origin] : 0);
        if (m > 0) {
            int back = m * ((h + m - 1) / m);
            value += run.seasonAtTime[origin + h - back + m];
        }
        return value;
    }

    /** Innovation weights {@code c_0 = 1, c_1 .. c_{h-1}} of the h-step forecast error. */
    static double[] innovationWeights(EtsKind kind, EtsParameters p, int m, int h) {
        double[] c = new double[h];
        c[0] = 1;
        double phiSum = 0;
        double phiPow = 1;
        for (int j = 1; j < h; j++) {
            phiPow *= p.phi();
            phiSum += phiPow;
            double w = p.alpha();
            if (kind.hasTrend()) {
                w += p.beta() * phiSum;
            }
            if (kind.isSeasonal() && m > 0 && j % m == 0) {
                w += p.gamma();
            }
            c[j] = w;
        }
        return c;
    }

    /** Per-step forecast standard deviations {@code sigma sqrt(sum_{j<h} c_j^2)}. */
    static double[] stepSigmas(double[] weights, double sigma) {
        double[] out = new double[weights.length];
        double acc = 0;
        for (int i = 0; i < weights.length; i++) {
            acc += weights[i] * weights[i];
            out[i] = sigma * Math.sqrt(acc);
        }
        return out;
    }

    /** The result of {@link #run}: arrays indexed by 0-based time, owned by the caller. */
    static final class Run {
        final double[] fitted;
        final double[] residuals;
        final double[] levels;
        final double[] trends;
        final double[] seasonAtTime;
        final EtsState last;

        Run(double[] fitted, double[] residuals, double[] levels, double[] trends, double[] seasonAtTime,
                EtsState last) {
            this.fitted = fitted;
            this.residuals = residuals;
            this.levels = levels;
            this.trends = trends;
            this.seasonAtTime = seasonAtTime;
            this.last = last;
        }
    }
}
