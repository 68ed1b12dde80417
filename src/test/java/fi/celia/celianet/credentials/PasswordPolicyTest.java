package fi.celia.celianet.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy alone: which rule a password breaks, knowing the holder's own words. */
class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void lengthLimitsStay() {
        assertThat(policy.problem("")).contains("credentials.password.error.blank");
        assertThat(policy.problem("majakka tee")).contains("credentials.password.error.short");
        assertThat(policy.problem("x".repeat(64) + " hiljainen majakka keittää sinistä teetä ".repeat(2)))
                .contains("credentials.password.error.long");
    }

    @Test
    void theCommonListIsRefusedWhateverTheCase() {
        assertThat(policy.problem("Celianet2026")).contains("credentials.password.error.common");
    }

    @Test
    void theOrganisationsNameAndThePersonsNameWithASeparatorCountAsTheirOwnWords() {
        List<String> holder = List.of("r-123", "Aino Virtanen", "aino.v@pohjolankirjasto.fi", "Pohjolan kirjasto");
        assertThat(policy.problem("Pohjolan2026!", holder)).contains("credentials.password.error.personal");
        assertThat(policy.problem("Aino.Virtanen1", holder)).contains("credentials.password.error.personal");
        assertThat(policy.problem("hiljainen majakka keittää sinistä teetä", holder))
                .isEmpty();
    }

    @Test
    void aLongPasswordIsMeasuredQuicklyAndAStrongOneOfMaximumLengthIsTaken() {
        String strong = "hiljainen majakka keittää sinistä teetä, ja kolme pörröistä laamaa laulaa"
                + " ooppera-aarioita kuunvalossa";
        assertThat(strong.codePointCount(0, strong.length())).isLessThanOrEqualTo(PasswordPolicy.MAX_LENGTH);
        long start = System.nanoTime();
        assertThat(policy.problem(strong)).isEmpty();
        assertThat(policy.problem("ab1".repeat(42) + "xy")).contains("credentials.password.error.guessable");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    }
}
