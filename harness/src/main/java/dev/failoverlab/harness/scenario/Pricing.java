package dev.failoverlab.harness.scenario;

/** Prices for cost scoring: per vCPU-hour and GiB-hour requested, and per million LLM tokens. */
public record Pricing(double vcpuHour, double gibHour, double llmInputPer1M, double llmOutputPer1M) {

    public static final Pricing DEFAULTS = new Pricing(0.0316, 0.0042, 2.5, 10.0);
}
