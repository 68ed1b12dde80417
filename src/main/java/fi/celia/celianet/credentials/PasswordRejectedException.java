package fi.celia.celianet.credentials;

/** The new password breaks the policy; {@link #messageKey()} says which rule. */
public class PasswordRejectedException extends RuntimeException {

    private final String messageKey;

    public PasswordRejectedException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
