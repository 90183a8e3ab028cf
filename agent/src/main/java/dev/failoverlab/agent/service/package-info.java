/**
 * The runnable agent: {@link dev.failoverlab.agent.service.AgentMain} reads configuration from flags and
 * environment, builds the {@link dev.failoverlab.agent.api.AgentApi} through an
 * {@link dev.failoverlab.agent.service.AgentApiFactory} (the cluster wiring, found with {@code ServiceLoader}),
 * guards its actuator, adds the LLM narrator when configured, and serves it over HTTP.
 */
package dev.failoverlab.agent.service;
