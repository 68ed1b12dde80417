package fi.celia.celianet.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.shared.FieldProblem;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Maintenance windows and service notices are planned at most five years ahead: year 9999 is a typing error. */
class MaintenanceHorizonTest extends IntegrationTest {

    private static final String TOO_FAR = "Aika voi olla enintään viiden vuoden päässä. Tarkista vuosi.";

    @Autowired
    MaintenanceWindows windows;

    @Autowired
    ServiceNotices notices;

    LocalDateTime now;

    @BeforeEach
    void standAtAFreshMoment() {
        now = Windows.freshMonday().minusDays(20);
        clock.set(Windows.at(now));
    }

    @Test
    void aWindowInTheYear9999IsRefusedOnEachOfItsFieldsAndNotSaved() throws Exception {
        var admin = signIn(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
        String title = Windows.title("Vuosi9999");
        MockHttpServletRequestBuilder request = post("/admin/maintenance")
                .with(admin)
                .param("startsAt", "9999-01-04T08:00")
                .param("endsAt", "9999-01-04T16:00")
                .param("announceFrom", "9999-01-01T08:00")
                .param("titleFi", title)
                .param("messageFi", "Katko.")
                .param("services", "LENDING")
                .param("channels", "EMAIL");
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(response.getContentAsString());
        for (String field : new String[] {"startsAt", "endsAt", "announceFrom"}) {
            assertThat(page.select("#" + field + "-error").text()).as(field).contains(TOO_FAR);
            assertThat(page.select(".error-summary a[href=#" + field + "]"))
                    .as(field)
                    .hasSize(1);
        }
        assertThat(page.select("#startsAt").attr("value")).isEqualTo("9999-01-04T08:00");
        assertThat(jdbc.sql("SELECT count(*) FROM maintenance_window WHERE title_fi = :t")
                        .param("t", title)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void theServiceRefusesAWindowADayBeyondFiveYearsAndTakesOneOnTheLastDay() {
        LocalDateTime lastDay = now.plusYears(5);
        String title = Windows.title("Viisi vuotta");
        assertThatThrownBy(() -> windows.create(window(lastDay.plusDays(1), title), "test"))
                .isInstanceOfSatisfying(WindowRejectedException.class, e -> assertThat(e.problems())
                        .contains(
                                new FieldProblem("startsAt", "maintenance.window.error.tooFarAhead"),
                                new FieldProblem("endsAt", "maintenance.window.error.tooFarAhead")));
        assertThat(windows.validate(window(lastDay, title))).isEmpty();
        assertThat(windows.validate(window(lastDay.plusMinutes(30), title)))
                .containsExactly(new FieldProblem("endsAt", "maintenance.window.error.tooFarAhead"));
    }

    @Test
    void aNoticeWithADateInTheYear9999IsRefusedOnThatFieldAndNotSaved() throws Exception {
        var staff = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        String title = Windows.title("Kaukainen tiedote");
        for (String field : new String[] {"sessionStartsAt", "publishFrom", "publishUntil"}) {
            Map<String, String> times = new HashMap<>(Map.of(
                    "sessionStartsAt",
                    now.plusDays(3).toString(),
                    "publishFrom",
                    now.toString(),
                    "publishUntil",
                    now.plusDays(4).toString()));
            times.put(field, "9999-12-31T12:00");
            var request = post("/notices/manage")
                    .with(staff)
                    .param("kind", "QA_SESSION")
                    .param("titleFi", title)
                    .param("bodyFi", "Tuokio.")
                    .param("joinLink", "https://meet.example.fi/celia");
            times.forEach(request::param);
            var response = mvc.perform(request).andReturn().getResponse();
            assertThat(response.getStatus()).as(field).isEqualTo(200);
            Document page = Jsoup.parse(response.getContentAsString());
            assertThat(page.select("#" + field + "-error").text()).as(field).contains(TOO_FAR);
            assertThat(page.select(".error-summary a[href=#" + field + "]"))
                    .as(field)
                    .hasSize(1);
            assertThat(page.select("#" + field).attr("value")).as(field).isEqualTo("9999-12-31T12:00");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM service_notice WHERE title_fi = :t")
                        .param("t", title)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void theServiceRefusesANoticeShownBeyondFiveYears() {
        Instant beyond = Windows.at(now.plusYears(5).plusMinutes(1));
        assertThatThrownBy(() -> notices.create(notice(Windows.at(now), beyond), "test"))
                .isInstanceOfSatisfying(WindowRejectedException.class, e -> assertThat(e.problems())
                        .containsExactly(new FieldProblem("publishUntil", "maintenance.notice.error.tooFarAhead")));
        assertThat(notices.validate(notice(beyond, null)))
                .containsExactly(new FieldProblem("publishFrom", "maintenance.notice.error.tooFarAhead"));
        assertThat(notices.validate(notice(Windows.at(now), Windows.at(now.plusYears(5)))))
                .isEmpty();
    }

    /** A window of an hour that ends at {@code end}, announced a week before. */
    private static WindowDetails window(LocalDateTime end, String title) {
        return new WindowDetails(
                Windows.at(end.minusHours(1)),
                Windows.at(end),
                Windows.at(end.minusDays(7)),
                title,
                "",
                "",
                "Katko.",
                "",
                "",
                EnumSet.of(ClosableService.LENDING),
                Set.of(ContactChannel.EMAIL));
    }

    private static NoticeDetails notice(Instant publishFrom, Instant publishUntil) {
        Map<String, String> none = Map.of();
        return new NoticeDetails(
                NoticeKind.NEWS,
                Map.of("fi", TestData.unique("Tiedote")),
                Map.of("fi", "Teksti."),
                none,
                null,
                null,
                none,
                publishFrom,
                publishUntil);
    }
}
