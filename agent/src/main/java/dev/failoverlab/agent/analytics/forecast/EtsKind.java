package dev.failoverlab.agent.analytics.forecast;

/**
 * The additive-error exponential smoothing models the agent fits, named by their ETS(error, trend, season)
 * taxonomy (Hyndman, Koehler, Ord &amp; Snyder 2008). Only additive members: CPU and request-rate series hover
 * near zero at night and can be zero, where multiplicative models are undefined.
 */
public enum EtsKind {
    /** Simple exponential smoothing: level only. */
    SES("ets(A,N,N)", false, false, false),
    /** Holt's linear trend. */
    HOLT("ets(A,A,N)", true, false, false),
    /** Holt's trend damped by phi, so long forecasts flatten (Gardner &amp; McKenzie 1985). */
    DAMPED_HOLT("ets(A,Ad,N)", true, true, false),
    /** Level plus an additive season, no trend: Holt-Winters without the trend that one-step SSE over-fits. */
    SEASONAL_LEVEL("ets(A,N,A)", false, false, true),
    /** Additive Holt-Winters: trend plus a season of fixed length. */
    HOLT_WINTERS("ets(A,A,A)", true, false, true);

    private final String id;
    private final boolean trend;
    private final boolean damped;
    private final boolean seasonal;

    EtsKind(String id, boolean trend, boolean damped, boolean seasonal) {
        this.id = id;
        this.trend = trend;
        this.damped = damped;
        this.seasonal = seasonal;
    }

    /** The ETS taxonomy name used as the model id in evidence. */
    public String id() {
        return id;
    }

    public boolean hasTrend() {
        return trend;
    }

    public boolean isDamped() {
        return damped;
    }

    public boolean isSeasonal() {
        return seasonal;
    }

    /** Number of smoothing parameters fitted (alpha, beta, gamma, phi as applicable). */
    public int smoothingParameterCount() {
        return 1 + (trend ? 1 : 0) + (damped ? 1 : 0) + (seasonal ? 1 : 0);
    }
}
