package dev.failoverlab.agent.llm;

/**
 * A model's explanation of one response, with the model that wrote it and what it cost in tokens.
 *
 * @param text             the explanation, in words
 * @param model            the model that produced it (the response's mode becomes {@code llm:<model>})
 * @param promptTokens     input tokens billed (0 when the endpoint does not report usage)
 * @param completionTokens output tokens billed
 */
public record Narration(String text, String model, long promptTokens, long completionTokens) {
}
