/**
 * Calibration: the simulator's workload model fitted to the real demo app on this machine.
 *
 * <p>{@link dev.failoverlab.harness.calibrate.Calibration} starts the workload in a child JVM (or uses a running
 * one), drives it at constant open-loop rates with the real load generator ({@code LevelRunner}, in 2 s chunks that
 * also measure who else used the cores), runs it once with {@code SLOW_REQUESTS}, and hands the measurements to
 * {@link dev.failoverlab.harness.calibrate.WorkloadFit}, which inverts the simulator
 * ({@link dev.failoverlab.harness.calibrate.SimWorkloadProbe}: one pod, constant load, no faults, no policy) to find
 * the {@code WorkloadSpec} that reproduces them. {@link dev.failoverlab.harness.calibrate.CalibrationFile} writes the
 * fitted keys with their provenance for {@code workload: {calibration: FILE}} in scenarios, and
 * {@link dev.failoverlab.harness.calibrate.FidelityReport} compares the simulator with the measurement level by
 * level against the 20 % fidelity target.
 */
package dev.failoverlab.harness.calibrate;
