package fi.celia.celianet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fi.celia.celianet.staff.Organisation;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The pages that let service staff choose an organisation still open when the service has as many organisations as a
 * national one (300 libraries and 5,000 institution customers): each shows every active organisation as a choice.
 */
class NationalOrganisationCountTest extends IntegrationTest {

    private static final int ORGANISATIONS = 5_300;
    private static final String PREFIX = "National Count ";

    @BeforeEach
    void aNationalNumberOfOrganisations() {
        jdbc.sql(
                        """
                        INSERT INTO organisation (id, customer_number, name, type, city, postal_code, street_address,
                            language, active, created_at, updated_at)
                        SELECT gen_random_uuid(), 'N' || lpad(g::text, 6, '0'), :prefix || lpad(g::text, 5, '0'),
                            'SCHOOL', 'Tampere', '33100', 'Koulukatu ' || g, 'fi', true, now(), now()
                        FROM generate_series(1, :count) g""")
                .param("prefix", PREFIX)
                .param("count", ORGANISATIONS)
                .update();
    }

    @AfterEach
    void removeThem() {
        jdbc.sql("DELETE FROM organisation WHERE name LIKE :prefix")
                .param("prefix", PREFIX + "%")
                .update();
    }

    @Test
    void serviceStaffChooseAmongEveryOrganisation() throws Exception {
        Organisation library = data.library(TestData.unique("Count Library"));
        var patron = data.patron("Kaisa Laaksonen", library, null, null, false);
        RequestPostProcessor staff = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        RequestPostProcessor admin = signIn(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);

        for (var page : List.of(
                new Page(staff, "/patrons/list", "#organisationId"),
                new Page(staff, "/patrons/" + patron, "#move-organisation"),
                new Page(staff, "/patrons", "#organisationId"),
                new Page(admin, "/admin/staff/new", "#organisationId"))) {
            var response = mvc.perform(get(page.path()).with(page.session()))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(page.path()).isEqualTo(200);
            Document html = Jsoup.parse(response.getContentAsString());
            assertThat(html.select(page.select() + " option[value]").size())
                    .as(page.path())
                    .isGreaterThan(ORGANISATIONS);
        }
    }

    private record Page(RequestPostProcessor session, String path, String select) {}
}
