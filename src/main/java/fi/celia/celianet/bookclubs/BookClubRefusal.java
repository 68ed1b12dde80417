package fi.celia.celianet.bookclubs;

/**
 * A request the book clubs refuse, with the message key (in {@code i18n/bookclubs}) and its arguments that tell
 * the user why; {@code field} names the form field at fault, when there is one.
 */
public class BookClubRefusal extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] arguments;

    public BookClubRefusal(String field, String messageKey, Object... arguments) {
        super(messageKey, null, false, false);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
