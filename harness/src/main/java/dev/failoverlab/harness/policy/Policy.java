package dev.failoverlab.harness.policy;

/**
 * A control loop under test. {@link #start} is called once at time zero; the policy registers its periodic
 * work with the context's scheduler and acts only through the context's actuator.
 */
public interface Policy {

    void start(PolicyContext context);

    /** Called once when the run ends (after the last sample); a policy may hand over what it learned. */
    default void finish(PolicyContext context) {
    }
}
