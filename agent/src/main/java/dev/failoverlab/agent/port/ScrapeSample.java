package dev.failoverlab.agent.port;

import java.time.Instant;

/**
 * One Prometheus scrape of a colour's request metrics, summed over its pods. All counts are cumulative since
 * the series started, like {@code http_requests_total} and {@code http_request_duration_seconds_bucket}.
 *
 * @param requests        completed requests (any status)
 * @param errors          requests answered 5xx, refused or timed out
 * @param bucketUpperMs   histogram bucket upper bounds in ms, ascending, last is +Inf
 * @param bucketCounts    cumulative count of requests with latency <= the bound (Prometheus {@code le})
 * @param latencySumMs    sum of latencies in ms
 */
public record ScrapeSample(
        Instant timestamp,
        long requests,
        long errors,
        double[] bucketUpperMs,
        long[] bucketCounts,
        double latencySumMs) {
}
