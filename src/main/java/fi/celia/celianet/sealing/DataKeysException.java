package fi.celia.celianet.sealing;

/**
 * The data keys are missing or unusable: the start stops with this one line ({@link DataKeysFailureAnalyzer}), which
 * never holds a key.
 */
public class DataKeysException extends RuntimeException {

    public DataKeysException(String message) {
        super(message);
    }
}
