/**
 * {@code failover-lab demo}: the runbook on a laptop without Kubernetes. A {@link dev.failoverlab.harness.demo.DemoSession}
 * runs the simulated cluster in real time, its control API (for the kubectl stand-in and the gradual load script)
 * and the agent's HTTP API through a {@link dev.failoverlab.harness.demo.DemoAgentFrontend}, which the agent module
 * provides; the built-in cluster is {@code runbook-demo.yaml} beside these classes.
 */
package dev.failoverlab.harness.demo;
