package dev.failoverlab.agent.service;

/**
 * slf4j-simple settings for the service, applied before the first logger exists: everything to stdout with an
 * ISO timestamp (what {@code kubectl logs -f} shows), Jetty and Javalin only when something is wrong. A
 * {@code -D} given on the command line wins.
 */
final class LoggingDefaults {
    private LoggingDefaults() {
    }

    static void apply() {
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.out");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        setIfAbsent("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.io.javalin", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.okhttp3", "warn");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
