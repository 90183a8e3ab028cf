/**
 * The agent's capacity brain: {@code POST /analyze} ({@link dev.failoverlab.agent.brain.capacity.LoadAnalyzer},
 * forecast load and CPU, scale ahead of it, and act as the agent's autoscaler when asked to execute) and
 * {@code POST /optimize} ({@link dev.failoverlab.agent.brain.capacity.CapacityPlanner}, replicas per colour and a
 * traffic split meeting latency, error, availability and budget constraints, optionally executed as a standing
 * plan that later {@code /analyze} calls continue and respect). Between queries the package keeps its memory in
 * {@link dev.failoverlab.agent.brain.AgentState}: CPU samples for the service-rate estimate, scaling
 * recommendations for the scale-down stabilisation window, and the standing plan.
 */
package dev.failoverlab.agent.brain.capacity;
