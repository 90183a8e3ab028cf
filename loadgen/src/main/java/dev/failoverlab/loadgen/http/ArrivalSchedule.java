package dev.failoverlab.loadgen.http;

import dev.failoverlab.loadgen.profile.LoadProfile;
import dev.failoverlab.loadgen.profile.PoissonArrivals;

/** Intended send times, in seconds from the run start, in increasing order; infinity once the profile ends. */
abstract class ArrivalSchedule {

    abstract double next();

    static ArrivalSchedule of(LoadProfile profile, ArrivalProcess process, long seed) {
        return process == ArrivalProcess.POISSON ? new Poisson(profile, seed) : new Uniform(profile);
    }

    /** The simulator's arrivals (seeded thinning), so a scenario means the same requests on every backend. */
    private static final class Poisson extends ArrivalSchedule {
        private final PoissonArrivals arrivals;

        Poisson(LoadProfile profile, long seed) {
            this.arrivals = new PoissonArrivals(profile, seed);
        }

        @Override
        double next() {
            return arrivals.next();
        }
    }

    /**
     * Evenly spaced in "expected request" units: arrival k is sent when the integral of the rate reaches
     * k + 1/2. The half offset makes a constant rate r over d seconds produce exactly r·d arrivals, and the
     * integral (1 ms steps) makes a ramp starting at 0 behave instead of waiting 1/rate(0) = forever.
     */
    private static final class Uniform extends ArrivalSchedule {
        private static final double STEP = 0.001;
        private final LoadProfile profile;
        private final double end;
        private double t;
        private double integral;
        private double need = 0.5;

        Uniform(LoadProfile profile) {
            this.profile = profile;
            this.end = profile.durationSeconds();
        }

        @Override
        double next() {
            while (t < end) {
                int segment = profile.segmentAt(t);
                if (segment < 0) {
                    break;
                }
                // steps stop at segment boundaries, so a rate jump is taken exactly where the profile puts it
                double segmentEnd = profile.segmentStart(segment) + profile.segments().get(segment).durationSeconds();
                double rate = profile.rateAt(t);
                double dt = Math.min(STEP, segmentEnd - t);
                if (rate > 0 && integral + rate * dt >= need) {
                    t += (need - integral) / rate;
                    integral = need;
                    need += 1;
                    return t < end ? t : Double.POSITIVE_INFINITY;
                }
                integral += rate * dt;
                t = dt < STEP ? segmentEnd : t + dt;
            }
            return Double.POSITIVE_INFINITY;
        }
    }
}
