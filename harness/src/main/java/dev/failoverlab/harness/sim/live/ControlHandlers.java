package dev.failoverlab.harness.sim.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failoverlab.agent.port.ActionResult;
import dev.failoverlab.harness.run.RunEvent;
import dev.failoverlab.loadgen.yaml.Durations;
import dev.failoverlab.harness.sim.LiveLoad;
import dev.failoverlab.harness.sim.LiveOperator;
import dev.failoverlab.harness.sim.LiveRollout;
import dev.failoverlab.harness.sim.LiveSimulation;
import dev.failoverlab.harness.sim.LiveStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The control API's endpoints, each a thin layer over {@link LiveSimulation} and its {@link LiveOperator}. */
final class ControlHandlers {
    static final Duration DEFAULT_ROLLOUT_TIMEOUT = Duration.ofMinutes(10);

    private final LiveSimulation live;

    ControlHandlers(LiveSimulation live) {
        this.live = live;
    }

    void status(ControlExchange x) throws IOException {
        checkNamespace(x);
        LiveStatus s = live.status();
        x.reply(200, s, s.line());
    }

    void pods(ControlExchange x) throws IOException {
        checkNamespace(x);
        LiveStatus s = live.status();
        List<LiveStatus.Pod> pods = new ArrayList<>();
        s.deployments().forEach(d -> pods.addAll(d.pods()));
        x.reply(200, Map.of("namespace", s.namespace(), "pods", pods), KubectlText.pods(s));
    }

    void selector(ControlExchange x) throws IOException {
        checkNamespace(x);
        LiveStatus s = live.status();
        String service = x.param("service");
        if (service != null && !service.equals(s.service())) {
            throw ControlException.badRequest("service", "'" + service + "' is not the demo's Service ("
                    + s.service() + ")");
        }
        x.reply(200, s.selector(), s.selectorJson());
    }

    /** Streams kubectl's progress lines until the rollout completes or the wall-clock timeout passes. */
    void rolloutStatus(ControlExchange x) throws IOException, InterruptedException {
        checkNamespace(x);
        String deployment = x.param("deployment");
        if (deployment == null || deployment.isBlank()) {
            throw ControlException.badRequest("deployment", "missing; add ?deployment=web-blue");
        }
        deployment = deployment.replaceFirst("^(deployment|deployments|deploy)(\\.apps)?/", "");
        Duration timeout = timeout(x.param("timeout"));
        live.rollout(deployment); // an unknown deployment is a 400 before the stream starts
        long deadline = System.nanoTime() + timeout.toNanos();
        try (OutputStream out = x.streamText()) {
            String last = null;
            while (true) {
                LiveRollout r = live.awaitRollout(deployment, last, deadline);
                if (!r.message().equals(last)) {
                    line(out, r.message());
                    last = r.message();
                }
                if (r.complete()) {
                    return;
                }
                if (System.nanoTime() - deadline >= 0) {
                    line(out, "error: timed out waiting for the condition");
                    return;
                }
            }
        }
    }

    void events(ControlExchange x) throws IOException {
        String sinceText = x.param("since");
        int since = 0;
        if (sinceText != null) {
            try {
                since = Integer.parseInt(sinceText);
            } catch (NumberFormatException e) {
                since = -1;
            }
            if (since < 0) {
                throw ControlException.badRequest("since", "must be a whole number >= 0, got '" + sinceText + "'");
            }
        }
        List<RunEvent> events = live.eventsSince(since);
        StringBuilder text = new StringBuilder();
        events.forEach(e -> text.append(KubectlText.event(e)).append('\n'));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("next", since + events.size());
        body.put("events", events);
        x.reply(200, body, text.toString());
    }

    void patch(ControlExchange x) throws IOException {
        ObjectNode body = x.jsonBody(ControlBodies.PATCH_EXAMPLE);
        checkNamespace(x);
        ControlBodies.Patch patch = ControlBodies.patch(body, x.param("deployment"));
        LiveOperator.PatchResult result = live.operator().patchEnv(patch.deployment(), patch.env());
        String message = "deployment.apps/" + patch.deployment() + " patched" + (result.changed() ? "" : " (no change)");
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("deployment", patch.deployment());
        reply.put("env", patch.env());
        reply.put("changed", result.changed());
        reply.put("rollout", Map.of("complete", result.rollout().complete(), "message", result.rollout().message()));
        reply.put("message", message);
        x.reply(200, reply, message);
    }

    void load(ControlExchange x) throws IOException {
        ObjectNode body = x.jsonBody(ControlBodies.LOAD_EXAMPLE);
        LiveLoad load = ControlBodies.load(body, live.offeredRps());
        live.operator().setLoad(load);
        String message = "load: " + load.describe();
        x.reply(200, Map.of("load", load.describe(), "offeredRps", live.offeredRps(), "message", message), message);
    }

    void scale(ControlExchange x) throws IOException {
        ObjectNode body = x.jsonBody(ControlBodies.SCALE_EXAMPLE);
        checkNamespace(x);
        ControlBodies.allowOnly(body, "", Set.of("deployment", "replicas"), "use " + ControlBodies.SCALE_EXAMPLE);
        String deployment = ControlBodies.deployment(body, x.param("deployment"));
        int replicas = ControlBodies.wholeNumber(body, "replicas");
        ActionResult r = live.operator().scale(deployment, replicas);
        String message = "deployment.apps/" + deployment + " scaled" + (r.applied() ? "" : " (" + r.detail() + ")");
        x.reply(200, Map.of("deployment", deployment, "replicas", replicas, "applied", r.applied(),
                "message", message), message);
    }

    void kill(ControlExchange x) throws IOException {
        ObjectNode body = x.jsonBody(ControlBodies.KILL_EXAMPLE);
        checkNamespace(x);
        ControlBodies.allowOnly(body, "", Set.of("deployment", "count"), "use " + ControlBodies.KILL_EXAMPLE);
        String deployment = ControlBodies.deployment(body, x.param("deployment"));
        int count = ControlBodies.wholeNumber(body, "count", 1);
        List<String> killed = live.operator().killPods(deployment, count);
        if (killed.isEmpty()) {
            throw new ControlException(409, "deployment: " + deployment + " has no ready pod to kill");
        }
        List<String> lines = killed.stream().map(name -> "pod \"" + name + "\" deleted").toList();
        x.reply(200, Map.of("deployment", deployment, "killed", killed, "message", String.join("; ", lines)),
                String.join("\n", lines));
    }

    void crashLoop(ControlExchange x) throws IOException {
        ObjectNode body = x.jsonBody(ControlBodies.CRASHLOOP_EXAMPLE);
        checkNamespace(x);
        ControlBodies.allowOnly(body, "", Set.of("deployment", "enabled"), "use " + ControlBodies.CRASHLOOP_EXAMPLE);
        String deployment = ControlBodies.deployment(body, x.param("deployment"));
        boolean enabled = ControlBodies.flag(body, "enabled");
        ActionResult r = live.operator().crashLoop(deployment, enabled);
        x.reply(200, Map.of("deployment", deployment, "enabled", enabled, "applied", r.applied(),
                "message", r.detail()), r.detail());
    }

    private void checkNamespace(ControlExchange x) {
        String namespace = x.param("namespace");
        if (namespace != null && !namespace.equals(live.namespace())) {
            throw ControlException.badRequest("namespace", "'" + namespace + "' is not the demo's namespace ("
                    + live.namespace() + ")");
        }
    }

    /** kubectl's --timeout: a duration such as 90s or 10m; 0 waits for good. */
    static Duration timeout(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_ROLLOUT_TIMEOUT;
        }
        if (text.strip().equals("0")) {
            return LiveSimulation.HORIZON;
        }
        Duration d = Durations.tryParse(text).orElseThrow(() -> ControlException.badRequest("timeout",
                "expected a duration like 90s or 10m (0 waits for good), got '" + text + "'"));
        return d.isZero() ? LiveSimulation.HORIZON : d;
    }

    private static void line(OutputStream out, String text) throws IOException {
        out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
