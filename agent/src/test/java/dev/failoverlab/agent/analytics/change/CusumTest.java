package dev.failoverlab.agent.analytics.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class CusumTest {

    private final Cusum design = new Cusum(0.5, 4);

    @Test
    void runLengthsMatchPublishedTables() {
        // Montgomery, "Introduction to Statistical Quality Control", Table 9.3 (one-sided, k = 0.5, h = 4):
        // ARL0 = 336, ARL at 1 sigma = 8.38, at 2 sigma = 3.34
        assertThat(design.markovArl(0)).isCloseTo(336, within(3.0));
        assertThat(design.markovArl(1)).isCloseTo(8.38, within(0.08));
        assertThat(design.markovArl(2)).isCloseTo(3.34, within(0.05));
        assertThat(design.siegmundArl(0)).isCloseTo(336, within(6.0));
        assertThat(new Cusum(0.5, 5).markovArl(0)).isCloseTo(930, within(10.0));
    }

    @Test
    void falseAlarmRateOnStationaryNoiseMatchesTheDesignArl0() {
        SplittableRandom r = new SplittableRandom(31);
        int n = 2_000_000;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = r.nextGaussian();
        }
        CusumResult result = design.scan(z);
        int alarms = result.alarms().length;
        double measured = (double) n / alarms;
        System.out.printf(Locale.ROOT, "CUSUM k=0.5 h=4 on %d N(0,1): %d false alarms, measured ARL0 %.1f,"
                + " Brook-Evans %.1f, Siegmund %.1f%n", n, alarms, measured, result.arl0(), design.siegmundArl(0));
        // run lengths are close to geometric, so the alarm count is close to Poisson with mean n / ARL0 ~ 5950:
        // relative sd 1.3 %; 6 % allows 4.5 sd
        assertThat(measured).isCloseTo(result.arl0(), within(0.06 * result.arl0()));
    }

    @Test
    void detectionDelayOnOneAndTwoSigmaStepsMatchesTheApproximations() {
        SplittableRandom r = new SplittableRandom(77);
        for (double shift : new double[] {1, 2}) {
            int runs = 20_000;
            long total = 0;
            long totalAfterWarmup = 0;
            for (int i = 0; i < runs; i++) {
                total += runLength(r, shift, 0);
                totalAfterWarmup += runLength(r, shift, 50);
            }
            double measured = (double) total / runs;
            double steady = (double) totalAfterWarmup / runs;
            System.out.printf(Locale.ROOT, "CUSUM delay at %.0f sigma: measured %.2f (zero start), %.2f (change after"
                    + " 50 in-control steps), Brook-Evans %.2f, Siegmund %.2f%n", shift, measured, steady,
                    design.markovArl(shift), design.siegmundArl(shift));
            // sd of a run length at 1 sigma is about 4, so the mean of 20,000 has se 0.03 (0.4 %); allow 3 %
            assertThat(measured).isCloseTo(design.markovArl(shift), within(0.03 * design.markovArl(shift)));
            // Siegmund's approximation is within 5 % at 1 sigma and 10 % at 2 sigma for this design
            assertThat(design.siegmundArl(shift)).isCloseTo(measured, within(0.10 * measured));
            // a change that finds the statistic mid-way (already above 0) is caught no later on average
            assertThat(steady).isLessThanOrEqualTo(measured * 1.02);
        }
    }

    /** Steps until alarm after the change; runs restarting on a pre-change false alarm are resampled. */
    private int runLength(SplittableRandom r, double shift, int warmup) {
        while (true) {
            double s = 0;
            boolean falseAlarm = false;
            for (int t = 0; t < warmup; t++) {
                s = Math.max(0, s + r.nextGaussian() - 0.5);
                if (s > 4) {
                    falseAlarm = true;
                    break;
                }
            }
            if (falseAlarm) {
                continue;
            }
            for (int t = 1; ; t++) {
                s = Math.max(0, s + r.nextGaussian() + shift - 0.5);
                if (s > 4) {
                    return t;
                }
            }
        }
    }

    @Test
    void designHitsATargetArl0AndTheScanLocatesTheChange() {
        // with ARL0 = 336, 300 in-control points alarm falsely with probability ~0.6; design for 10,000 instead
        Cusum tuned = Cusum.withArl0(0.5, 10_000);
        assertThat(tuned.markovArl(0)).isCloseTo(10_000, within(0.1));
        assertThat(tuned.h()).isBetween(6.0, 8.0);
        SplittableRandom r = new SplittableRandom(4);
        double[] latency = new double[400];
        for (int i = 0; i < latency.length; i++) {
            latency[i] = 50 + 5 * r.nextGaussian() + (i >= 300 ? 10 : 0); // +2 sigma from index 300
        }
        CusumResult result = tuned.scan(latency, 50, 5);
        System.out.printf(Locale.ROOT, "CUSUM h=%.3f: first alarm at %d, change estimated at %d (true 300),"
                + " design delay at 2 sigma %.2f%n", tuned.h(), result.firstAlarm(), result.firstChangeStart(),
                tuned.markovArl(2));
        assertThat(result.firstAlarm()).isBetween(300, 315);
        assertThat(result.firstChangeStart()).isBetween(290, 305);
        assertThat(result.evidence().outputs()).containsKeys("arl0", "arl0_siegmund", "delay_1sd", "delay_2sd");
    }
}
