package dev.failoverlab.agent.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Every non-2xx body: what is wrong and how to fix it, the field path it concerns ({@code context.time_horizon},
 * {@code deployments[0]}; {@code ""} for the whole body; null when the problem is the route, method, content type
 * or size), and for a 500 only an error id to find the stack trace in the log.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ErrorBody(
        @JsonProperty("error") String error,
        @JsonProperty("field") String field,
        @JsonProperty("error_id") @JsonInclude(JsonInclude.Include.NON_NULL) String errorId) {

    public static ErrorBody of(String error, String field) {
        return new ErrorBody(error, field, null);
    }
}
