package dev.failoverlab.harness.calibrate;

/**
 * What one load level measured on the real workload (or, in tests, on a stand-in with known parameters).
 *
 * @param targetRps    the open-loop rate the load generator scheduled
 * @param achievedRps  responses per second the client received
 * @param serverRps    requests per second the workload counted ({@code http_requests_total} delta over wall time)
 * @param p50Ms        client latency median, from the intended send time
 * @param p95Ms        client latency 95th percentile, likewise
 * @param p99Ms        client latency 99th percentile, likewise
 * @param slowFraction fraction of requests at or above half the configured slow delay (0 without slow requests)
 * @param cpuCores     workload CPU: {@code process_cpu_seconds_total} delta over wall seconds
 * @param requests     requests the client completed
 * @param errors       failed requests (non-2xx, I/O errors, timeouts)
 * @param seconds      wall seconds of the measured windows
 * @param sharing      who else used the machine's cores meanwhile
 */
public record RealLevel(double targetRps, double achievedRps, double serverRps, double p50Ms, double p95Ms,
                        double p99Ms, double slowFraction, double cpuCores, long requests, long errors,
                        double seconds, Sharing sharing) {

    /** A level measured on cores nobody else used (simulated stand-ins in tests). */
    public RealLevel(double targetRps, double achievedRps, double serverRps, double p50Ms, double p95Ms, double p99Ms,
                     double slowFraction, double cpuCores, long requests, long errors, double seconds) {
        this(targetRps, achievedRps, serverRps, p50Ms, p95Ms, p99Ms, slowFraction, cpuCores, requests, errors, seconds,
                Sharing.DEDICATED);
    }

    /**
     * How the machine's cores were shared while the level ran. A level is measured in short chunks; chunks in which
     * other tenants of the machine used more than a limit are left out when enough undisturbed ones exist.
     *
     * @param loadgenCores   cores the load generator (this JVM) used: not available to the workload
     * @param neighbourCores cores other processes of the machine used in the chunks kept (NaN: not measurable)
     * @param chunksUsed     chunks the level's figures come from
     * @param chunksRun      chunks run in all
     * @param allChunksP95Ms the p95 over every chunk run, disturbed ones included
     * @param undisturbed    whether every chunk used was under the neighbour limit
     */
    public record Sharing(double loadgenCores, double neighbourCores, int chunksUsed, int chunksRun,
                          double allChunksP95Ms, boolean undisturbed) {
        public static final Sharing DEDICATED = new Sharing(0, 0, 1, 1, Double.NaN, true);

        /**
         * The cores the workload could use out of {@code machineCores}: what the load generator and the other
         * processes used was not available to it (CPU time is conserved; when they are bursty this average
         * understates how hard they hit, which the chunk selection limits).
         */
        public double availableCores(double machineCores) {
            double others = Double.isNaN(neighbourCores) ? 0 : neighbourCores;
            return Math.max(0.1, machineCores - loadgenCores - others);
        }
    }
}
