/**
 * Sequential change detection for the agent's "is this colour degrading?" questions: Page's one-sided CUSUM on a
 * standardised stream (latency, CPU) and Wald's SPRT on a Bernoulli error stream. Each detector reports its
 * design characteristics next to its decisions: the average run length to a false alarm (ARL0) and the expected
 * detection delay, computed by approximation (Siegmund; Wald) and by an exact or near-exact method (Brook-Evans
 * Markov chain; the SPRT's lattice random walk), so the agent can say how often it would cry wolf.
 */
package dev.failoverlab.agent.analytics.change;
