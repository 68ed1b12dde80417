package fi.celia.celianet.sealing;

import java.util.UUID;

/** A sealed value does not open: it was altered, copied onto another row, or sealed under another key of that id. */
public class SealBrokenException extends RuntimeException {

    public SealBrokenException(UUID owner, String keyId) {
        super("The value sealed for " + owner + " under the key " + keyId + " does not open: altered or moved.");
    }
}
