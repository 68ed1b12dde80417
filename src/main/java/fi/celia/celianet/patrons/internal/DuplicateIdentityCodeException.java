package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.patrons.PersonalIdentityCode;

/**
 * The identity code is already registered: the unique constraint decided. Thrown out of the registration
 * transaction, which rolls back; the caller looks up the existing patron's facts afterwards. The message
 * never carries the code.
 */
public class DuplicateIdentityCodeException extends RuntimeException {

    private final transient PersonalIdentityCode code;

    public DuplicateIdentityCodeException(PersonalIdentityCode code) {
        super("identity code already registered", null, false, false);
        this.code = code;
    }

    public PersonalIdentityCode code() {
        return code;
    }
}
