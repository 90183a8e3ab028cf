/**
 * Running scenarios: the {@link dev.failoverlab.harness.run.Backend} interface, the raw recording of one run
 * (time series, events, query timings) and its on-disk form, and the suite runner that fans runs out over
 * scenarios × policies × seeds.
 */
package dev.failoverlab.harness.run;
