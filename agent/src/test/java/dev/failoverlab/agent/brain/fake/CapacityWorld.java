package dev.failoverlab.agent.brain.fake;

import dev.failoverlab.agent.brain.AgentState;
import dev.failoverlab.agent.brain.BrainContext;
import dev.failoverlab.agent.config.AgentConfig;
import dev.failoverlab.agent.learn.Rules;
import dev.failoverlab.agent.observe.Observer;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The runbook's pair wired into a {@link BrainContext}: blue serving with 2 pods, green an idle standby pod,
 * 500m/256Mi pods priced at the double-load scenario's $5.00 per vCPU-hour and $0.90 per GiB-hour ($2.73 per pod
 * and hour), 1 ms of CPU per request, and helpers that script an hour of request-rate history with seeded noise.
 */
public final class CapacityWorld {
    public static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    public final CapacityClock clock = new CapacityClock(START);
    public final CapacityCluster cluster;
    public final FakeEpisodeLog episodes = new FakeEpisodeLog();
    public final AgentState state = new AgentState();
    public AgentConfig config = AgentConfig.defaults().withPrices(5.00, 0.90);
    public Rules rules = Rules.initial();
    private final SplittableRandom noise;

    public CapacityWorld(int blueReplicas, int greenReplicas, long seed) {
        this.cluster = new CapacityCluster(clock, blueReplicas, greenReplicas);
        this.noise = new SplittableRandom(seed);
    }

    /** Blue 2 pods with all traffic, green 1 idle standby pod. */
    public static CapacityWorld runbook(long seed) {
        return new CapacityWorld(2, 1, seed);
    }

    public BrainContext ctx() {
        return new BrainContext(cluster, new Observer(cluster, clock), cluster, clock, config, episodes,
                () -> rules, state);
    }

    /** {@code steps} intervals at {@code rps} with 1 % seeded noise. */
    public double[] flat(double rps, int steps) {
        double[] y = new double[steps];
        for (int i = 0; i < steps; i++) {
            y[i] = noisy(rps);
        }
        return y;
    }

    /** {@code flatSteps} at {@code from}, then a straight ramp to {@code to} over {@code rampSteps}, 1 % noise. */
    public double[] ramp(double from, double to, int flatSteps, int rampSteps) {
        double[] y = new double[flatSteps + rampSteps];
        for (int i = 0; i < y.length; i++) {
            double level = i < flatSteps ? from : from + (to - from) * (i - flatSteps + 1) / rampSteps;
            y[i] = noisy(level);
        }
        return y;
    }

    /** One value with 1 % Gaussian noise from the world's seeded stream. */
    public double noisy(double level) {
        return level * (1 + 0.01 * noise.nextGaussian());
    }

    /** Sets the history and returns this world. */
    public CapacityWorld withHistory(double[] totalRps) {
        cluster.history(totalRps);
        return this;
    }
}
