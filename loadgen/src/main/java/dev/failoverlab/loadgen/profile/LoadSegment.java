package dev.failoverlab.loadgen.profile;

/** One piece of a load profile. Times are seconds from the start of the segment. */
public sealed interface LoadSegment
        permits LoadSegment.Constant, LoadSegment.Ramp, LoadSegment.Step, LoadSegment.Spike, LoadSegment.Sine,
        TraceReplay {

    double durationSeconds();

    /** Intended requests per second at {@code t} seconds into the segment, {@code 0 <= t < durationSeconds}. */
    double rateAt(double t);

    /** An upper bound of {@link #rateAt} over the segment (used for thinning). */
    double maxRate();

    /** Short human description, e.g. {@code ramp 400→800 rps over 300 s}. */
    String describe();

    /** A constant rate. */
    record Constant(double rps, double durationSeconds) implements LoadSegment {
        public Constant {
            requireRate(rps, "rps");
            requirePositive(durationSeconds, "for");
        }

        @Override public double rateAt(double t) { return rps; }
        @Override public double maxRate() { return rps; }
        @Override public String describe() { return Fmt.f("constant %.0f rps for %.0f s", rps, durationSeconds); }
    }

    /** A linear ramp from one rate to another. */
    record Ramp(double from, double to, double durationSeconds) implements LoadSegment {
        public Ramp {
            requireRate(from, "from");
            requireRate(to, "to");
            requirePositive(durationSeconds, "over");
        }

        @Override public double rateAt(double t) { return from + (to - from) * Math.min(1.0, t / durationSeconds); }
        @Override public double maxRate() { return Math.max(from, to); }
        @Override public String describe() { return Fmt.f("ramp %.0f→%.0f rps over %.0f s", from, to, durationSeconds); }
    }

    /** A staircase: each level held for {@code everySeconds}. */
    record Step(double[] levels, double everySeconds) implements LoadSegment {
        public Step {
            if (levels.length == 0) {
                throw new IllegalArgumentException("rps: needs at least one level");
            }
            for (double level : levels) {
                requireRate(level, "rps");
            }
            requirePositive(everySeconds, "every");
            levels = levels.clone();
        }

        @Override public double durationSeconds() { return levels.length * everySeconds; }
        @Override public double rateAt(double t) { return levels[Math.min(levels.length - 1, (int) (t / everySeconds))]; }
        @Override public double maxRate() {
            double max = 0;
            for (double level : levels) {
                max = Math.max(max, level);
            }
            return max;
        }
        @Override public String describe() { return Fmt.f("step %d levels every %.0f s", levels.length, everySeconds); }
    }

    /**
     * A flash crowd: {@code base} rate, rising to {@code peak} at {@code atSeconds} over {@code riseSeconds}
     * (0 = sudden), held for {@code holdSeconds}, then back to base.
     */
    record Spike(double base, double peak, double atSeconds, double riseSeconds, double holdSeconds,
                 double durationSeconds) implements LoadSegment {
        public Spike {
            requireRate(base, "base");
            requireRate(peak, "peak");
            requirePositive(durationSeconds, "for");
            if (atSeconds < 0 || riseSeconds < 0 || holdSeconds < 0 || atSeconds + riseSeconds + holdSeconds > durationSeconds) {
                throw new IllegalArgumentException("at + rise + hold must fit inside for");
            }
        }

        @Override public double rateAt(double t) {
            if (t < atSeconds) {
                return base;
            }
            if (t < atSeconds + riseSeconds) {
                return base + (peak - base) * (t - atSeconds) / riseSeconds;
            }
            return t < atSeconds + riseSeconds + holdSeconds ? peak : base;
        }

        @Override public double maxRate() { return Math.max(base, peak); }
        @Override public String describe() {
            return Fmt.f("spike %.0f→%.0f rps at %.0f s for %.0f s", base, peak, atSeconds, holdSeconds);
        }
    }

    /** A sine wave around {@code mean} (diurnal pattern compressed to {@code periodSeconds}). */
    record Sine(double mean, double amplitude, double periodSeconds, double phaseSeconds, double durationSeconds)
            implements LoadSegment {
        public Sine {
            requireRate(mean, "mean");
            if (amplitude < 0 || amplitude > mean) {
                throw new IllegalArgumentException("amplitude must be between 0 and mean");
            }
            requirePositive(periodSeconds, "period");
            requirePositive(durationSeconds, "for");
        }

        @Override public double rateAt(double t) {
            return mean + amplitude * Math.sin(2 * Math.PI * (t + phaseSeconds) / periodSeconds);
        }

        @Override public double maxRate() { return mean + amplitude; }
        @Override public String describe() {
            return Fmt.f("sine %.0f±%.0f rps, period %.0f s", mean, amplitude, periodSeconds);
        }
    }

    private static void requireRate(double rps, String field) {
        if (!(rps >= 0) || Double.isInfinite(rps)) {
            throw new IllegalArgumentException(field + ": rate must be a finite number >= 0, got " + rps);
        }
    }

    private static void requirePositive(double seconds, String field) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException(field + ": duration must be > 0, got " + seconds);
        }
    }
}
