package dev.failoverlab.agent.analytics.forecast;

/**
 * An unfitted forecasting method: what {@link ModelSelector} backtests and refits. Factories cover every method
 * the agent uses; each documents its minimum history.
 */
public interface Forecaster {

    /** The id the fitted model will carry, e.g. {@code ets(A,A,A)}. */
    String name();

    /** Shortest history this method fits; shorter histories make {@link #fit} throw. */
    int minimumLength();

    /** Fits the method to {@code history} (regular steps, oldest first). */
    FittedModel fit(double[] history);

    /** Non-seasonal exponential smoothing of the given kind (not {@link EtsKind#HOLT_WINTERS}). */
    static Forecaster ets(EtsKind kind) {
        if (kind.isSeasonal()) {
            throw new IllegalArgumentException(kind + " needs a season length; use Forecaster.holtWinters(m) or"
                    + " Forecaster.seasonalLevel(m)");
        }
        return new EtsForecaster(kind, 0);
    }

    /** Additive Holt-Winters with season length {@code m >= 2}; needs at least two full seasons of history. */
    static Forecaster holtWinters(int m) {
        if (m < 2) {
            throw new IllegalArgumentException("season length m = " + m + " must be at least 2 for Holt-Winters");
        }
        return new EtsForecaster(EtsKind.HOLT_WINTERS, m);
    }

    /** Level plus additive season, no trend (ETS(A,N,A)); needs at least two full seasons of history. */
    static Forecaster seasonalLevel(int m) {
        if (m < 2) {
            throw new IllegalArgumentException("season length m = " + m + " must be at least 2 for ETS(A,N,A)");
        }
        return new EtsForecaster(EtsKind.SEASONAL_LEVEL, m);
    }

    /** Ordinary least squares straight line through the history. */
    static Forecaster linearTrend() {
        return LinearTrendModel.FORECASTER;
    }

    /** Random walk: the last value repeated. */
    static Forecaster naive() {
        return new NaiveModel.Method(0);
    }

    /** The value of the same phase one season earlier. */
    static Forecaster seasonalNaive(int m) {
        if (m < 2) {
            throw new IllegalArgumentException("season length m = " + m + " must be at least 2 for seasonal naive");
        }
        return new NaiveModel.Method(m);
    }

    /** The ETS methods as a {@link Forecaster}; fitting delegates to {@link EtsFitter}. */
    record EtsForecaster(EtsKind kind, int seasonLength) implements Forecaster {
        @Override
        public String name() {
            return kind.id();
        }

        @Override
        public int minimumLength() {
            return EtsFitter.minimumLength(kind, seasonLength);
        }

        @Override
        public FittedModel fit(double[] history) {
            return EtsFitter.fit(kind, seasonLength, history);
        }
    }
}
