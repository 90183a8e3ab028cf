package dev.failoverlab.harness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds performance.json: the wall-clock figures kept out of summary.json because they vary between runs. */
final class PerformanceJson {
    private PerformanceJson() {
    }

    static String render(SuiteResults s) {
        List<Object> runs = new ArrayList<>();
        for (RunPerformance r : s.runPerformance()) {
            Map<String, Object> o = Json.object();
            o.put("scenario", r.key().scenario());
            o.put("policy", r.key().policy());
            o.put("seed", r.key().seed());
            o.put("backend", r.backend());
            o.put("wallSeconds", Json.num(r.wallSeconds()));
            o.put("requests", r.requests());
            o.put("events", r.events());
            o.put("eventsPerSecond", Json.num(r.eventsPerSecond()));
            o.put("requestsPerSecond", Json.num(r.requestsPerSecond()));
            runs.add(o);
        }
        List<Object> policies = new ArrayList<>();
        for (PolicyPerformance p : s.policyPerformance()) {
            Map<String, Object> o = Json.object();
            o.put("policy", p.policy());
            o.put("runs", p.runs());
            o.put("wallSeconds", Json.num(p.wallSeconds()));
            o.put("requests", p.requests());
            o.put("events", p.events());
            o.put("eventsPerSecond", Json.num(p.eventsPerSecond()));
            o.put("agentQueries", p.queries());
            o.put("agentQueryWallMsP50", Json.num(p.queryWallMsP50()));
            o.put("agentQueryWallMsP99", Json.num(p.queryWallMsP99()));
            policies.add(o);
        }
        Map<String, Object> root = Json.object();
        root.put("runs", runs);
        root.put("policies", policies);
        return Json.write(root);
    }
}
