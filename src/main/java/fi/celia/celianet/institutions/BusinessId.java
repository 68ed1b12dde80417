package fi.celia.celianet.institutions;

import fi.celia.celianet.shared.Checked;

/**
 * A Finnish business ID (Y-tunnus), {@code NNNNNNN-C}: seven digits, a dash and a check digit.
 * <p>
 * The check digit comes from the weights 7, 9, 10, 5, 8, 4, 2 on the seven digits: the weighted sum
 * modulo 11 gives the check digit 0 for remainder 0 and 11 − remainder otherwise; a remainder of 1
 * has no check digit, so such numbers are never issued.
 */
public final class BusinessId {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2};
    private static final int LENGTH = 9;

    /** Why a piece of text is not a business ID, in the order they are checked. */
    public enum Problem {
        /** Nothing was given. */
        BLANK,
        /** Not seven digits, a dash and a digit. */
        FORMAT,
        /** The seven digits give remainder 1: no check digit can make them valid. */
        REMAINDER_ONE,
        /** The check digit does not match the seven digits. */
        CHECK_DIGIT;

        private final String messageKey;

        Problem() {
            this.messageKey = Checked.messageKey("institutions.businessId.error.", this);
        }

        /** Message bundle key, for instance {@code institutions.businessId.error.checkDigit}. */
        public String messageKey() {
            return messageKey;
        }
    }

    private final String value;

    private BusinessId(String value) {
        this.value = value;
    }

    /** Checks a business ID as typed; surrounding white space is ignored. */
    public static Checked<BusinessId, Problem> validate(String input) {
        if (input == null) {
            return Checked.invalid(Problem.BLANK);
        }
        String text = input.strip();
        if (text.isEmpty()) {
            return Checked.invalid(Problem.BLANK);
        }
        if (text.length() != LENGTH || !digits(text, 0, 7) || text.charAt(7) != '-' || !digits(text, 8, 9)) {
            return Checked.invalid(Problem.FORMAT);
        }
        int remainder = remainder(text.substring(0, 7));
        if (remainder == 1) {
            return Checked.invalid(Problem.REMAINDER_ONE);
        }
        if (text.charAt(8) - '0' != checkDigit(remainder)) {
            return Checked.invalid(Problem.CHECK_DIGIT);
        }
        return Checked.valid(new BusinessId(text));
    }

    /** The business ID in {@code input}; throws {@link IllegalArgumentException} when it is not valid. */
    public static BusinessId parse(String input) {
        Checked<BusinessId, Problem> validation = validate(input);
        if (!validation.isValid()) {
            throw new IllegalArgumentException("Not a valid business ID: " + validation.problem());
        }
        return validation.value();
    }

    /**
     * The full business ID {@code NNNNNNN-C} for seven digits.
     *
     * @throws IllegalArgumentException when the input is not seven digits or gives remainder 1
     */
    public static String withCheckDigit(String sevenDigits) {
        if (sevenDigits == null || sevenDigits.length() != 7 || !digits(sevenDigits, 0, 7)) {
            throw new IllegalArgumentException("Seven digits required");
        }
        int remainder = remainder(sevenDigits);
        if (remainder == 1) {
            throw new IllegalArgumentException("No check digit exists for " + sevenDigits + " (remainder 1)");
        }
        return sevenDigits + "-" + checkDigit(remainder);
    }

    /** The business ID as written, {@code NNNNNNN-C}. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof BusinessId businessId && value.equals(businessId.value));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }

    private static int remainder(String sevenDigits) {
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (sevenDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        return sum % 11;
    }

    private static int checkDigit(int remainder) {
        return remainder == 0 ? 0 : 11 - remainder;
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
