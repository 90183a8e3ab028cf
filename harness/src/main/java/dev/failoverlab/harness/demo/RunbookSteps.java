package dev.failoverlab.harness.demo;

import dev.failoverlab.harness.sim.LiveLoad;
import dev.failoverlab.harness.sim.LiveStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The banner the demo prints at start: where everything listens and the runbook's steps 4–9 as commands that work
 * against this demo (ports and namespace filled in). docs/runbook-local.md explains each step.
 */
public final class RunbookSteps {
    private RunbookSteps() {
    }

    public static List<String> banner(DemoSettings s, LiveStatus status, String controlUrl, boolean agent,
                                      LiveLoad load) {
        String agentUrl = "http://localhost:" + s.agentPort();
        String ns = s.namespace();
        String env = controlUrl.equals("http://127.0.0.1:8081") ? "" : "DEMO_CONTROL_URL=" + controlUrl + " ";
        String kubectl = env + "scripts/demo-kubectl.sh";
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT,
                "Failover Lab demo: the runbook on this machine, no Kubernetes (simulated cluster, speed %sx, seed %d)",
                trim(s.speed()), s.seed()));
        StringBuilder cluster = new StringBuilder("  cluster  namespace " + ns + ":");
        for (LiveStatus.Deployment d : status.deployments()) {
            cluster.append(String.format(Locale.ROOT, " %s %d %s%s,", d.name(), d.specReplicas(),
                    d.specReplicas() == 1 ? "replica" : "replicas", d.trafficPercent() == 100 ? " (active)" : ""));
        }
        cluster.append(" Service ").append(s.service()).append(" → ").append(s.initialActiveColor())
                .append(String.format(Locale.ROOT, "; SLO p95 %s ms, errors %s%%", trim(s.slo().latencyP95Ms()),
                        trim(s.slo().errorRatePercent())));
        lines.add(cluster.toString());
        lines.add("  agent    " + (agent ? agentUrl + "  (POST /analyze /evaluate /failover-assessment /optimize"
                + " /insights, GET /health)" : "not started (--no-agent)"));
        lines.add("  control  " + controlUrl + "/control  (used by scripts/demo-kubectl.sh and"
                + " scripts/gradual-load-test.sh)");
        lines.add("  load     " + load.describe());
        lines.add("");
        lines.add("Try the runbook (docs/runbook-local.md has every step and body):");
        lines.add("  step 4  " + kubectl + " get pods -n " + ns + " -w");
        lines.add("          watch -n 3 '" + kubectl + " get svc web -n " + ns + " -o jsonpath=\"{.spec.selector}\"'");
        lines.add("  step 5  " + env + "scripts/gradual-load-test.sh --demo 300 &   # then, after 2-3 minutes:");
        lines.add("          curl -X POST " + agentUrl + "/analyze -H \"Content-Type: application/json\""
                + " -d '{\"task\":\"analyze_scaling_needs\",\"context\":{\"time_horizon\":\"10_minutes\"}}'");
        lines.add("  step 6  " + kubectl + " patch deployment web-blue -n " + ns + " -p '{\"spec\":{\"template\":"
                + "{\"spec\":{\"containers\":[{\"name\":\"web\",\"env\":[{\"name\":\"SLOW_REQUESTS\",\"value\":\"20\"}]}]}}}}'");
        lines.add("          " + kubectl + " rollout status deployment/web-blue -n " + ns);
        lines.add("          curl -X POST " + agentUrl + "/evaluate ...   (step 7: SLOW_REQUESTS 40 + RANDOM_ERRORS 5,"
                + " then /failover-assessment)");
        lines.add("  step 8  curl -X POST " + agentUrl + "/optimize ...    step 9: curl -X POST " + agentUrl
                + "/insights ...");
        lines.add("A status line every 10 s; faults and agent actions as they happen. Ctrl-C stops the demo.");
        return lines;
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
