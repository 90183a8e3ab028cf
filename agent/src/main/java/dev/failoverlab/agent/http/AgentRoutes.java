package dev.failoverlab.agent.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failoverlab.agent.api.AgentApi;
import dev.failoverlab.agent.api.AgentResponse;
import dev.failoverlab.agent.api.AnalyzeRequest;
import dev.failoverlab.agent.api.BadRequestException;
import dev.failoverlab.agent.api.EvaluateRequest;
import dev.failoverlab.agent.api.FailoverAssessmentRequest;
import dev.failoverlab.agent.api.InsightsRequest;
import dev.failoverlab.agent.api.OptimizeRequest;
import dev.failoverlab.agent.port.ClusterUnavailableException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every route of the agent in one place: the runbook's five {@code POST}s, each bound to its {@link AgentApi}
 * method, and {@code GET /health}; plus the JSON answers for unknown routes, wrong methods and failures.
 */
public final class AgentRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(AgentRoutes.class);
    private static final String JSON = "application/json";

    /** One {@code POST} route: its path, the request record it reads and the API method it calls. */
    public record Route<T>(String path, Class<T> requestType, BiFunction<AgentApi, T, AgentResponse> call) {
    }

    public static final List<Route<?>> ROUTES = List.of(
            new Route<>("/analyze", AnalyzeRequest.class, AgentApi::analyze),
            new Route<>("/evaluate", EvaluateRequest.class, AgentApi::evaluate),
            new Route<>("/failover-assessment", FailoverAssessmentRequest.class, AgentApi::failoverAssessment),
            new Route<>("/optimize", OptimizeRequest.class, AgentApi::optimize),
            new Route<>("/insights", InsightsRequest.class, AgentApi::insights));
    public static final String HEALTH = "/health";

    private final AgentApi api;
    private final ObjectMapper mapper;
    private final RequestBodies bodies;
    private final ServerOptions options;
    private final String errorIdPrefix = "e" + ProcessHandle.current().pid() + "-";
    private final AtomicLong errorCount = new AtomicLong();

    AgentRoutes(AgentApi api, ObjectMapper mapper, ServerOptions options) {
        this.api = api;
        this.mapper = mapper;
        this.options = options;
        this.bodies = new RequestBodies(mapper, options.maxBodyBytes());
    }

    void register(JavalinConfig config) {
        for (Route<?> route : ROUTES) {
            config.routes.post(route.path(), ctx -> handle(ctx, route));
        }
        config.routes.get(HEALTH, this::health);
        config.routes.error(404, ctx -> writeProblem(ctx, new HttpProblem(404, null, "no route "
                + ctx.req().getMethod() + " " + ctx.path() + "; the agent serves " + routeList())));
        config.routes.error(405, this::methodNotAllowed);
        config.routes.exception(Exception.class, (e, ctx) -> unexpected(ctx, e));
    }

    private <T> void handle(Context ctx, Route<T> route) {
        long start = System.nanoTime(); // wall time for the log line only
        String method = ctx.req().getMethod();
        try {
            bodies.requireJson(ctx.contentType());
            boolean expectsContinue = "100-continue".equalsIgnoreCase(ctx.header("Expect"));
            byte[] body = bodies.read(ctx.req().getContentLengthLong(), expectsContinue, ctx.bodyInputStream());
            T request = bodies.bind(body, route.requestType());
            AgentResponse response = route.call().apply(api, request);
            if (response == null) {
                throw new IllegalStateException("the agent returned no response for " + route.path());
            }
            JsonNode tree = mapper.valueToTree(response);
            write(ctx, 200, mapper.writeValueAsBytes(tree));
            log(new RequestLogLine(method, ctx.path(), 200).decided(tree), start);
        } catch (HttpProblem p) {
            writeProblem(ctx, p);
            log(new RequestLogLine(method, ctx.path(), p.status()).refused(p.field(), p.getMessage()), start);
        } catch (BadRequestException e) {
            writeProblem(ctx, new HttpProblem(400, e.field(), e.getMessage()));
            log(new RequestLogLine(method, ctx.path(), 400).refused(e.field(), e.getMessage()), start);
        } catch (ClusterUnavailableException e) {
            String message = "a cluster source did not answer (" + e.getMessage() + "); retry when it is back";
            writeProblem(ctx, new HttpProblem(503, null, message));
            log(new RequestLogLine(method, ctx.path(), 503).refused(null, message), start);
        } catch (IOException e) {
            HttpProblem p = new HttpProblem(400, "", "the request body could not be read to its end ("
                    + e.getClass().getSimpleName() + "); resend it");
            writeProblem(ctx, p);
            log(new RequestLogLine(method, ctx.path(), 400).refused(p.field(), p.getMessage()), start);
        } catch (RuntimeException | StackOverflowError e) {
            String id = unexpected(ctx, e);
            log(new RequestLogLine(method, ctx.path(), 500).errorId(id), start);
        }
    }

    private void health(Context ctx) throws JsonProcessingException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("sources", options.sources());
        write(ctx, 200, mapper.writeValueAsBytes(body));
    }

    private void methodNotAllowed(Context ctx) {
        String path = ctx.path();
        String allowed = HEALTH.equals(stripSlash(path)) ? "GET" : "POST";
        ctx.header("Allow", allowed);
        writeProblem(ctx, new HttpProblem(405, null, ctx.req().getMethod() + " is not allowed on " + path
                + "; use " + allowed + (allowed.equals("POST") ? " with a JSON body" : "")));
    }

    /** 500 with an error id; the id and the stack trace go to the log, never to the client. */
    private String unexpected(Context ctx, Throwable e) {
        String id = errorIdPrefix + errorCount.incrementAndGet();
        LOG.error("error_id={} endpoint=\"{} {}\" unexpected failure", id, ctx.req().getMethod(), ctx.path(), e);
        try {
            write(ctx, 500, mapper.writeValueAsBytes(new ErrorBody(
                    "the agent failed unexpectedly; report error id " + id + " (its log has the details)", null, id)));
        } catch (JsonProcessingException impossible) {
            ctx.status(500).result("{\"error\":\"internal error\",\"field\":null,\"error_id\":\"" + id + "\"}");
        }
        return id;
    }

    private void writeProblem(Context ctx, HttpProblem p) {
        try {
            write(ctx, p.status(), mapper.writeValueAsBytes(ErrorBody.of(p.getMessage(), p.field())));
        } catch (JsonProcessingException e) {
            unexpected(ctx, e);
        }
    }

    private static void write(Context ctx, int status, byte[] json) {
        ctx.status(status).contentType(JSON).result(json);
    }

    private void log(RequestLogLine line, long startNanos) {
        options.requestLog().accept(line.finish((System.nanoTime() - startNanos) / 1e6));
    }

    static String routeList() {
        return ROUTES.stream().map(r -> "POST " + r.path()).collect(Collectors.joining(", "))
                + " and GET " + HEALTH;
    }

    private static String stripSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
