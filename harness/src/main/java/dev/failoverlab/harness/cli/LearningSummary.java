package dev.failoverlab.harness.cli;

import dev.failoverlab.agent.learn.Learner;
import dev.failoverlab.agent.learn.RuleChange;
import dev.failoverlab.harness.agent.AgentLearning;
import java.util.stream.Collectors;

/** The console line about what the agent learned in a suite run with a persistent store. */
final class LearningSummary {
    private LearningSummary() {
    }

    static String afterSuite(AgentLearning learning) {
        Learner.RetuneReport report = learning.finishSuite();
        int episodes = learning.storeLearner().log().all().size();
        String where = learning.storeLearner().log().location();
        if (report == null || report.accepted().isEmpty()) {
            return "Agent learning: " + episodes + " episodes in " + where + "; rules stay at version "
                    + learning.storeLearner().current().version() + " (no re-tuning beat the current rules)";
        }
        String changes = report.accepted().stream().map(RuleChange::rule).collect(Collectors.joining(", "));
        return "Agent learning: " + episodes + " episodes in " + where + "; rules re-tuned to version "
                + report.after().version() + " (" + changes + "); the next run starts from them. "
                + "See: failover-lab insights --store " + where;
    }
}
