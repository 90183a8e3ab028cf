/**
 * Hand-made fakes of the agent's ports for the brain's tests: a cluster with scripted load, metrics and a guarded
 * actuator, a settable clock and an in-memory episode log. Names carry the area that wrote them.
 */
package dev.failoverlab.agent.brain.fake;
