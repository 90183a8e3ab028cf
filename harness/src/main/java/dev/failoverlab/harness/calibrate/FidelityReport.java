package dev.failoverlab.harness.calibrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Real against simulated, level by level: p95 latency and CPU cores, each with the simulator's relative error, and
 * a verdict against a fidelity target (issue 4: within 20 % at every level).
 */
public final class FidelityReport {
    public static final double DEFAULT_TARGET_PERCENT = 20;

    /**
     * One load level: what the real workload showed and what the fitted simulator predicts at the same rate.
     *
     * @param neighbourCores cores other processes of the machine used while the level was measured (NaN: unknown)
     * @param undisturbed    whether they stayed under the calibration's limit throughout
     */
    public record Row(double rps, double realP95Ms, double simP95Ms, double realCpuCores, double simCpuCores,
                      double neighbourCores, boolean undisturbed) {

        /** A level measured on a machine of its own. */
        public Row(double rps, double realP95Ms, double simP95Ms, double realCpuCores, double simCpuCores) {
            this(rps, realP95Ms, simP95Ms, realCpuCores, simCpuCores, 0, true);
        }

        /** (sim − real) / real in percent. */
        public double p95DeltaPercent() {
            return delta(simP95Ms, realP95Ms);
        }

        public double cpuDeltaPercent() {
            return delta(simCpuCores, realCpuCores);
        }

        private static double delta(double sim, double real) {
            return real == 0 ? (sim == 0 ? 0 : Double.POSITIVE_INFINITY) : 100 * (sim - real) / real;
        }
    }

    private final List<Row> rows;
    private final double targetPercent;

    public FidelityReport(List<Row> rows, double targetPercent) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a fidelity report needs at least one level");
        }
        this.rows = List.copyOf(rows);
        this.targetPercent = targetPercent;
    }

    public List<Row> rows() {
        return rows;
    }

    public double targetPercent() {
        return targetPercent;
    }

    /** Every level's p95 and CPU within the target. */
    public boolean passed() {
        return misses().isEmpty();
    }

    /** The comparisons outside the target, e.g. {@code p95 +34.5 % at 600 req/s}. */
    public List<String> misses() {
        List<String> misses = new ArrayList<>();
        for (Row r : rows) {
            if (!(Math.abs(r.p95DeltaPercent()) <= targetPercent)) {
                misses.add(String.format(Locale.ROOT, "p95 %+.1f %% at %.0f req/s", r.p95DeltaPercent(), r.rps()));
            }
            if (!(Math.abs(r.cpuDeltaPercent()) <= targetPercent)) {
                misses.add(String.format(Locale.ROOT, "CPU %+.1f %% at %.0f req/s", r.cpuDeltaPercent(), r.rps()));
            }
        }
        return misses;
    }

    /** The largest relative error of all comparisons, in percent (absolute value). */
    public double worstPercent() {
        double worst = 0;
        for (Row r : rows) {
            worst = Math.max(worst, Math.max(Math.abs(r.p95DeltaPercent()), Math.abs(r.cpuDeltaPercent())));
        }
        return worst;
    }

    /** Whether every level was measured without other processes taking the machine's cores. */
    public boolean undisturbed() {
        return rows.stream().allMatch(Row::undisturbed);
    }

    /** One line: PASS or MISS against the target, naming the misses and any level other processes disturbed. */
    public String verdict() {
        String verdict = passed()
                ? String.format(Locale.ROOT, "fidelity: PASS, every level's p95 and CPU within %.0f %% of the real"
                        + " measurement (worst %.1f %%)", targetPercent, worstPercent())
                : String.format(Locale.ROOT, "fidelity: MISS, outside %.0f %%: %s", targetPercent,
                        String.join(", ", misses()));
        List<String> disturbed = new ArrayList<>();
        for (Row r : rows) {
            if (!r.undisturbed()) {
                disturbed.add(String.format(Locale.ROOT, "%.2f cores at %.0f req/s", r.neighbourCores(), r.rps()));
            }
        }
        return disturbed.isEmpty() ? verdict : verdict + "; other processes of the machine used "
                + String.join(", ", disturbed) + " meanwhile (beyond the limit; the simulated pod had the cores they"
                + " left, but not their bursts): rerun when the machine is quiet";
    }

    /** The aligned table and the verdict, ending with a newline. */
    public String text() {
        String[] header = {"rate req/s", "real p95 ms", "sim p95 ms", "Δ%", "real CPU cores", "sim CPU cores", "Δ%"};
        List<String[]> cells = new ArrayList<>();
        cells.add(header);
        for (Row r : rows) {
            cells.add(new String[] {
                fmt("%.0f", r.rps()), fmt("%.2f", r.realP95Ms()), fmt("%.2f", r.simP95Ms()),
                fmt("%+.1f", r.p95DeltaPercent()), fmt("%.3f", r.realCpuCores()), fmt("%.3f", r.simCpuCores()),
                fmt("%+.1f", r.cpuDeltaPercent())});
        }
        int[] width = new int[header.length];
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < header.length; i++) {
                line.append(i == 0 ? "" : " | ").append(" ".repeat(width[i] - cells.get(r)[i].length()))
                        .append(cells.get(r)[i]);
            }
            b.append(line).append('\n');
            if (r == 0) {
                for (int i = 0; i < header.length; i++) {
                    b.append(i == 0 ? "" : "-|-").append("-".repeat(width[i]));
                }
                b.append('\n');
            }
        }
        return b.append(verdict()).append('\n').toString();
    }

    private static String fmt(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }
}
