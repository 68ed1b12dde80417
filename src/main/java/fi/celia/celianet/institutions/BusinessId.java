package fi.celia.celianet.institutions;

import java.util.Objects;

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
            this.messageKey = "institutions.businessId.error." + camelCase(name());
        }

        /** Message bundle key, for instance {@code institutions.businessId.error.checkDigit}. */
        public String messageKey() {
            return messageKey;
        }

        private static String camelCase(String constant) {
            StringBuilder result = new StringBuilder(constant.length());
            boolean upperNext = false;
            for (char c : constant.toCharArray()) {
                if (c == '_') {
                    upperNext = true;
                } else {
                    result.append(upperNext ? c : Character.toLowerCase(c));
                    upperNext = false;
                }
            }
            return result.toString();
        }
    }

    /** The outcome of {@link #validate(String)}: either a business ID or exactly one problem. */
    public static final class Validation {

        private final BusinessId businessId;
        private final Problem problem;

        private Validation(BusinessId businessId, Problem problem) {
            this.businessId = businessId;
            this.problem = problem;
        }

        static Validation valid(BusinessId businessId) {
            return new Validation(Objects.requireNonNull(businessId), null);
        }

        static Validation invalid(Problem problem) {
            return new Validation(null, Objects.requireNonNull(problem));
        }

        public boolean isValid() {
            return businessId != null;
        }

        /** The parsed business ID; throws {@link IllegalStateException} when the input was not valid. */
        public BusinessId businessId() {
            if (businessId == null) {
                throw new IllegalStateException("Not a valid business ID: " + problem);
            }
            return businessId;
        }

        /** The problem, or {@code null} when the input was valid. */
        public Problem problem() {
            return problem;
        }

        @Override
        public String toString() {
            return isValid() ? "Validation[valid " + businessId + "]" : "Validation[" + problem + "]";
        }
    }

    private final String value;

    private BusinessId(String value) {
        this.value = value;
    }

    /** Checks a business ID as typed; surrounding white space is ignored. */
    public static Validation validate(String input) {
        if (input == null) {
            return Validation.invalid(Problem.BLANK);
        }
        String text = input.strip();
        if (text.isEmpty()) {
            return Validation.invalid(Problem.BLANK);
        }
        if (text.length() != LENGTH || !digits(text, 0, 7) || text.charAt(7) != '-' || !digits(text, 8, 9)) {
            return Validation.invalid(Problem.FORMAT);
        }
        int remainder = remainder(text.substring(0, 7));
        if (remainder == 1) {
            return Validation.invalid(Problem.REMAINDER_ONE);
        }
        if (text.charAt(8) - '0' != checkDigit(remainder)) {
            return Validation.invalid(Problem.CHECK_DIGIT);
        }
        return Validation.valid(new BusinessId(text));
    }

    /** The business ID in {@code input}; throws {@link IllegalArgumentException} when it is not valid. */
    public static BusinessId parse(String input) {
        Validation validation = validate(input);
        if (!validation.isValid()) {
            throw new IllegalArgumentException("Not a valid business ID: " + validation.problem());
        }
        return validation.businessId();
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
        return this == other || other instanceof BusinessId businessId && value.equals(businessId.value);
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
