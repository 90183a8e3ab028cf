/**
 * Provenance of every number the agent prints: measurements (metric, subject, window, value, source) and model
 * outputs (model, parameters, fit quality, outputs). A response's {@code evidence} section is one
 * {@link dev.failoverlab.agent.evidence.Evidence}; anything the agent could not measure is listed as missing,
 * never filled in.
 */
package dev.failoverlab.agent.evidence;
