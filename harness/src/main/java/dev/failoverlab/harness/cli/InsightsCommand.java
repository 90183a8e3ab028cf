package dev.failoverlab.harness.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.failoverlab.agent.api.InsightsRequest;
import dev.failoverlab.agent.learn.InsightsService;
import dev.failoverlab.agent.learn.JsonLinesEpisodeLog;
import dev.failoverlab.agent.learn.Learner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code insights}: what the agent learned, read from its episode store, as {@code POST /insights} answers it. */
@Command(name = "insights", mixinStandardHelpOptions = true,
        description = "Prints the agent's /insights answer (patterns, re-tuned rules, accuracy before and after the "
                + "latest rule update) computed from a learning store written by 'run --agent-store' or the agent.")
final class InsightsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--store", required = true, paramLabel = "FILE", description = "The JSON-lines episode store.")
    Path store;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(store)) {
            throw new UserError("learning store not found: " + store + " (write one with: run --agent-store " + store
                    + ")");
        }
        try (JsonLinesEpisodeLog log = JsonLinesEpisodeLog.open(store)) {
            Learner learner = new Learner(log);
            Instant latest = log.all().stream().map(e -> e.dueAt()).max(Instant::compareTo).orElse(Instant.EPOCH);
            var response = new InsightsService(learner, () -> latest, null)
                    .insights(new InsightsRequest("summarize_learnings", "cli"));
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            spec.commandLine().getOut().println(json.writeValueAsString(response));
            return 0;
        } catch (RuntimeException e) {
            throw new UserError("cannot read learning store " + store + ": " + e.getMessage());
        }
    }
}
