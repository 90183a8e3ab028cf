/**
 * The plan search behind {@code POST /optimize}: replicas per colour and the traffic split between blue and green
 * that meet latency, error-rate, availability and budget constraints at an expected load for the least cost, with
 * the predicted outcomes of the chosen plan and its runners-up, and, when nothing is feasible, which constraint
 * binds and the smallest single relaxation that makes a plan possible.
 */
package dev.failoverlab.agent.analytics.optimize;
