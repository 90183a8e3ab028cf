package dev.failoverlab.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failoverlab.agent.api.AgentApi;
import dev.failoverlab.agent.api.AgentResponse;
import dev.failoverlab.agent.api.AnalyzeRequest;
import dev.failoverlab.agent.api.EvaluateRequest;
import dev.failoverlab.agent.api.FailoverAssessmentRequest;
import dev.failoverlab.agent.api.InsightsRequest;
import dev.failoverlab.agent.api.OptimizeRequest;
import dev.failoverlab.agent.port.ClusterUnavailableException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every kind of bad input gets its status and a {@code {"error", "field"}} body that says how to fix it. */
final class AgentServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final TestServer RUNNING = new TestServer(new FakeAgentApi());

    private static JsonNode error(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.has("error") && body.has("field")).as(r.body()).isTrue();
        assertThat(body.path("error").asText()).isNotBlank();
        return body;
    }

    @Test
    void aNumberWhereAListBelongsNamesTheField() throws Exception {
        JsonNode e = error(RUNNING.client.postJson("/evaluate",
                "{\"task\": \"assess_deployment_health\", \"deployments\": 5}"), 400);
        assertThat(e.path("field").asText()).isEqualTo("deployments");
        assertThat(e.path("error").asText()).isEqualTo("\"deployments\" must be an array, e.g. [\"a\", \"b\"]; "
                + "got the number 5");
    }

    @Test
    void aStringWhereAnObjectBelongsNamesTheField() throws Exception {
        JsonNode e = error(RUNNING.client.postJson("/optimize", "{\"constraints\": \"x\"}"), 400);
        assertThat(e.path("field").asText()).isEqualTo("constraints");
        assertThat(e.path("error").asText()).contains("must be an object", "got the string \"x\"");
    }

    @Test
    void scalarsAreNeverCoerced() throws Exception {
        assertThat(error(RUNNING.client.postJson("/analyze", "{\"task\": 5}"), 400).path("field").asText())
                .isEqualTo("task");
        assertThat(error(RUNNING.client.postJson("/analyze", "{\"task\": \"analyze_scaling_needs\", \"execute\": \"true\"}"),
                400).path("field").asText()).isEqualTo("execute");
        assertThat(error(RUNNING.client.postJson("/analyze", "{\"task\": \"analyze_scaling_needs\", \"execute\": 1}"),
                400).path("field").asText()).isEqualTo("execute");
        JsonNode nested = error(RUNNING.client.postJson("/optimize",
                "{\"constraints\": {\"max_response_time_ms\": \"100\"}}"), 400);
        assertThat(nested.path("field").asText()).isEqualTo("constraints.max_response_time_ms");
        assertThat(nested.path("error").asText()).contains("a number", "got the string \"100\"");
        assertThat(error(RUNNING.client.postJson("/evaluate",
                "{\"task\": \"assess_deployment_health\", \"deployments\": [\"web-blue\", 5]}"), 400)
                .path("field").asText()).isEqualTo("deployments[1]");
        assertThat(error(RUNNING.client.postJson("/evaluate",
                "{\"task\": \"assess_deployment_health\", \"deployments\": \"web-blue\"}"), 400)
                .path("field").asText()).isEqualTo("deployments");
        assertThat(error(RUNNING.client.postJson("/analyze", "{\"task\": \"analyze_scaling_needs\", \"context\": \"\"}"),
                400).path("field").asText()).isEqualTo("context");
    }

    @Test
    void malformedJsonSaysLineAndColumn() throws Exception {
        JsonNode e = error(RUNNING.client.postJson("/analyze", "{\n  \"task\": \"analyze_scaling_needs\",\n  \"context\": {\"x\" 1}\n}"),
                400);
        assertThat(e.path("error").asText()).startsWith("malformed JSON at line 3, column 19: ");
        assertThat(e.path("field").asText()).isEqualTo("context.x");
    }

    @Test
    void trailingDataDuplicateKeysAndInvalidUtf8AreMalformed() throws Exception {
        assertThat(error(RUNNING.client.postJson("/insights", "{} {}"), 400).path("error").asText())
                .startsWith("malformed JSON at line 1, column 4");
        assertThat(error(RUNNING.client.postJson("/insights", "{\"query\": \"accuracy\", \"query\": \"episodes\"}"), 400)
                .path("error").asText()).contains("Duplicate field 'query'");
        byte[] latin1 = "{\"session\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(error(RUNNING.client.post("/insights", "application/json", latin1), 400).path("error").asText())
                .isEqualTo("invalid UTF-8 at byte 16 (line 1, byte 17 of that line): 0xE9; send the body in UTF-8");
        byte[] overlong = {'{', '"', 'x', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        error(RUNNING.client.post("/insights", "application/json", overlong), 400);
        byte[] surrogate = {'{', '"', 'x', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
        error(RUNNING.client.post("/insights", "application/json", surrogate), 400);
    }

    @Test
    void theRootMustBeAnObject() throws Exception {
        JsonNode e = error(RUNNING.client.postJson("/insights", "[1, 2]"), 400);
        assertThat(e.path("field").asText()).isEmpty();
        assertThat(e.path("error").asText()).isEqualTo("request body must be a JSON object {…}; got an array");
        assertThat(error(RUNNING.client.postJson("/insights", "null"), 400).path("error").asText()).endsWith("got null");
    }

    @Test
    void deepNestingIsRefusedEarly() throws Exception {
        String deep = "{\"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThat(error(RUNNING.client.postJson("/insights", deep), 400).path("error").asText())
                .contains("nesting depth");
    }

    @Test
    void agentValidationErrorsNameTheFieldAndTheAllowedValues() throws Exception {
        JsonNode e = error(RUNNING.client.postJson("/analyze", "{\"task\": \"predict\"}"), 400);
        assertThat(e.path("field").asText()).isEqualTo("task");
        assertThat(e.path("error").asText()).contains("analyze_scaling_needs");
        JsonNode h = error(RUNNING.client.postJson("/analyze",
                "{\"task\": \"analyze_scaling_needs\", \"context\": {\"time_horizon\": \"soon\"}}"), 400);
        assertThat(h.path("field").asText()).isEqualTo("context.time_horizon");
        assertThat(RUNNING.log).anySatisfy(line -> assertThat(line)
                .startsWith("endpoint=\"POST /analyze\" status=400 field=context.time_horizon error="));
    }

    @Test
    void unknownKeysAreIgnored() {
        assertThat(RUNNING.client.postJson("/insights", "{\"query\": \"accuracy\", \"verbose\": {\"deep\": [1, 2]}}")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void anEmptyBodyIsA400ForTheWholeBody() throws Exception {
        JsonNode e = error(RUNNING.client.post("/insights", "application/json", " \n".getBytes(StandardCharsets.UTF_8)), 400);
        assertThat(e.path("field").asText()).isEmpty();
        assertThat(e.path("error").asText()).startsWith("request body is empty");
    }

    @Test
    void onlyUtf8JsonIsAccepted() throws Exception {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(error(RUNNING.client.post("/insights", "application/x-www-form-urlencoded", body), 415)
                .path("error").asText()).contains("Content-Type: application/json");
        assertThat(error(RUNNING.client.post("/insights", null, body), 415).path("field").isNull()).isTrue();
        error(RUNNING.client.post("/insights", "application/json; charset=ISO-8859-1", body), 415);
        assertThat(RUNNING.client.post("/insights", "application/json; charset=UTF-8", body).statusCode()).isEqualTo(200);
    }

    @Test
    void bodiesOverOneMebibyteAre413() throws Exception {
        byte[] big = new byte[(int) ServerOptions.ONE_MIB + 1];
        Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        JsonNode e = error(RUNNING.client.post("/insights", "application/json", big), 413);
        assertThat(e.path("error").asText()).contains("limit is 1048576 bytes");
        big[big.length - 2] = '}';
        big[big.length - 1] = ' ';
        byte[] exactlyOneMib = Arrays.copyOf(big, (int) ServerOptions.ONE_MIB);
        assertThat(RUNNING.client.post("/insights", "application/json", exactlyOneMib).statusCode()).isEqualTo(200);
    }

    @Test
    void chunkedAndExpectContinueBodiesOverTheLimitAre413() throws Exception {
        byte[] big = new byte[2 * (int) ServerOptions.ONE_MIB];
        Arrays.fill(big, (byte) ' ');
        HttpRequest chunked = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + RUNNING.server.port() + "/insights"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big)))
                .build();
        try {
            assertThat(error(RUNNING.client.send(chunked), 413).path("error").asText()).contains("limit is 1048576 bytes");
        } catch (java.io.UncheckedIOException e) {
            // the server answers 413 and closes as soon as the limit is passed; a client still streaming chunks may
            // see the connection closed before it reads the answer: the body was refused either way
            assertThat(e).hasRootCauseInstanceOf(java.io.IOException.class);
        }
        HttpRequest waiting = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + RUNNING.server.port() + "/insights"))
                .header("Content-Type", "application/json").expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(big))
                .build();
        try {
            assertThat(error(RUNNING.client.send(waiting), 413).path("error").asText()).contains("2097152 bytes or more");
        } catch (java.io.UncheckedIOException e) {
            // same race as above: the refusal may arrive as a closed connection
            assertThat(e).hasRootCauseInstanceOf(java.io.IOException.class);
        }
        assertThat(RUNNING.client.postJson("/insights", "{}").statusCode()).as("server still serving").isEqualTo(200);
    }

    @Test
    void unknownRoutesAndWrongMethodsExplainWhatExists() throws Exception {
        JsonNode missing = error(RUNNING.client.postJson("/scale", "{}"), 404);
        assertThat(missing.path("error").asText()).contains("no route POST /scale", "POST /failover-assessment");
        HttpResponse<String> get = RUNNING.client.send("GET", "/analyze");
        JsonNode wrong = error(get, 405);
        assertThat(wrong.path("error").asText()).isEqualTo("GET is not allowed on /analyze; use POST with a JSON body");
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(error(RUNNING.client.send("DELETE", "/health"), 405).path("error").asText()).endsWith("use GET");
    }

    @Test
    void unexpectedFailuresAre500WithAnErrorIdAndNoStackTrace() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (AgentServer failing = AgentServer.start(new ExplodingApi(), ServerOptions.defaults()
                .withAddress("127.0.0.1", 0).withRequestLog(log::add))) {
            HttpTestClient c = new HttpTestClient(failing.port());
            HttpResponse<String> r = c.postJson("/insights", "{}");
            JsonNode e = error(r, 500);
            String id = e.path("error_id").asText();
            assertThat(id).matches("e\\d+-\\d+");
            assertThat(r.body()).doesNotContain("IllegalStateException", "at dev.", "secret detail");
            assertThat(log).singleElement().asString().contains("status=500", "error_id=" + id);
            assertThat(error(c.postJson("/evaluate", "{}"), 503).path("error").asText())
                    .contains("prometheus: connection refused");
        }
    }

    /** Fails the way a bug or an outage would. */
    private static final class ExplodingApi implements AgentApi {
        @Override
        public AgentResponse analyze(AnalyzeRequest request) {
            throw new IllegalStateException("secret detail");
        }

        @Override
        public AgentResponse evaluate(EvaluateRequest request) {
            throw new ClusterUnavailableException("prometheus", "connection refused");
        }

        @Override
        public AgentResponse failoverAssessment(FailoverAssessmentRequest request) {
            return null;
        }

        @Override
        public AgentResponse optimize(OptimizeRequest request) {
            throw new IllegalStateException("secret detail");
        }

        @Override
        public AgentResponse insights(InsightsRequest request) {
            throw new IllegalStateException("secret detail");
        }
    }
}
