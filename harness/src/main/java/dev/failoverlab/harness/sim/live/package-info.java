/**
 * Running the live simulation for people: the thread that advances it with the wall clock
 * ({@link dev.failoverlab.harness.sim.live.LiveRunner}) and the loopback control API
 * ({@link dev.failoverlab.harness.sim.live.ControlServer}) through which the demo's scripts do what kubectl and a
 * load generator would do to a real cluster — patch env (a rolling update), scale, kill pods, crash-loop, change the
 * load — and watch pods, the Service selector and rollouts. The model itself lives in
 * {@link dev.failoverlab.harness.sim} ({@code LiveSimulation} and its {@code Live*} companions).
 */
package dev.failoverlab.harness.sim.live;
