package dev.failoverlab.harness.score;

import java.util.function.ToDoubleFunction;

/**
 * The numeric per-run metrics that are aggregated over seeds, with their JSON key, table label and the number
 * of decimals reports show. Decision-latency metrics use the first fault (the headline incident).
 */
public enum Metric {
    EXPECTATIONS_PASSED("expectationsPassed", "Expectations passed", 1, RunScore::expectationsPassed),
    SLO_VIOLATION_SECONDS("sloViolationSeconds", "SLO-violation s", 1, RunScore::sloViolationSeconds),
    FAILED_REQUESTS("failedRequests", "Failed requests", 1, s -> s.failedRequests()),
    AVAILABILITY_PERCENT("availabilityPercent", "Availability %", 3, RunScore::availabilityPercent),
    MEAN_P95_MS("meanP95Ms", "Mean p95 ms", 1, RunScore::meanP95Ms),
    MITIGATION_SECONDS("mitigationSeconds", "Time to mitigate s", 1,
            s -> s.headline() == null ? Double.NaN : s.headline().mitigationSeconds()),
    IMPACT_SECONDS("impactSeconds", "Time to impact s", 1,
            s -> s.headline() == null ? Double.NaN : s.headline().impactSeconds()),
    RESTORE_SECONDS("restoreSeconds", "Time to restore s", 1,
            s -> s.headline() == null ? Double.NaN : s.headline().restoreSeconds()),
    TRAFFIC_MOVES("trafficMoves", "Traffic moves", 1, s -> s.moves().size()),
    FALSE_FAILOVERS("falseFailovers", "False failovers", 1, RunScore::falseFailovers),
    MISSED_FAILOVERS("missedFailovers", "Missed failovers", 1, RunScore::missedFailovers),
    FLAPS("flaps", "Flaps", 1, RunScore::flaps),
    AGENT_QUERIES("agentQueries", "Agent queries", 1, s -> s.queries().queries()),
    LLM_TOKENS("llmTokens", "LLM tokens", 0, s -> s.cost().llmInputTokens() + s.cost().llmOutputTokens()),
    COST_DOLLARS("costDollars", "Cost $", 4, s -> s.cost().totalDollars()),
    COST_PER_HOUR_DOLLARS("costPerHourDollars", "Cost $/h", 4, s -> s.cost().dollarsPerHour());

    private final String key;
    private final String label;
    private final int decimals;
    private final ToDoubleFunction<RunScore> extractor;

    Metric(String key, String label, int decimals, ToDoubleFunction<RunScore> extractor) {
        this.key = key;
        this.label = label;
        this.decimals = decimals;
        this.extractor = extractor;
    }

    /** Key in {@code summary.json}. */
    public String key() {
        return key;
    }

    /** Column label in tables. */
    public String label() {
        return label;
    }

    /** Decimals shown in tables. */
    public int decimals() {
        return decimals;
    }

    public double of(RunScore score) {
        return extractor.applyAsDouble(score);
    }
}
