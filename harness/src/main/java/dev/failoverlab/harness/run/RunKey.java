package dev.failoverlab.harness.run;

/** Identifies one run: a (scenario, policy, seed) triple reproduces the same result in {@code sim}. */
public record RunKey(String scenario, String policy, long seed) implements Comparable<RunKey> {

    @Override
    public int compareTo(RunKey o) {
        int c = scenario.compareTo(o.scenario);
        if (c == 0) {
            c = policy.compareTo(o.policy);
        }
        return c != 0 ? c : Long.compare(seed, o.seed);
    }

    @Override
    public String toString() {
        return scenario + "/" + policy + "/seed-" + seed;
    }
}
