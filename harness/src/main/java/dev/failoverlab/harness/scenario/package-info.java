/**
 * Scenarios: the YAML file format (load profile, fault injections, expectations) parsed with positions, and the
 * immutable model the backends and scoring read. The format is documented in {@code scenarios/README.md}.
 */
package dev.failoverlab.harness.scenario;
