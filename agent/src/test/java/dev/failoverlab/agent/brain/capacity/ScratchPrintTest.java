package dev.failoverlab.agent.brain.capacity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failoverlab.agent.api.OptimizeRequest;
import dev.failoverlab.agent.brain.fake.CapacityWorld;
import org.junit.jupiter.api.Test;

final class ScratchPrintTest {
    @Test
    void print() throws Exception {
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        CapacityWorld w = CapacityWorld.runbook(2);
        w.withHistory(w.ramp(200, 440, 140, 100));
        AnalyzeResponse r = new LoadAnalyzer(w.ctx()).handle(LoadAnalyzerTest.ask(false));
        ObjectNode n = om.valueToTree(r);
        System.out.println(om.writeValueAsString(n.deepCopy().without("evidence")));
        System.out.println(om.writeValueAsString(n.get("evidence")).length() + " chars of evidence");
        System.out.println(om.writeValueAsString(n.get("evidence").get("missing")));
        CapacityWorld w2 = CapacityWorld.runbook(2);
        w2.withHistory(w2.flat(400, 240));
        OptimizeResponse o = new CapacityPlanner(w2.ctx()).handle(new OptimizeRequest("multi_objective",
                new OptimizeRequest.Constraints(100.0, 1.0, 99.9, 12.5),
                new OptimizeRequest.CurrentScenario("2x_normal", 45.0, "high"), true));
        ObjectNode on = om.valueToTree(o);
        System.out.println(om.writeValueAsString(on.deepCopy().without("evidence")));
        System.out.println(CapacityNumberCheck.unmatched(o));
        System.out.println(om.writeValueAsString(on.get("evidence").get("missing")));
    }
}
