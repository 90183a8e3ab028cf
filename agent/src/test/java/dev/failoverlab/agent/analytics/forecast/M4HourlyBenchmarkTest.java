package dev.failoverlab.agent.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Scores the model selector on the first 20 M4 hourly series (horizon 48, season 24) next to the published
 * benchmark figures, and next to seasonal naive and naive computed here on the same series. Not timed; it prints
 * its numbers for the report. {@code -Dm4.series=414} runs the whole hourly set (about 15 s), where our seasonal
 * naive reproduces the published 13.91 / 1.19 exactly.
 *
 * <p>The first 20 series are unusually regular (seasonal naive MASE 0.95 against 1.19 overall), so the selector,
 * which must earn its choice on three 48-hour backtest folds, cannot be expected to beat seasonal naive on them;
 * the assertions are that it stays within 15 % of seasonal naive and far ahead of the non-seasonal naive.
 */
final class M4HourlyBenchmarkTest {

    private static final int SERIES = Integer.getInteger("m4.series", 20);
    private static final int HORIZON = 48;
    private static final int SEASON = 24;

    @Test
    void selectorOnTheFirstTwentyHourlySeries() throws IOException {
        Path dir = locateData();
        Assumptions.assumeTrue(dir != null, "M4 hourly data not found (looked for Hourly-train.csv and"
                + " Hourly-test.csv under -Dm4.dir, ../shared/data/m4_hourly beside the checkout and"
                + " /work/shared/data/m4_hourly); benchmark skipped");
        List<double[]> train = read(dir.resolve("Hourly-train.csv"));
        List<double[]> test = read(dir.resolve("Hourly-test.csv"));
        ModelSelector selector = new ModelSelector(ModelSelector.defaultCandidates(SEASON),
                new ModelSelector.Config(HORIZON, 3, HORIZON, SEASON, 0));
        double sSmape = 0;
        double sMase = 0;
        double nSmape = 0;
        double nMase = 0;
        double rwMase = 0;
        Map<String, Integer> chosen = new LinkedHashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < SERIES; i++) {
            double[] y = train.get(i);
            double[] actual = test.get(i);
            double scale = ForecastAccuracy.maseScale(y, SEASON);
            Selection s = selector.select(y);
            double[] f = s.chosen().pointForecast(HORIZON);
            sSmape += ForecastAccuracy.smape(actual, f);
            sMase += ForecastAccuracy.mase(actual, f, scale);
            chosen.merge(s.chosen().model(), 1, Integer::sum);
            double[] sn = Forecaster.seasonalNaive(SEASON).fit(y).pointForecast(HORIZON);
            nSmape += ForecastAccuracy.smape(actual, sn);
            nMase += ForecastAccuracy.mase(actual, sn, scale);
            rwMase += ForecastAccuracy.mase(actual, Forecaster.naive().fit(y).pointForecast(HORIZON), scale);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "M4 hourly, first %d series, h=%d, m=%d (%.1f s):%n", SERIES, HORIZON, SEASON,
                seconds);
        System.out.printf(Locale.ROOT, "  selector          sMAPE %6.2f  MASE %5.2f  chosen %s%n", sSmape / SERIES,
                sMase / SERIES, chosen);
        System.out.printf(Locale.ROOT, "  seasonal naive    sMAPE %6.2f  MASE %5.2f  (same series)%n",
                nSmape / SERIES, nMase / SERIES);
        System.out.printf(Locale.ROOT, "  naive             MASE %5.2f  (same series)%n", rwMase / SERIES);
        System.out.printf(Locale.ROOT, "  published, all 414 series: seasonal naive 13.91 / 1.19, Naive2 18.38 / 2.40%n");
        assertThat(sMase / SERIES).isLessThanOrEqualTo(nMase / SERIES * 1.15);
        assertThat(sMase).isLessThan(rwMase / 2);
        assertThat(chosen.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(SERIES);
    }

    private static Path locateData() {
        // -Dm4.dir wins; otherwise ../shared beside the checkout (run from the module or the root), then /work
        String override = System.getProperty("m4.dir");
        List<String> candidates = override != null ? List.of(override)
                : List.of("../../shared/data/m4_hourly", "../shared/data/m4_hourly", "/work/shared/data/m4_hourly");
        for (String candidate : candidates) {
            Path p = Path.of(candidate);
            if (Files.isRegularFile(p.resolve("Hourly-train.csv")) && Files.isRegularFile(p.resolve("Hourly-test.csv"))) {
                return p;
            }
        }
        return null;
    }

    /** The first {@link #SERIES} rows of an M4 wide CSV: quoted id, quoted values, empty cells after the end. */
    private static List<double[]> read(Path csv) throws IOException {
        List<double[]> out = new ArrayList<>();
        try (var lines = Files.lines(csv)) {
            for (String line : (Iterable<String>) lines.skip(1).limit(SERIES)::iterator) {
                String[] cells = line.split(",");
                double[] v = new double[cells.length - 1];
                int n = 0;
                for (int i = 1; i < cells.length; i++) {
                    String c = cells[i].replace("\"", "").trim();
                    if (!c.isEmpty()) {
                        v[n++] = Double.parseDouble(c);
                    }
                }
                out.add(Arrays.copyOf(v, n));
            }
        }
        return out;
    }
}
