/**
 * Load profiles: the intended request rate over time, as a list of segments. One model serves the simulator
 * (which draws Poisson arrivals from it) and the real open-loop load generator (which computes send times
 * from it), so a scenario means the same load on every backend.
 */
package dev.failoverlab.loadgen.profile;
