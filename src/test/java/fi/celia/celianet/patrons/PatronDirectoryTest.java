package fi.celia.celianet.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.shared.PostalAddress;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.MultiValueMap;

/** The face other modules see: summaries of patrons, one at a time or in bulk. */
class PatronDirectoryTest extends IntegrationTest {

    @Autowired
    PatronDirectory directory;

    @Test
    void summariesCarryNameAddressLanguageServicesAndOrganisationAndLeaveUnknownIdsOut() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        var withAddress = PatronFixtures.form(
                UUID.randomUUID().toString(), PatronFixtures.newCode(), TestData.unique("dir") + "@example.fi");
        var online = PatronFixtures.form(
                UUID.randomUUID().toString(), PatronFixtures.newCode(), TestData.unique("dir") + "@example.fi");
        online.remove("streetAddress");
        online.remove("postalCode");
        online.remove("city");
        online.set("services", "ONLINE");
        online.set("language", "sv");
        UUID first = register(session, withAddress);
        UUID second = register(session, online);

        var found = directory.findAll(List.of(first, second, UUID.randomUUID()));
        assertThat(found).containsOnlyKeys(first, second);
        PatronSummary one = found.get(first);
        assertThat(one.name()).isEqualTo("Aino " + withAddress.getFirst("lastName"));
        assertThat(one.postalAddress()).isEqualTo(new PostalAddress("Kirjastokatu 2 A 5", "00100", "Helsinki"));
        assertThat(one.hasPostalAddress()).isTrue();
        assertThat(one.cdClubsService()).isTrue();
        assertThat(one.active()).isTrue();
        assertThat(one.organisationId()).isEqualTo(library.getId());
        assertThat(one.patronNumber()).matches("C[0-9]{7}");
        PatronSummary two = found.get(second);
        assertThat(two.postalAddress()).isNull();
        assertThat(two.language()).isEqualTo("sv");
        assertThat(two.cdClubsService()).isFalse();
        assertThat(two.email()).isEqualTo(online.getFirst("email"));

        assertThat(directory.find(first)).contains(one);
        assertThat(directory.find(UUID.randomUUID())).isEmpty();
        assertThat(directory.findAll(List.of())).isEmpty();
    }

    private UUID register(RequestPostProcessor session, MultiValueMap<String, String> fields) throws Exception {
        var response = mvc.perform(post("/patrons").with(session).params(fields))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(303);
        return UUID.fromString(response.getRedirectedUrl().substring("/patrons/".length()));
    }
}
