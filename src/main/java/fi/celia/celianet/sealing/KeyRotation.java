package fi.celia.celianet.sealing;

/**
 * Values sealed with the data keys that {@code rotate-keys} re-seals under the current keys: each module that seals
 * something offers one. A batch is one transaction; a row already under the current keys is never touched again, so
 * an interrupted rotation resumes where it stopped.
 */
public interface KeyRotation {

    /** What is re-sealed, for the log ("patron identity codes"). */
    String description();

    /** How many values are not yet under the current keys. */
    long remaining();

    /** Re-seals up to {@code size} values under the current keys; @return how many it re-sealed */
    int rotateBatch(int size);
}
