package dev.failoverlab.agent.analytics;

/**
 * A result that can account for its numbers. Implemented by every result record of the analytics packages so a
 * response builder can collect the {@link ModelEvidence} of whatever models it consulted without knowing their types.
 */
public interface HasEvidence {

    /** The model name, parameters, fit quality and output values behind this result. */
    ModelEvidence evidence();
}
