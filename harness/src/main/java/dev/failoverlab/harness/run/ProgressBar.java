package dev.failoverlab.harness.run;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Progress of a suite on the terminal: share of simulated time done, runs finished, wall time and an ETA.
 * On an interactive terminal it redraws one line; otherwise (CI logs) it prints a line every 10 %.
 */
public final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean interactive;
    private final double totalSeconds;
    private final int totalRuns;
    private final long startNanos = System.nanoTime();
    private final DoubleAdder doneSeconds = new DoubleAdder();
    private final AtomicInteger doneRuns = new AtomicInteger();
    private volatile long lastDrawNanos;
    private volatile int lastDecile = -1;

    public ProgressBar(PrintStream out, boolean interactive, double totalSeconds, int totalRuns) {
        this.out = out;
        this.interactive = interactive;
        this.totalSeconds = Math.max(1e-9, totalSeconds);
        this.totalRuns = totalRuns;
    }

    /** A bar that draws nothing. */
    public static ProgressBar silent() {
        return new ProgressBar(null, false, 1, 0);
    }

    /** Progress of one run; reports increments to the bar. */
    public final class Slot {
        private final double runSeconds;
        private double reported;

        Slot(double runSeconds) {
            this.runSeconds = runSeconds;
        }

        public void advancedTo(double seconds) {
            double clamped = Math.min(seconds, runSeconds);
            if (clamped > reported) {
                doneSeconds.add(clamped - reported);
                reported = clamped;
                maybeDraw(false);
            }
        }

        public void done() {
            advancedTo(runSeconds);
            doneRuns.incrementAndGet();
            maybeDraw(doneRuns.get() == totalRuns);
        }
    }

    public Slot slot(double runSeconds) {
        return new Slot(runSeconds);
    }

    private void maybeDraw(boolean last) {
        if (out == null) {
            return;
        }
        double fraction = Math.min(1.0, doneSeconds.sum() / totalSeconds);
        long now = System.nanoTime();
        if (interactive) {
            if (!last && now - lastDrawNanos < 200_000_000L) {
                return;
            }
            lastDrawNanos = now;
            synchronized (this) {
                out.print("\r" + line(fraction, now) + (last ? "\n" : ""));
                out.flush();
            }
        } else {
            int decile = (int) (fraction * 10);
            if (decile > lastDecile) {
                synchronized (this) {
                    if (decile > lastDecile) {
                        lastDecile = decile;
                        out.println(line(fraction, now));
                    }
                }
            }
        }
    }

    private String line(double fraction, long now) {
        int filled = (int) Math.round(fraction * WIDTH);
        double elapsed = (now - startNanos) / 1e9;
        String eta = fraction > 0.02 && fraction < 1 ? String.format(Locale.ROOT, ", ETA %.0fs", elapsed / fraction - elapsed) : "";
        return String.format(Locale.ROOT, "[%s%s] %3.0f%%  %d/%d runs  %.1fs%s",
                "#".repeat(filled), ".".repeat(WIDTH - filled), fraction * 100, doneRuns.get(), totalRuns, elapsed, eta);
    }
}
