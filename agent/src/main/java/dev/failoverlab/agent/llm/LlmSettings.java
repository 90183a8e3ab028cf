package dev.failoverlab.agent.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach an OpenAI-compatible chat endpoint. {@link #toString()} never shows the key.
 *
 * @param baseUrl             API root including its version path, e.g. {@code http://localhost:11434/v1}; null for
 *                            openai-java's default endpoint
 * @param model               chat model name
 * @param apiKey              bearer token (from {@code OPENAI_API_KEY} or a key file; never a flag)
 * @param timeout             whole-request limit; past it the response stays deterministic
 * @param maxCompletionTokens cap on the explanation's length
 */
public record LlmSettings(String baseUrl, String model, String apiKey, Duration timeout, long maxCompletionTokens) {

    public LlmSettings {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(apiKey, "apiKey");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("LLM timeout must be positive, got " + timeout);
        }
        if (maxCompletionTokens < 16) {
            throw new IllegalArgumentException("maxCompletionTokens must be at least 16, got " + maxCompletionTokens);
        }
    }

    /** The base URL without any user:password part or query, safe for logs and {@code /health}. */
    public String displayUrl() {
        if (baseUrl == null) {
            return "(openai-java default endpoint)";
        }
        try {
            java.net.URI u = new java.net.URI(baseUrl);
            return new java.net.URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null).toString();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return "(unparseable URL)";
        }
    }

    @Override
    public String toString() {
        return "LlmSettings[baseUrl=" + displayUrl() + ", model=" + model + ", apiKey=" + (apiKey.isEmpty() ? "none" : "***")
                + ", timeout=" + timeout + ", maxCompletionTokens=" + maxCompletionTokens + "]";
    }
}
