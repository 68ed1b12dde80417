package fi.celia.celianet.institutions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import fi.celia.celianet.shared.PostalAddress;
import fi.celia.celianet.staff.OrganisationType;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NewApplicationTest {

    private static final List<Registrar> ONE = List.of(new Registrar("Rauni Rekisteröijä", "rauni@example.fi"));

    @ParameterizedTest
    @EnumSource(
            value = OrganisationType.class,
            names = {"CARE_HOME", "OTHER"})
    void onlyALibraryOrASchoolNamesRegistrars(OrganisationType type) {
        assertThatIllegalArgumentException().isThrownBy(() -> application(type, ONE));
        assertThat(application(type, List.of()).registrars()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = OrganisationType.class,
            names = {"LIBRARY", "SCHOOL"})
    void aLibraryOrASchoolKeepsItsRegistrars(OrganisationType type) {
        assertThat(application(type, ONE).registrars()).isEqualTo(ONE);
    }

    private static NewApplication application(OrganisationType type, List<Registrar> registrars) {
        return new NewApplication(
                "token",
                "Kallion koulu",
                type,
                "1234567-1",
                null,
                "Kaisa Kontakti",
                "kaisa@example.fi",
                "040 123 4567",
                new PostalAddress("Kirjastokatu 1", "00100", "Helsinki"),
                null,
                "fi",
                null,
                registrars);
    }
}
