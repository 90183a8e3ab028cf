package dev.failoverlab.loadgen.profile;

import java.util.Locale;

/** Locale-independent formatting: a profile's description reads the same on every machine. */
final class Fmt {
    private Fmt() {
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
