package dev.failoverlab.agent.analytics.forecast;

import dev.failoverlab.agent.analytics.ModelEvidence;
import dev.failoverlab.agent.analytics.HasEvidence;
import java.util.List;

/**
 * The outcome of {@link ModelSelector#select}: the chosen method refitted on the history, and every candidate's
 * backtest score so a reader sees what it beat and by how much.
 *
 * @param chosen   the winning model, fitted on the (possibly truncated) history
 * @param scores   one entry per candidate, in candidate order
 * @param folds    backtest folds actually run (0 when the history was too short to backtest)
 * @param evidence the selection's parameters, the scores and any caveat
 */
public record Selection(FittedModel chosen, List<CandidateScore> scores, int folds, ModelEvidence evidence)
        implements HasEvidence {

    public Selection {
        scores = List.copyOf(scores);
    }

    /** The score of the candidate named {@code model}. */
    public CandidateScore score(String model) {
        return scores.stream().filter(s -> s.model().equals(model)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("no candidate " + model + "; candidates: "
                        + scores.stream().map(CandidateScore::model).toList()));
    }
}
