package dev.failoverlab.harness.calibrate;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Who used the machine's cores during a measurement: the whole machine's busy time from Linux's
 * {@code /proc/stat} (every process of the kernel, also those of other containers), and this JVM's own CPU time
 * (the load generator runs here). With the workload's own CPU from its metrics, the rest is other tenants of the
 * machine, which a simulated pod with dedicated cores does not have. Elsewhere than Linux the machine is unknown
 * and readings say so ({@link Reading#machineKnown()}).
 */
final class MachineCpu {
    private static final Path PROC_STAT = Path.of("/proc/stat");

    /** Cumulative counters at one moment; only differences mean something. */
    record Reading(long nanoTime, long totalJiffies, long busyJiffies, int cpus, double ownCpuSeconds) {
        boolean machineKnown() {
            return cpus > 0;
        }

        /** Cores the whole machine kept busy between {@code earlier} and this reading (NaN when unknown). */
        double busyCoresSince(Reading earlier) {
            long total = totalJiffies - earlier.totalJiffies;
            if (!machineKnown() || !earlier.machineKnown() || total <= 0) {
                return Double.NaN;
            }
            return cpus * (double) (busyJiffies - earlier.busyJiffies) / total;
        }

        /** Cores this JVM used between {@code earlier} and this reading. */
        double ownCoresSince(Reading earlier) {
            return (ownCpuSeconds - earlier.ownCpuSeconds) / ((nanoTime - earlier.nanoTime) / 1e9);
        }
    }

    private MachineCpu() {
    }

    static Reading read() {
        long now = System.nanoTime();
        double own = ownCpuSeconds();
        try {
            List<String> lines = Files.readAllLines(PROC_STAT);
            // "cpu  user nice system idle iowait irq softirq steal guest guest_nice"; guest time is inside user
            String[] f = lines.get(0).trim().split("\\s+");
            if (!f[0].equals("cpu") || f.length < 9) {
                return new Reading(now, 0, 0, 0, own);
            }
            long total = 0;
            for (int i = 1; i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            int cpus = (int) lines.stream().filter(l -> l.matches("cpu\\d+ .*")).count();
            return new Reading(now, total, total - idle, cpus, own);
        } catch (IOException | RuntimeException e) {
            return new Reading(now, 0, 0, 0, own); // not Linux, or an unexpected format: the machine is unknown
        }
    }

    private static double ownCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }
}
