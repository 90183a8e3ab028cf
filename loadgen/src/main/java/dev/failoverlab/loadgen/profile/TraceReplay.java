package dev.failoverlab.loadgen.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a request-count trace ({@code period,count} per fixed interval, e.g. WorldCup98 per minute),
 * time-compressed: {@code compress} trace seconds pass per profile second, so a day of trace can be replayed in
 * minutes. Rates are interpolated linearly between trace points and multiplied by {@code scale}.
 */
public record TraceReplay(Path file, double[] countsPerInterval, double intervalSeconds, double compress,
                          double scale, double durationSeconds) implements LoadSegment {

    public TraceReplay {
        if (countsPerInterval.length < 2) {
            throw new IllegalArgumentException("trace " + file + " needs at least two rows");
        }
        if (!(compress > 0) || !(scale > 0) || !(intervalSeconds > 0)) {
            throw new IllegalArgumentException("compress, scale and interval must be > 0");
        }
        double traceSeconds = (countsPerInterval.length - 1) * intervalSeconds;
        if (durationSeconds * compress > traceSeconds + 1e-9) {
            throw new IllegalArgumentException(Fmt.f(
                    "trace %s covers %.0f s; %.0f s compressed %.0f× needs %.0f s (shorten 'for' or start earlier)",
                    file, traceSeconds, durationSeconds, compress, durationSeconds * compress));
        }
        countsPerInterval = countsPerInterval.clone();
    }

    /**
     * Reads a trace of {@code label,count} rows with a header line, skipping {@code skipRows} rows, keeping
     * enough rows for {@code durationSeconds × compress} trace seconds.
     */
    public static TraceReplay read(Path file, double intervalSeconds, long skipRows, double compress, double scale,
                                   double durationSeconds) {
        long needed = (long) Math.ceil(durationSeconds * compress / intervalSeconds) + 1;
        List<Double> counts = new ArrayList<>();
        try (var lines = Files.lines(file)) {
            var it = lines.iterator();
            long lineNo = 0;
            while (it.hasNext() && counts.size() < needed) {
                String line = it.next();
                lineNo++;
                if (lineNo == 1 || lineNo - 1 <= skipRows || line.isBlank()) {
                    continue;
                }
                int comma = line.lastIndexOf(',');
                try {
                    counts.add(Double.parseDouble(line.substring(comma + 1).trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": count is not a number: " + line);
                }
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("trace file not found: " + file
                    + " (the public traces live in ../shared/data/traces/)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace " + file, e);
        }
        double[] array = new double[counts.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = counts.get(i);
        }
        return new TraceReplay(file, array, intervalSeconds, compress, scale, durationSeconds);
    }

    @Override
    public double rateAt(double t) {
        double position = t * compress / intervalSeconds;
        int i = (int) position;
        if (i >= countsPerInterval.length - 1) {
            return countsPerInterval[countsPerInterval.length - 1] / intervalSeconds * scale;
        }
        double frac = position - i;
        double count = countsPerInterval[i] * (1 - frac) + countsPerInterval[i + 1] * frac;
        return count / intervalSeconds * scale;
    }

    @Override
    public double maxRate() {
        double max = 0;
        for (double c : countsPerInterval) {
            max = Math.max(max, c);
        }
        return max / intervalSeconds * scale;
    }

    @Override
    public String describe() {
        return Fmt.f("replay %s compressed %.0f× scaled %.3f for %.0f s", file.getFileName(), compress, scale,
                durationSeconds);
    }
}
