package fi.celia.celianet.institutions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.celia.celianet.institutions.BusinessId.Problem;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BusinessIdTest {

    private static final long SEED = 20261128L;

    /** The test's own model: weighted sum modulo 11, computed from the right-hand end for variety. */
    private static int modelRemainder(String sevenDigits) {
        int[] weightsFromRight = {2, 4, 8, 5, 10, 9, 7};
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += Character.getNumericValue(sevenDigits.charAt(6 - i)) * weightsFromRight[i];
        }
        return sum % 11;
    }

    /** 5,000 random bodies plus the ends of the range; about one in eleven gives remainder 1. */
    static Stream<String> bodies() {
        Random random = new Random(SEED);
        return Stream.concat(
                Stream.of("0000000", "9999999", "0000001", "1000000", "1111111"),
                Stream.generate(() -> String.format(Locale.ROOT, "%07d", random.nextInt(10_000_000)))
                        .limit(5000));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("bodies")
    void exactlyOneCheckDigitFitsUnlessTheRemainderIsOne(String body) {
        int remainder = modelRemainder(body);
        for (int digit = 0; digit <= 9; digit++) {
            String candidate = body + "-" + digit;
            var validation = BusinessId.validate(candidate);
            if (remainder == 1) {
                assertThat(validation.problem()).as(candidate).isEqualTo(Problem.REMAINDER_ONE);
            } else if (digit == (remainder == 0 ? 0 : 11 - remainder)) {
                assertThat(validation.isValid()).as(candidate).isTrue();
                assertThat(validation.value().value()).isEqualTo(candidate);
                assertThat(BusinessId.parse(" " + candidate + " ")).isEqualTo(validation.value());
                assertThat(BusinessId.withCheckDigit(body)).isEqualTo(candidate);
            } else {
                assertThat(validation.problem()).as(candidate).isEqualTo(Problem.CHECK_DIGIT);
            }
        }
        if (remainder == 1) {
            assertThatThrownBy(() -> BusinessId.withCheckDigit(body)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theGeneratedBodiesCoverRemainderOneAndZero() {
        assertThat(bodies().filter(body -> modelRemainder(body) == 1).count()).isGreaterThan(300);
        assertThat(bodies().filter(body -> modelRemainder(body) == 0).count()).isGreaterThan(300);
    }

    @ParameterizedTest
    @CsvSource({
        "1234567, 1234567-1", // remainder 10
        "0000000, 0000000-0", // remainder 0
        "2345678, 2345678-0", // remainder 0
        "7654321, 7654321-2", // remainder 9
        "1000000, 1000000-4", // remainder 7
        "0000011, 0000011-5", // remainder 6
    })
    void knownCheckDigits(String body, String full) {
        assertThat(BusinessId.withCheckDigit(body)).isEqualTo(full);
        assertThat(BusinessId.parse(full).value()).isEqualTo(full);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1111111-0", "1111111-1", "1111111-9"})
    void remainderOneIsNeverValid(String input) {
        assertThat(BusinessId.validate(input).problem()).isEqualTo(Problem.REMAINDER_ONE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void blank(String input) {
        assertThat(BusinessId.validate(input).problem()).isEqualTo(Problem.BLANK);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1234567",
                "12345671",
                "123456-1",
                "12345678-1",
                "1234567-12",
                "1234567 1",
                "1234567_1",
                "1234567--1",
                "A234567-1",
                "1234567-A",
                "1234 567-1",
                "-1234567",
                "FI12345671",
                "1234567\u20131",
                "١٢٣٤٥٦٧-1",
            })
    void format(String input) {
        assertThat(BusinessId.validate(input).problem()).isEqualTo(Problem.FORMAT);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"123456", "12345678", "123456A", "1234567-1"})
    void withCheckDigitNeedsSevenDigits(String input) {
        assertThatThrownBy(() -> BusinessId.withCheckDigit(input)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void messageKeys() {
        assertThat(Problem.BLANK.messageKey()).isEqualTo("institutions.businessId.error.blank");
        assertThat(Problem.FORMAT.messageKey()).isEqualTo("institutions.businessId.error.format");
        assertThat(Problem.REMAINDER_ONE.messageKey()).isEqualTo("institutions.businessId.error.remainderOne");
        assertThat(Problem.CHECK_DIGIT.messageKey()).isEqualTo("institutions.businessId.error.checkDigit");
    }

    @Test
    void parseAndEquality() {
        BusinessId id = BusinessId.parse("  1234567-1\n");

        assertThat(id.value()).isEqualTo("1234567-1");
        assertThat(id.toString()).isEqualTo("1234567-1");
        assertThat(id).isEqualTo(BusinessId.parse("1234567-1")).hasSameHashCodeAs(BusinessId.parse("1234567-1"));
        assertThat(id).isNotEqualTo(BusinessId.parse("7654321-2"));
        assertThatThrownBy(() -> BusinessId.parse("1234567-2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CHECK_DIGIT");
        assertThatThrownBy(() -> BusinessId.validate("").value()).isInstanceOf(IllegalStateException.class);
    }
}
