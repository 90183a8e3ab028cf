package dev.failoverlab.agent.analytics.forecast;

/**
 * One candidate's rolling-origin backtest result.
 *
 * @param model     the candidate's model id
 * @param meanMase  mean MASE over the folds (NaN when not scored)
 * @param meanSmape mean sMAPE in percent over the folds (NaN when not scored)
 * @param foldMase  MASE per fold, oldest origin first
 * @param status    {@code scored}, or why the candidate was left out (e.g. history too short)
 */
public record CandidateScore(String model, double meanMase, double meanSmape, double[] foldMase, String status) {

    public CandidateScore {
        foldMase = foldMase.clone();
    }

    @Override
    public double[] foldMase() {
        return foldMase.clone();
    }

    public boolean scored() {
        return "scored".equals(status);
    }
}
