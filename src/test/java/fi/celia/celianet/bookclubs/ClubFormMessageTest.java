package fi.celia.celianet.bookclubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.TestData;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The club form's lead time says the allowed range in numbers, never the field's name or an unfilled place. */
class ClubFormMessageTest extends BookClubTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0   | fi | Anna läpimenoaika päivinä, 1–120.",
                "121 | sv | Ange ledtiden i dagar, 1–120.",
                "''  | en | Enter the lead time in days, 1 to 120."
            })
    void aLeadTimeOutsideTheRangeSaysTheRange(String leadTime, String language, String message) throws Exception {
        var session = signIn(staff(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        String name = TestData.unique("Aikakerho");
        var response = mvc.perform(post("/bookclubs")
                        .with(session)
                        .param("nameFi", name)
                        .param("format", "CD")
                        .param("leadTimeDays", leadTime)
                        .param("booksPerShipment", "1")
                        .param("lang", language))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        var error = Jsoup.parse(response.getContentAsString())
                .select("#leadTimeDays-error")
                .text();
        assertThat(error).contains(message).doesNotContain("leadTimeDays").doesNotContain("{");
        assertThat(jdbc.sql("SELECT count(*) FROM book_club WHERE name_fi = :n")
                        .param("n", name)
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
