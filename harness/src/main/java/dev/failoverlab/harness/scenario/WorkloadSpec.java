package dev.failoverlab.harness.scenario;

/**
 * How the simulated demo app behaves (sim backend only; hidden from policies).
 *
 * @param cpuPerRequestMs   CPU time one request needs on one full core
 * @param cpuCv             coefficient of variation of that demand (1 = exponential, 0 = fixed)
 * @param slowDelayMs       extra wait of a request picked by {@code SLOW_REQUESTS}
 * @param startupSeconds    container start to ready
 * @param concurrency       worker threads per pod; requests beyond wait in the accept queue
 * @param queueLimit        accept-queue length per pod; beyond it requests are refused (503)
 * @param timeoutSeconds    client timeout: a request not answered by then fails
 * @param baseLatencyMs     network and framework time added to every request
 * @param memoryBaseMiB     working set of an idle pod
 * @param memoryPerInflightMiB working set added per in-flight request
 */
public record WorkloadSpec(
        double cpuPerRequestMs,
        double cpuCv,
        double slowDelayMs,
        double startupSeconds,
        int concurrency,
        int queueLimit,
        double timeoutSeconds,
        double baseLatencyMs,
        double memoryBaseMiB,
        double memoryPerInflightMiB) {

    public static final WorkloadSpec DEFAULTS = new WorkloadSpec(1.0, 1.0, 700, 20, 100, 1000, 10, 2, 120, 0.5);
}
