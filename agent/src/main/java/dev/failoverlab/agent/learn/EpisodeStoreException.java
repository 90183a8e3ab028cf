package dev.failoverlab.agent.learn;

/** The episode store cannot be read or written; the message names the file (and line, for a corrupt line). */
public final class EpisodeStoreException extends RuntimeException {
    public EpisodeStoreException(String message) {
        super(message);
    }

    public EpisodeStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
