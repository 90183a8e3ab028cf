package dev.failoverlab.agent.analytics.forecast;

/**
 * Point-forecast accuracy measures as defined for the M4 competition (Makridakis, Spiliotis &amp; Assimakopoulos
 * 2020): sMAPE in percent and MASE, the mean absolute error scaled by the in-sample MAE of the (seasonal) naive
 * one-step forecast. MASE is the selection criterion because it is scale-free (CPU cores and requests per second
 * compare on one axis) and defined when the series touches zero, where percentage errors are not.
 */
public final class ForecastAccuracy {

    private ForecastAccuracy() {
    }

    /** Symmetric MAPE in percent: {@code mean 200 |a - f| / (|a| + |f|)}; a pair of zeros counts as 0. */
    public static double smape(double[] actual, double[] forecast) {
        checkSameLength(actual, forecast);
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double denominator = Math.abs(actual[i]) + Math.abs(forecast[i]);
            sum += denominator == 0 ? 0 : 200 * Math.abs(actual[i] - forecast[i]) / denominator;
        }
        return sum / actual.length;
    }

    /** Mean absolute error. */
    public static double mae(double[] actual, double[] forecast) {
        checkSameLength(actual, forecast);
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            sum += Math.abs(actual[i] - forecast[i]);
        }
        return sum / actual.length;
    }

    /**
     * The MASE denominator: in-sample MAE of the naive forecast at lag {@code m} (seasonal naive), or at lag 1
     * when {@code m < 2} or the history is not longer than one season.
     */
    public static double maseScale(double[] insample, int m) {
        int lag = m >= 2 && insample.length > m ? m : 1;
        if (insample.length <= lag) {
            throw new IllegalArgumentException("MASE needs an in-sample history longer than its lag " + lag
                    + "; got " + insample.length + " values");
        }
        double sum = 0;
        for (int t = lag; t < insample.length; t++) {
            sum += Math.abs(insample[t] - insample[t - lag]);
        }
        return sum / (insample.length - lag);
    }

    /** MASE with a precomputed scale (see {@link #maseScale}). */
    public static double mase(double[] actual, double[] forecast, double scale) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("MASE scale = " + scale
                    + " must be positive; the in-sample history is constant, compare MAE instead");
        }
        return mae(actual, forecast) / scale;
    }

    private static void checkSameLength(double[] actual, double[] forecast) {
        if (actual.length != forecast.length || actual.length == 0) {
            throw new IllegalArgumentException("actual (" + actual.length + " values) and forecast ("
                    + forecast.length + " values) must have the same positive length");
        }
    }
}
