/**
 * Capacity models for {@code POST /analyze} and {@code POST /optimize}: the M/M/c (Erlang C) queue with waiting- and
 * response-time percentiles, the estimation of a pod's service rate from what a cluster exposes (CPU usage, CPU
 * limit, request rate), and the availability of k-of-n pods with independent failures.
 */
package dev.failoverlab.agent.analytics.capacity;
