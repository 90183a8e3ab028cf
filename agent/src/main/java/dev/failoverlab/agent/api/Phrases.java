package dev.failoverlab.agent.api;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runbook's phrases as numbers: horizons ({@code 10_minutes}, {@code 1_hour}, {@code 90s}, {@code 5m}) and
 * loads ({@code 2x_normal}, {@code 800rps}, {@code 800}).
 */
public final class Phrases {
    private static final Pattern WORDS = Pattern.compile("(\\d+(?:\\.\\d+)?)[_ ]?(seconds?|minutes?|hours?)");
    private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)(s|m|h)");
    private static final Pattern MULTIPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)x(?:_normal)?");
    private static final Pattern RPS = Pattern.compile("(\\d+(?:\\.\\d+)?)(?:[_ ]?rps)?");

    private Phrases() {
    }

    /** Seconds in a horizon phrase; between 1 minute and 24 hours. */
    public static double horizonSeconds(String field, String phrase) {
        String p = phrase.trim().toLowerCase(Locale.ROOT);
        double seconds;
        Matcher m = WORDS.matcher(p);
        Matcher s = SHORT.matcher(p);
        if (m.matches()) {
            seconds = Double.parseDouble(m.group(1)) * unit(m.group(2).charAt(0));
        } else if (s.matches()) {
            seconds = Double.parseDouble(s.group(1)) * unit(s.group(2).charAt(0));
        } else {
            throw new BadRequestException(field, "cannot read \"" + phrase
                    + "\" as a horizon; use e.g. \"10_minutes\", \"1_hour\", \"300s\" or \"5m\"");
        }
        if (seconds < 60 || seconds > 86_400) {
            throw new BadRequestException(field, "horizon must be between 1 minute and 24 hours, got " + phrase);
        }
        return seconds;
    }

    /** A planned load: a multiple of the measured current load, or an absolute rate. */
    public record Load(Double multipleOfCurrent, Double rps) {
        public double resolve(double currentRps) {
            return multipleOfCurrent != null ? multipleOfCurrent * currentRps : rps;
        }
    }

    public static Load load(String field, String phrase) {
        String p = phrase.trim().toLowerCase(Locale.ROOT);
        Matcher mult = MULTIPLE.matcher(p);
        if (mult.matches()) {
            double k = Double.parseDouble(mult.group(1));
            if (k <= 0 || k > 100) {
                throw new BadRequestException(field, "multiple must be > 0 and <= 100, got " + phrase);
            }
            return new Load(k, null);
        }
        if (p.equals("normal")) {
            return new Load(1.0, null);
        }
        Matcher rps = RPS.matcher(p);
        if (rps.matches()) {
            double r = Double.parseDouble(rps.group(1));
            if (r <= 0 || r > 10_000_000) {
                throw new BadRequestException(field, "rate must be > 0, got " + phrase);
            }
            return new Load(null, r);
        }
        throw new BadRequestException(field, "cannot read \"" + phrase
                + "\" as a load; use e.g. \"2x_normal\", \"800rps\" or \"800\"");
    }

    private static double unit(char c) {
        return switch (c) {
            case 's' -> 1;
            case 'm' -> 60;
            default -> 3600;
        };
    }

    static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
