package dev.failoverlab.agent.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.ObjectMappers;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.failoverlab.agent.api.AgentResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * A {@link Narrator} backed by any OpenAI-compatible chat-completions endpoint through openai-java. One call per
 * response, no retries (a late explanation is worth nothing), bounded by the settings' timeout. Failures are
 * logged with their kind and HTTP status, never with the key, and yield no narration.
 */
public final class OpenAiNarrator implements Narrator, AutoCloseable {
    private static final String WARM_UP_COMPLETION = "{\"id\":\"warm-up\",\"object\":\"chat.completion\","
            + "\"created\":0,\"model\":\"warm-up\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
            + "\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}";
    private final LlmSettings settings;
    private final OpenAIClient client;
    private final ObjectMapper mapper;
    private final Consumer<String> log;

    /** Logs to {@code dev.failoverlab.agent.llm} at WARN. */
    public OpenAiNarrator(LlmSettings settings, ObjectMapper mapper) {
        this(settings, mapper, LoggerFactory.getLogger("dev.failoverlab.agent.llm")::warn);
    }

    public OpenAiNarrator(LlmSettings settings, ObjectMapper mapper, Consumer<String> log) {
        this.settings = settings;
        this.mapper = mapper;
        this.log = log;
        this.client = OpenAIOkHttpClient.builder()
                .baseUrl(java.util.Optional.ofNullable(settings.baseUrl()))
                .apiKey(settings.apiKey())
                .timeout(settings.timeout())
                .maxRetries(0)
                .build();
        warmUp(settings.model());
    }

    /**
     * The SDK's first request spends about 1.5 s building its serializers (measured on this project's machine);
     * doing that offline at start-up keeps it out of the first answer's latency.
     */
    private static void warmUp(String model) {
        try {
            ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model(model)
                    .addSystemMessage(NarrationPrompt.SYSTEM).addUserMessage("warm-up").maxCompletionTokens(16L).build();
            ObjectMappers.jsonMapper().writeValueAsString(params._body());
            ObjectMappers.jsonMapper().readValue(WARM_UP_COMPLETION, ChatCompletion.class).choices().get(0).message()
                    .content();
        } catch (JsonProcessingException | RuntimeException e) {
            // only a warm-up: the real call reports its own failures
        }
    }

    @Override
    public Optional<Narration> narrate(String endpoint, AgentResponse response) {
        long start = System.nanoTime(); // wall time for the log line only
        try {
            String json = mapper.writeValueAsString(response);
            ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                    .model(settings.model())
                    .addSystemMessage(NarrationPrompt.SYSTEM)
                    .addUserMessage(NarrationPrompt.user(endpoint, json))
                    .maxCompletionTokens(settings.maxCompletionTokens())
                    .build();
            ChatCompletion completion = client.chat().completions().create(params);
            Optional<String> text = completion.choices().stream().findFirst()
                    .flatMap(choice -> choice.message().content())
                    .map(String::trim)
                    .filter(t -> !t.isEmpty());
            if (text.isEmpty()) {
                skip(endpoint, start, "the model returned no text (refusal, length cut-off or empty answer)");
                return Optional.empty();
            }
            long in = completion.usage().map(u -> u.promptTokens()).orElse(0L);
            long out = completion.usage().map(u -> u.completionTokens()).orElse(0L);
            return Optional.of(new Narration(text.get(), settings.model(), in, out));
        } catch (OpenAIServiceException e) {
            skip(endpoint, start, "the endpoint answered HTTP " + e.statusCode());
        } catch (JsonProcessingException e) {
            skip(endpoint, start, "the response could not be serialised for the prompt");
        } catch (RuntimeException e) {
            skip(endpoint, start, describe(e));
        }
        return Optional.empty();
    }

    private void skip(String endpoint, long startNanos, String why) {
        log.accept(String.format(Locale.ROOT, "llm narration skipped endpoint=%s model=%s wall_ms=%.0f reason=\"%s\"; "
                        + "the response stays deterministic", endpoint, settings.model(),
                (System.nanoTime() - startNanos) / 1e6, redact(why)));
    }

    /** Kind and message of a failure, timeouts named as such. */
    private static String describe(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.InterruptedIOException) {
                return "no answer within the timeout (" + t.getClass().getSimpleName() + ")";
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = e.getClass().getSimpleName() + ": " + e.getMessage();
        return root == e ? what : what + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    private String redact(String text) {
        String key = settings.apiKey();
        String safe = key.length() >= 4 ? text.replace(key, "***") : text;
        return safe.replace('"', '\'');
    }


    @Override
    public void close() {
        client.close();
    }
}
