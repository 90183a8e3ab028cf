/**
 * The open-loop HTTP load generator: send times come from a {@link dev.failoverlab.loadgen.profile.LoadProfile}
 * measured from the run start, a fixed pool of keep-alive connections carries them (an arrival waits for a free
 * connection, as in wrk2), and latency is recorded from the intended send time so a stalled server shows in the
 * percentiles instead of silently slowing the sender down (no coordinated omission).
 */
package dev.failoverlab.loadgen.http;
