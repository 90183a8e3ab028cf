package dev.failoverlab.agent.analytics.forecast;

import dev.failoverlab.agent.analytics.ModelEvidence;
import dev.failoverlab.agent.analytics.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Chooses a forecasting method by rolling-origin evaluation (Tashman 2000): each candidate is fitted on the history
 * up to several origins and scored by MASE on the following {@code horizon} points, the scale being the in-sample
 * MAE of the seasonal naive (or naive) forecast of that fold's training data. The lowest mean MASE wins; ties go
 * to the earlier, simpler candidate. Out-of-sample error at the horizon the agent will actually forecast is the
 * honest criterion; in-sample fit rewards the seasonal model's 23 extra initial states.
 *
 * <p>When the history is too short for even one fold, the selector falls back to in-sample one-step MASE and says
 * so in the evidence.
 */
public final class ModelSelector {

    /**
     * Backtest settings.
     *
     * @param horizon      steps forecast at each origin (the horizon the agent will use)
     * @param folds        number of origins, the last one {@code horizon} steps before the end
     * @param step         distance between consecutive origins (use {@code horizon} for disjoint test windows)
     * @param seasonLength season length for MASE scaling and seasonal candidates; 0 for none
     * @param maxHistory   use at most the last this many points ("recent history"); 0 for all
     */
    public record Config(int horizon, int folds, int step, int seasonLength, int maxHistory) {
        public Config {
            Require.atLeast("horizon", horizon, 1);
            Require.atLeast("folds", folds, 1);
            Require.atLeast("step", step, 1);
            Require.atLeast("seasonLength", seasonLength, 0);
            Require.atLeast("maxHistory", maxHistory, 0);
            if (seasonLength == 1) {
                throw new IllegalArgumentException("seasonLength = 1 is not a season; use 0 for none");
            }
        }

        /** Three disjoint folds of {@code horizon} steps over the whole history. */
        public static Config of(int horizon, int seasonLength) {
            return new Config(horizon, 3, horizon, seasonLength, 0);
        }
    }

    private final List<Forecaster> candidates;
    private final Config config;

    public ModelSelector(List<Forecaster> candidates, Config config) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("the selector needs at least one candidate; see defaultCandidates");
        }
        this.candidates = List.copyOf(candidates);
        this.config = config;
    }

    /** The agent's usual candidates, simplest first; seasonal ones only when {@code seasonLength >= 2}. */
    public static List<Forecaster> defaultCandidates(int seasonLength) {
        List<Forecaster> list = new ArrayList<>(List.of(Forecaster.naive()));
        if (seasonLength >= 2) {
            list.add(Forecaster.seasonalNaive(seasonLength));
        }
        list.add(Forecaster.ets(EtsKind.SES));
        list.add(Forecaster.linearTrend());
        list.add(Forecaster.ets(EtsKind.HOLT));
        list.add(Forecaster.ets(EtsKind.DAMPED_HOLT));
        if (seasonLength >= 2) {
            list.add(Forecaster.seasonalLevel(seasonLength));
            list.add(Forecaster.holtWinters(seasonLength));
        }
        return list;
    }

    /** Backtests every candidate on {@code history} and refits the winner on it. */
    public Selection select(double[] history) {
        Require.finiteSeries("history", history, 2);
        double[] y = config.maxHistory() > 0 && history.length > config.maxHistory()
                ? Arrays.copyOfRange(history, history.length - config.maxHistory(), history.length) : history;
        int n = y.length;
        int h = config.horizon();
        int shortest = candidates.stream().mapToInt(Forecaster::minimumLength).min().orElseThrow();
        int folds = 0;
        while (folds < config.folds() && n - h - (long) folds * config.step() >= Math.max(shortest, 2)) {
            folds++;
        }
        ModelEvidence.Builder ev = ModelEvidence.of("model-selection(rolling-origin MASE)")
                .param("horizon_steps", h).param("folds_requested", config.folds()).param("folds_run", folds)
                .param("origin_step", config.step()).param("season_length", config.seasonLength())
                .param("history_used", n);
        List<CandidateScore> scores = new ArrayList<>();
        if (folds == 0) {
            ev.note(String.format(Locale.ROOT, "history of %d points is too short to backtest a %d-step horizon;"
                    + " chose by in-sample one-step MASE, which favours complex models", n, h));
            for (Forecaster f : candidates) {
                scores.add(inSampleScore(f, y));
            }
        } else {
            int firstOrigin = n - h - (folds - 1) * config.step();
            for (Forecaster f : candidates) {
                scores.add(backtest(f, y, firstOrigin, folds));
            }
        }
        CandidateScore best = null;
        for (CandidateScore s : scores) {
            if (s.scored()) {
                ev.fit("mase:" + s.model(), s.meanMase()).fit("smape:" + s.model(), s.meanSmape());
                if (best == null || s.meanMase() < best.meanMase()) {
                    best = s;
                }
            } else {
                ev.note(s.model() + " not scored: " + s.status());
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no candidate could be fitted to a history of " + n
                    + " points; the shortest candidate needs " + shortest);
        }
        String winner = best.model();
        Forecaster chosen = candidates.stream().filter(f -> f.name().equals(winner)).findFirst().orElseThrow();
        ev.output("chosen_mase", best.meanMase()).output("chosen_smape", best.meanSmape())
                .note("chosen: " + winner);
        return new Selection(chosen.fit(y), scores, folds, ev.build());
    }

    private CandidateScore backtest(Forecaster f, double[] y, int firstOrigin, int folds) {
        int h = config.horizon();
        if (firstOrigin < f.minimumLength()) {
            return new CandidateScore(f.name(), Double.NaN, Double.NaN, new double[0], String.format(Locale.ROOT,
                    "needs %d points to fit, the earliest fold has %d", f.minimumLength(), firstOrigin));
        }
        double[] mase = new double[folds];
        double smapeSum = 0;
        for (int k = 0; k < folds; k++) {
            int origin = firstOrigin + k * config.step();
            double[] train = Arrays.copyOfRange(y, 0, origin);
            double[] test = Arrays.copyOfRange(y, origin, origin + h);
            double[] forecast = f.fit(train).pointForecast(h);
            mase[k] = scaledError(train, test, forecast);
            smapeSum += ForecastAccuracy.smape(test, forecast);
        }
        return new CandidateScore(f.name(), Arrays.stream(mase).average().orElseThrow(), smapeSum / folds, mase,
                "scored");
    }

    private CandidateScore inSampleScore(Forecaster f, double[] y) {
        if (y.length < f.minimumLength()) {
            return new CandidateScore(f.name(), Double.NaN, Double.NaN, new double[0],
                    "needs " + f.minimumLength() + " points, history has " + y.length);
        }
        FittedModel m = f.fit(y);
        double[] fitted = m.fitted();
        int first = 0;
        while (first < fitted.length && Double.isNaN(fitted[first])) {
            first++;
        }
        double[] actual = Arrays.copyOfRange(y, first, y.length);
        double[] fit = Arrays.copyOfRange(fitted, first, fitted.length);
        double mase = scaledError(y, actual, fit);
        return new CandidateScore(f.name(), mase, ForecastAccuracy.smape(actual, fit), new double[] {mase}, "scored");
    }

    /** MASE, or plain MAE when the training data is constant (the scale would be 0). */
    private double scaledError(double[] train, double[] actual, double[] forecast) {
        double scale = train.length > 1 ? ForecastAccuracy.maseScale(train, config.seasonLength()) : 0;
        double mae = ForecastAccuracy.mae(actual, forecast);
        return scale > 0 ? mae / scale : mae;
    }
}
