package dev.failoverlab.harness.sim;

import dev.failoverlab.loadgen.profile.LoadProfile;
import java.util.Locale;

/**
 * The offered load of a live simulation, measured in seconds since it was set. Every kind ends in a steady rate
 * (a demo runs until stopped): a ramp holds its target, a scenario's profile holds its last rate.
 */
public sealed interface LiveLoad {
    /** The most a demo on one laptop core may ask for: about 1 % of the simulator's measured ceiling. */
    double MAX_RPS = 50_000;

    /** Requests per second {@code s} seconds after the load was set. */
    double rateAt(double s);

    /** An upper bound of {@link #rateAt} over {@code [s, ∞)}: the thinning bound of the arrival process. */
    double maxRateFrom(double s);

    /** One line, e.g. {@code ramp 50→800 rps over 300 s}. */
    String describe();

    /** A steady rate. */
    record Constant(double rps) implements LiveLoad {
        public Constant {
            requireRate("rps", rps);
        }

        @Override public double rateAt(double s) { return rps; }
        @Override public double maxRateFrom(double s) { return rps; }
        @Override public String describe() { return String.format(Locale.ROOT, "constant %.0f rps", rps); }
    }

    /** A linear ramp from {@code from} to {@code to} over {@code overSeconds}, then {@code to} for good. */
    record Ramp(double from, double to, double overSeconds) implements LiveLoad {
        public Ramp {
            requireRate("from", from);
            requireRate("to", to);
            if (!(overSeconds > 0) || overSeconds > 7 * 86_400) {
                throw new IllegalArgumentException("over_seconds: must be > 0 and at most a week (604800), got "
                        + overSeconds);
            }
        }

        @Override public double rateAt(double s) {
            return s >= overSeconds ? to : from + (to - from) * Math.max(0, s) / overSeconds;
        }

        @Override public double maxRateFrom(double s) { return Math.max(rateAt(s), to); }

        @Override public String describe() {
            return String.format(Locale.ROOT, "ramp %.0f→%.0f rps over %.0f s", from, to, overSeconds);
        }
    }

    /** A scenario's load profile played once in real time, then its last rate for good. */
    record Profile(LoadProfile profile) implements LiveLoad {
        public Profile {
            if (profile == null) {
                throw new IllegalArgumentException("profile: missing");
            }
            int n = profile.segments().size();
            for (int i = 0; i < n; i++) {
                requireRate("load[" + i + "] maximum", profile.segments().get(i).maxRate());
            }
        }

        @Override public double rateAt(double s) {
            return s >= profile.durationSeconds() ? lastRate() : profile.rateAt(Math.max(0, s));
        }

        @Override public double maxRateFrom(double s) {
            double max = lastRate();
            int first = s >= profile.durationSeconds() ? profile.segments().size() : Math.max(0, profile.segmentAt(s));
            for (int i = first; i < profile.segments().size(); i++) {
                max = Math.max(max, profile.segments().get(i).maxRate());
            }
            return max;
        }

        @Override public String describe() {
            return String.format(Locale.ROOT, "scenario profile (%d segments over %.0f s, then %.0f rps)",
                    profile.segments().size(), profile.durationSeconds(), lastRate());
        }

        private double lastRate() {
            return profile.rateAt(Math.nextDown(profile.durationSeconds()));
        }
    }

    private static void requireRate(String field, double rps) {
        if (!(rps >= 0) || rps > MAX_RPS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: must be a rate in requests per second between 0 and %.0f, got %s", field, MAX_RPS,
                    Double.toString(rps)));
        }
    }
}
