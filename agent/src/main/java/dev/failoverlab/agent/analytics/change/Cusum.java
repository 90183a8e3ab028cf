package dev.failoverlab.agent.analytics.change;

import dev.failoverlab.agent.analytics.ModelEvidence;
import dev.failoverlab.agent.analytics.Require;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Page's (1954) one-sided upper CUSUM on a standardised stream: {@code S_t = max(0, S_{t-1} + z_t - k)}, alarm when
 * {@code S_t > h}, then restart. It is the optimal detector of a sustained upward mean shift of {@code 2k}
 * standard deviations (Moustakides 1986), which is what "latency creeping up" looks like, and unlike a threshold it
 * accumulates small shifts. Its run-length characteristics are reported two ways: Siegmund's (1985) closed-form
 * approximation {@code ARL = (exp(-2 D b) + 2 D b - 1) / (2 D^2)}, {@code D = shift - k}, {@code b = h + 1.166},
 * and the Brook &amp; Evans (1972) Markov-chain solution with {@value #MARKOV_STATES} states, accurate to well under
 * 1 % for the usual designs, which is the value the result carries.
 */
public final class Cusum {

    /** States of the Brook-Evans chain. */
    public static final int MARKOV_STATES = 120;

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private final double k;
    private final double h;

    /**
     * @param k reference value in standard deviations (half the shift to detect; 0.5 for a 1-sigma shift)
     * @param h decision interval in standard deviations (4 or 5 are the classical choices)
     */
    public Cusum(double k, double h) {
        this.k = Require.nonNegative("k", k);
        this.h = Require.positive("h", h);
    }

    /** The design with reference {@code k} whose in-control ARL (Brook-Evans) equals {@code targetArl0}. */
    public static Cusum withArl0(double k, double targetArl0) {
        Require.nonNegative("k", k);
        if (!(targetArl0 > 2)) {
            throw new IllegalArgumentException("target ARL0 = " + targetArl0 + " must exceed 2 observations");
        }
        double hi = 1;
        while (new Cusum(k, hi).markovArl(0) < targetArl0) {
            hi *= 2;
            if (hi > 1e3) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "no decision interval reaches ARL0 = %s with k = %s; choose a larger k", targetArl0, k));
            }
        }
        double h = new BrentSolver(1e-9).solve(200, x -> new Cusum(k, x).markovArl(0) - targetArl0, 1e-3, hi);
        return new Cusum(k, h);
    }

    public double k() {
        return k;
    }

    public double h() {
        return h;
    }

    /** Siegmund's approximation of the zero-start ARL when the standardised mean is {@code shift}. */
    public double siegmundArl(double shift) {
        double d = shift - k;
        double b = h + 1.166;
        if (Math.abs(d) < 1e-9) {
            return b * b;
        }
        return (Math.exp(-2 * d * b) + 2 * d * b - 1) / (2 * d * d);
    }

    /** Brook-Evans Markov-chain ARL from a zero start when the standardised mean is {@code shift}. */
    public double markovArl(double shift) {
        int m = MARKOV_STATES;
        double w = 2 * h / (2 * m - 1); // state i covers [(i - 0.5) w, (i + 0.5) w), state 0 is [0, w / 2)
        double[][] a = new double[m][m];
        for (int i = 0; i < m; i++) {
            double centre = i * w;
            double previous = STANDARD_NORMAL.cumulativeProbability(0.5 * w - centre + k - shift);
            a[i][0] = -previous;
            for (int j = 1; j < m; j++) {
                double next = STANDARD_NORMAL.cumulativeProbability((j + 0.5) * w - centre + k - shift);
                a[i][j] = -(next - previous);
                previous = next;
            }
            a[i][i] += 1;
        }
        double[] ones = new double[m];
        Arrays.fill(ones, 1);
        RealVector arl = new LUDecomposition(new Array2DRowRealMatrix(a, false)).getSolver()
                .solve(new ArrayRealVector(ones, false));
        return arl.getEntry(0);
    }

    /** Scans raw values standardised by an in-control {@code mean} and {@code sd} (from a baseline window). */
    public CusumResult scan(double[] values, double mean, double sd) {
        Require.positive("sd", sd);
        Require.finiteSeries("values", values, 1);
        double[] z = new double[values.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = (values[i] - mean) / sd;
        }
        return scan(z);
    }

    /** Scans a standardised stream (in-control mean 0, sd 1). */
    public CusumResult scan(double[] z) {
        Require.finiteSeries("standardised stream", z, 1);
        int[] alarms = new int[8];
        int count = 0;
        double s = 0;
        int lastZero = -1;
        int firstChangeStart = -1;
        for (int t = 0; t < z.length; t++) {
            s = Math.max(0, s + z[t] - k);
            if (s == 0) {
                lastZero = t;
            }
            if (s > h) {
                if (count == alarms.length) {
                    alarms = Arrays.copyOf(alarms, count * 2);
                }
                alarms[count++] = t;
                if (firstChangeStart < 0) {
                    firstChangeStart = lastZero + 1;
                }
                s = 0;
                lastZero = t;
            }
        }
        double arl0 = markovArl(0);
        double delay = markovArl(2 * k);
        ModelEvidence evidence = ModelEvidence.of("cusum(one-sided upper)")
                .param("k", k).param("h", h).param("observations", z.length)
                .output("alarms", count).output("first_alarm_index", count == 0 ? -1 : alarms[0])
                .output("first_change_start_index", firstChangeStart).output("final_statistic", s)
                .output("arl0", arl0).output("arl0_siegmund", siegmundArl(0))
                .output("delay_design_shift", delay).output("delay_design_shift_siegmund", siegmundArl(2 * k))
                .output("delay_1sd", markovArl(1)).output("delay_2sd", markovArl(2))
                .note("ARLs in observations from a zero start; Brook-Evans chain with " + MARKOV_STATES
                        + " states, Siegmund's approximation alongside")
                .build();
        return new CusumResult(k, h, Arrays.copyOf(alarms, count), firstChangeStart, s, arl0, delay, evidence);
    }
}
