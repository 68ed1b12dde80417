package fi.celia.celianet.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.celia.celianet.patrons.PersonalIdentityCode.Problem;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The personal identity code, checked against a small independent model of the rules written here in the
 * test (the generator and its check function), not against the class itself.
 */
class PersonalIdentityCodeTest {

    private static final long SEED = 20261128L;

    // ---- the test's own model of the rules ------------------------------------------------------------

    private static final String CHECK_ALPHABET = "0123456789ABCDEFHJKLMNPRSTUVWXY";
    private static final String SIGNS = "+-YXWVUABCDEF";
    /** Characters a mutation may put anywhere: digits, all letters, the signs and a few stray ones. */
    private static final String MUTATION_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ+-*/. ";

    /** First year of the century a sign stands for, or -1. */
    private static int modelCentury(char sign) {
        switch (sign) {
            case '+':
                return 1800;
            case '-':
            case 'Y':
            case 'X':
            case 'W':
            case 'V':
            case 'U':
                return 1900;
            case 'A':
            case 'B':
            case 'C':
            case 'D':
            case 'E':
            case 'F':
                return 2000;
            default:
                return -1;
        }
    }

    /** Check character computed digit by digit with long arithmetic (independent of the class). */
    private static char modelCheck(String nineDigits) {
        long number = 0;
        for (char c : nineDigits.toCharArray()) {
            number = number * 10 + (c - '0');
        }
        return CHECK_ALPHABET.charAt((int) (number % 31));
    }

    private static boolean modelLeap(int year) {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int modelDaysIn(int month, int year) {
        switch (month) {
            case 2:
                return modelLeap(year) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** The problem the rules give for an already trimmed, upper-cased 11-character string, or null. */
    private static Problem modelProblem(String code) {
        if (code.length() != 11) {
            return Problem.FORMAT;
        }
        for (int i : new int[] {0, 1, 2, 3, 4, 5, 7, 8, 9}) {
            if (!Character.isDigit(code.charAt(i)) || code.charAt(i) > '9') {
                return Problem.FORMAT;
            }
        }
        char last = code.charAt(10);
        if (!((last >= '0' && last <= '9') || (last >= 'A' && last <= 'Z'))) {
            return Problem.FORMAT;
        }
        int century = modelCentury(code.charAt(6));
        if (century < 0) {
            return Problem.CENTURY_SIGN;
        }
        int day = Integer.parseInt(code.substring(0, 2));
        int month = Integer.parseInt(code.substring(2, 4));
        int year = century + Integer.parseInt(code.substring(4, 6));
        if (month < 1 || month > 12 || day < 1 || day > modelDaysIn(month, year)) {
            return Problem.DATE;
        }
        if (modelCheck(code.substring(0, 6) + code.substring(7, 10)) != last) {
            return Problem.CHECK_CHARACTER;
        }
        int individual = Integer.parseInt(code.substring(7, 10));
        if (individual < 2) {
            return Problem.INDIVIDUAL_NUMBER;
        }
        if (individual >= 900) {
            return Problem.TEMPORARY;
        }
        return null;
    }

    /** A generated code with what it was made from. */
    record Generated(String code, LocalDate birthDate, char sign, int individual) {
        @Override
        public String toString() {
            return code;
        }
    }

    private static Generated generate(LocalDate date, char sign, int individual) {
        String ddmmyy = String.format(
                Locale.ROOT, "%02d%02d%02d", date.getDayOfMonth(), date.getMonthValue(), date.getYear() % 100);
        String nnn = String.format(Locale.ROOT, "%03d", individual);
        return new Generated(ddmmyy + sign + nnn + modelCheck(ddmmyy + nnn), date, sign, individual);
    }

    private static LocalDate randomDate(Random random, int century) {
        LocalDate first = LocalDate.of(century, 1, 1);
        int days = (int) (first.plusYears(100).toEpochDay() - first.toEpochDay());
        return first.plusDays(random.nextInt(days));
    }

    private static LocalDate randomLeapDay(Random random, int century) {
        while (true) {
            int year = century + random.nextInt(100);
            if (modelLeap(year)) {
                return LocalDate.of(year, Month.FEBRUARY, 29);
            }
        }
    }

    /** 4,000 valid codes: every sign, dates across 1800–2099, a share of them on 29 February. */
    static List<Generated> validCodes() {
        Random random = new Random(SEED);
        List<Generated> codes = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            char sign = SIGNS.charAt(i % SIGNS.length());
            int century = modelCentury(sign);
            LocalDate date = i % 10 == 0 ? randomLeapDay(random, century) : randomDate(random, century);
            codes.add(generate(date, sign, 2 + random.nextInt(898)));
        }
        // the edges of the ranges
        codes.add(generate(LocalDate.of(1800, 1, 1), '+', 2));
        codes.add(generate(LocalDate.of(1899, 12, 31), '+', 899));
        codes.add(generate(LocalDate.of(1900, 1, 1), 'U', 2));
        codes.add(generate(LocalDate.of(1999, 12, 31), 'Y', 899));
        codes.add(generate(LocalDate.of(2000, 1, 1), 'F', 2));
        codes.add(generate(LocalDate.of(2000, 2, 29), 'A', 500));
        codes.add(generate(LocalDate.of(2099, 12, 31), 'B', 899));
        return codes;
    }

    static Stream<Generated> mutationBases() {
        return validCodes().stream().limit(400);
    }

    /** 6,000 near-codes: random digits, plausible and implausible signs, random check characters. */
    static Stream<String> nearCodes() {
        Random random = new Random(SEED + 1);
        String signs = SIGNS + "GZ0*";
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            String dd = String.format(Locale.ROOT, "%02d", random.nextInt(33));
            String mm = String.format(Locale.ROOT, "%02d", random.nextInt(14));
            String yy = String.format(Locale.ROOT, "%02d", random.nextInt(100));
            String nnn = String.format(
                    Locale.ROOT, "%03d", random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(1000));
            char sign = signs.charAt(random.nextInt(signs.length()));
            char check = random.nextBoolean()
                    ? modelCheck(dd + mm + yy + nnn)
                    : MUTATION_ALPHABET.charAt(random.nextInt(MUTATION_ALPHABET.length() - 1));
            inputs.add(dd + mm + yy + sign + nnn + check);
        }
        return inputs.stream();
    }

    // ---- properties ----------------------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("validCodes")
    void generatedCodesAreValidAndRoundTrip(Generated generated) {
        var validation = PersonalIdentityCode.validate(generated.code());

        assertThat(validation.isValid()).as(generated.code()).isTrue();
        assertThat(validation.problem()).isNull();
        PersonalIdentityCode code = validation.value();
        assertThat(code.value()).isEqualTo(generated.code());
        assertThat(code.birthDate()).isEqualTo(generated.birthDate());
        assertThat(PersonalIdentityCode.parse(code.value())).isEqualTo(code);
        assertThat(PersonalIdentityCode.parse("  " + generated.code().toLowerCase(Locale.ROOT) + "\t"))
                .isEqualTo(code);
        assertThat(PersonalIdentityCode.of(generated.birthDate(), generated.sign(), generated.individual()))
                .isEqualTo(generated.code());
        assertThat(PersonalIdentityCode.checkCharacter(
                        generated.code().substring(0, 6) + generated.code().substring(7, 10)))
                .isEqualTo(generated.code().substring(10));
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("mutationBases")
    void everySingleCharacterMutationIsRefusedOrIsAnotherValidCode(Generated generated) {
        String original = generated.code();
        int validMutants = 0;
        for (int position = 0; position < original.length(); position++) {
            for (char replacement : MUTATION_ALPHABET.toCharArray()) {
                if (replacement == original.charAt(position)) {
                    continue;
                }
                String mutant = original.substring(0, position) + replacement + original.substring(position + 1);
                var validation = PersonalIdentityCode.validate(mutant);
                Problem expected = modelProblem(mutant.strip());
                assertThat(validation.problem())
                        .as("%s -> %s", original, mutant)
                        .isEqualTo(expected);
                if (validation.isValid()) {
                    validMutants++;
                    // only another century sign can give another valid code; a changed digit never does
                    assertThat(position).as(mutant).isEqualTo(6);
                    assertThat(validation.value()).isNotEqualTo(PersonalIdentityCode.parse(original));
                    assertThat(validation.value().value()).isEqualTo(mutant);
                }
                if (position == 10) {
                    assertThat(validation.isValid()).as(mutant).isFalse();
                    assertThat(validation.problem()).isIn(Problem.CHECK_CHARACTER, Problem.FORMAT);
                }
            }
        }
        // at least the other signs of the same century are valid codes of other people
        int sameCenturySigns = (int) SIGNS.chars()
                .filter(s -> modelCentury((char) s) == modelCentury(generated.sign()))
                .count();
        assertThat(validMutants).isGreaterThanOrEqualTo(sameCenturySigns - 1);
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("nearCodes")
    void nearCodesGetTheProblemTheRulesGive(String input) {
        var validation = PersonalIdentityCode.validate(input);

        assertThat(validation.problem()).as(input).isEqualTo(modelProblem(input));
        assertThat(validation.isValid()).isEqualTo(modelProblem(input) == null);
    }

    @Test
    void aWrongCheckCharacterIsAlwaysRefused() {
        for (Generated generated : validCodes()) {
            for (char wrong : CHECK_ALPHABET.toCharArray()) {
                if (wrong == generated.code().charAt(10)) {
                    continue;
                }
                String code = generated.code().substring(0, 10) + wrong;
                assertThat(PersonalIdentityCode.validate(code).problem())
                        .as(code)
                        .isEqualTo(Problem.CHECK_CHARACTER);
            }
        }
    }

    // ---- each problem ---------------------------------------------------------------------------------

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "\t\n", "\u00a0"})
    void blank(String input) {
        assertThat(PersonalIdentityCode.validate(input).problem()).isEqualTo(Problem.BLANK);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "150690-2349X", // 12 characters
                "150690-234", // 10
                "15069-2349", // date part short
                "1506900-2349", // date part long
                "15O690-2349", // letter O for zero in the date
                "150690-23A9", // letter in the individual number
                "150690-234*", // check position not a letter or digit
                "150690 234 9", // spaces inside
                "150690-234-",
                "١٥٠٦٩٠-٢٣٤9", // Arabic-Indic digits are digits to Java, not to us
            })
    void format(String input) {
        assertThat(PersonalIdentityCode.validate(input).problem()).isEqualTo(Problem.FORMAT);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "150690G2349",
                "150690Z2349",
                "15069002349",
                "150690*2349",
                "150690_2349",
                "150690\u20132349" /* en dash */
            })
    void centurySign(String input) {
        assertThat(PersonalIdentityCode.validate(input).problem()).isEqualTo(Problem.CENTURY_SIGN);
    }

    @ParameterizedTest
    @CsvSource({
        "290223-345C, 29 Feb 1923",
        "290223A345C, 29 Feb 2023",
        "290200-250C, 1900 is not a leap year",
        "290200+250C, 1800 is not a leap year",
        "310490-123D, 31 April",
        "000190-123T, day 0",
        "320190-123T, day 32",
        "150090-2349, month 0",
        "151390-2349, month 13",
    })
    void date(String input, String why) {
        assertThat(PersonalIdentityCode.validate(input).problem()).as(why).isEqualTo(Problem.DATE);
    }

    @Test
    void leapDaysThatExist() {
        assertThat(PersonalIdentityCode.parse("290200A250C").birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(PersonalIdentityCode.parse("290296-2505").birthDate()).isEqualTo(LocalDate.of(1996, 2, 29));
        assertThat(PersonalIdentityCode.parse("290204B250D").birthDate()).isEqualTo(LocalDate.of(2004, 2, 29));
        assertThat(PersonalIdentityCode.parse("290224F345M").birthDate()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "150690-2348",
                "150690-234A",
                "150690-234G",
                "150690-234I",
                "150690-234Z",
                "150690-002S",
                "150690-900T"
            })
    void checkCharacter(String input) {
        assertThat(PersonalIdentityCode.validate(input).problem()).isEqualTo(Problem.CHECK_CHARACTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"150690-000R", "150690-001S", "150690A001S"})
    void individualNumbersNotIssued(String input) {
        assertThat(PersonalIdentityCode.validate(input).problem()).isEqualTo(Problem.INDIVIDUAL_NUMBER);
    }

    @Test
    void individualNumberTwoIsTheFirstIssued() {
        assertThat(PersonalIdentityCode.validate("150690-002T").isValid()).isTrue();
        assertThat(PersonalIdentityCode.validate("011299-899V").isValid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"150690-900S", "150690-950C", "150690-999Y", "150690B999Y"})
    void temporaryCodesAreRefused(String input) {
        assertThat(PersonalIdentityCode.validate(input).problem()).isEqualTo(Problem.TEMPORARY);
    }

    @Test
    void temporaryIsOnlyReportedWhenEverythingElseIsRight() {
        assertThat(PersonalIdentityCode.validate("150690-900T").problem()).isEqualTo(Problem.CHECK_CHARACTER);
        assertThat(PersonalIdentityCode.validate("310490-900S").problem()).isEqualTo(Problem.DATE);
        assertThat(PersonalIdentityCode.validate("150690G900S").problem()).isEqualTo(Problem.CENTURY_SIGN);
        assertThat(PersonalIdentityCode.validate("150690-90S").problem()).isEqualTo(Problem.FORMAT);
    }

    @Test
    void everyProblemHasItsOwnMessageKey() {
        assertThat(Problem.BLANK.messageKey()).isEqualTo("patrons.hetu.error.blank");
        assertThat(Problem.FORMAT.messageKey()).isEqualTo("patrons.hetu.error.format");
        assertThat(Problem.CENTURY_SIGN.messageKey()).isEqualTo("patrons.hetu.error.centurySign");
        assertThat(Problem.DATE.messageKey()).isEqualTo("patrons.hetu.error.date");
        assertThat(Problem.CHECK_CHARACTER.messageKey()).isEqualTo("patrons.hetu.error.checkCharacter");
        assertThat(Problem.INDIVIDUAL_NUMBER.messageKey()).isEqualTo("patrons.hetu.error.individualNumber");
        assertThat(Problem.TEMPORARY.messageKey()).isEqualTo("patrons.hetu.error.temporary");
        assertThat(Stream.of(Problem.values()).map(Problem::messageKey).distinct())
                .hasSize(Problem.values().length);
    }

    @Test
    void parseRefusesWithoutRepeatingTheInput() {
        assertThatThrownBy(() -> PersonalIdentityCode.parse("150690-2348"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CHECK_CHARACTER")
                .hasMessageNotContaining("150690")
                .hasMessageNotContaining("234");
        assertThatThrownBy(() -> PersonalIdentityCode.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PersonalIdentityCode.validate("x").value()).isInstanceOf(IllegalStateException.class);
    }

    // ---- the value ------------------------------------------------------------------------------------

    @Test
    void theCenturySignIsKeptAsWritten() {
        PersonalIdentityCode dash = PersonalIdentityCode.parse("010190-123M");
        PersonalIdentityCode y = PersonalIdentityCode.parse("010190Y123M");

        assertThat(dash.value()).isEqualTo("010190-123M");
        assertThat(y.value()).isEqualTo("010190Y123M");
        assertThat(dash).isNotEqualTo(y);
        assertThat(dash.birthDate()).isEqualTo(y.birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(PersonalIdentityCode.parse("010190y123m")).isEqualTo(y).hasSameHashCodeAs(y);
    }

    @Test
    void lowerCaseAndSurroundingSpaceAreAccepted() {
        PersonalIdentityCode code = PersonalIdentityCode.parse("  150690a2349 \n");

        assertThat(code.value()).isEqualTo("150690A2349");
        assertThat(code.birthDate()).isEqualTo(LocalDate.of(2090, 6, 15));
        assertThat(PersonalIdentityCode.parse("\u00a0150690-2349\u00a0").value())
                .isEqualTo("150690-2349");
    }

    @Test
    void equalsAndHashCodeFollowTheValue() {
        PersonalIdentityCode one = PersonalIdentityCode.parse("150690-2349");
        PersonalIdentityCode same = PersonalIdentityCode.parse(" 150690-2349");

        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(one).isNotEqualTo(PersonalIdentityCode.parse("150690-002T"));
        assertThat(one).isNotEqualTo("150690-2349");
    }

    @Test
    void maskedShowsDateAndSignOnly() {
        assertThat(PersonalIdentityCode.parse("150690-2349").masked()).isEqualTo("150690-****");
        assertThat(PersonalIdentityCode.parse("240310A418Y").masked()).isEqualTo("240310A****");
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("validCodes")
    void toStringIsMaskedAndNeverTheFullCode(Generated generated) {
        PersonalIdentityCode code = PersonalIdentityCode.parse(generated.code());

        assertThat(code.toString())
                .isEqualTo(code.masked())
                .isEqualTo(generated.code().substring(0, 7) + "****")
                .doesNotContain(generated.code());
        assertThat(PersonalIdentityCode.validate(generated.code()).toString())
                .contains(code.masked())
                .doesNotContain(generated.code());
    }

    @Test
    void ageInWholeYears() {
        PersonalIdentityCode code = PersonalIdentityCode.parse("150690-2349");

        assertThat(code.ageOn(LocalDate.of(1990, 6, 15))).isZero();
        assertThat(code.ageOn(LocalDate.of(2026, 6, 14))).isEqualTo(35);
        assertThat(code.ageOn(LocalDate.of(2026, 6, 15))).isEqualTo(36);
        assertThat(code.ageOn(LocalDate.of(2026, 12, 31))).isEqualTo(36);
        assertThat(PersonalIdentityCode.parse("070885-6318").ageOn(LocalDate.of(2026, 8, 6)))
                .isEqualTo(40);
        assertThat(PersonalIdentityCode.parse("070885-6318").ageOn(LocalDate.of(2026, 8, 7)))
                .isEqualTo(41);
        assertThat(PersonalIdentityCode.parse("011299+899V").ageOn(LocalDate.of(2026, 1, 1)))
                .isEqualTo(126);
    }

    // ---- the helpers ----------------------------------------------------------------------------------

    @Nested
    class Helpers {

        @Test
        void checkCharacterOfNineDigits() {
            assertThat(PersonalIdentityCode.checkCharacter("150690234")).isEqualTo("9");
            assertThat(PersonalIdentityCode.checkCharacter("240310418")).isEqualTo("Y");
            assertThat(PersonalIdentityCode.checkCharacter("000000000")).isEqualTo("0");
            assertThat(PersonalIdentityCode.checkCharacter("000000030")).isEqualTo("Y");
            assertThat(PersonalIdentityCode.checkCharacter("000000031")).isEqualTo("0");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"15069023", "1506902345", "15069023A", "150690-23"})
        void checkCharacterNeedsNineDigits(String input) {
            assertThatThrownBy(() -> PersonalIdentityCode.checkCharacter(input))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void ofBuildsCodes() {
            assertThat(PersonalIdentityCode.of(LocalDate.of(1990, 6, 15), '-', 234))
                    .isEqualTo("150690-2349");
            assertThat(PersonalIdentityCode.of(LocalDate.of(2010, 3, 24), 'A', 418))
                    .isEqualTo("240310A418Y");
            assertThat(PersonalIdentityCode.of(LocalDate.of(1899, 12, 1), '+', 899))
                    .isEqualTo("011299+899V");
            assertThat(PersonalIdentityCode.of(LocalDate.of(1990, 6, 15), '-', 950))
                    .isEqualTo("150690-950C");
        }

        @ParameterizedTest
        @CsvSource({
            "1990-06-15, A",
            "1990-06-15, +",
            "2010-03-24, -",
            "2010-03-24, U",
            "1899-12-31, F",
            "1799-12-31, +",
            "2100-01-01, F",
            "1990-06-15, G",
            "1990-06-15, *"
        })
        void ofRefusesASignOfAnotherCentury(LocalDate date, char sign) {
            assertThatThrownBy(() -> PersonalIdentityCode.of(date, sign, 234))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 1000})
        void ofRefusesIndividualNumbersOutsideThreeDigits(int individual) {
            assertThatThrownBy(() -> PersonalIdentityCode.of(LocalDate.of(1990, 6, 15), '-', individual))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
