package fi.celia.celianet.bookclubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.celia.celianet.bookclubs.web.SubscriptionNotice;
import fi.celia.celianet.patrons.PatronSummary;
import fi.celia.celianet.shared.NotFoundException;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestMail;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

class SubscriptionTest extends BookClubTest {

    private int subscriptionCount(UUID patronId) {
        return jdbc.sql("SELECT count(*) FROM club_subscription WHERE patron_id = :p")
                .param("p", patronId)
                .query(Integer.class)
                .single();
    }

    @Test
    void joiningStatesTheFirstShipmentNotInProductionMailsItAndTheSameRequestTwiceMakesOne() throws Exception {
        var session = signIn(staff(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        at(LocalDate.of(2031, 1, 1));
        Club club = monthlyClub(LocalDate.of(2031, 1, 15), 6, 35, 1);
        String email = TestData.unique("patron") + "@example.fi";
        PatronSummary patron = withEmail("Aino Kuuntelija", email);
        at(LocalDate.of(2031, 1, 20));

        mvc.perform(post("/patrons/{id}/subscriptions", patron.patronId())
                        .with(session)
                        .param("clubId", club.id().toString()))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/patrons/" + patron.patronId()))
                .andExpect(flash().attribute("flashMessage", "bookclubs.subscription.saved.JOINED"))
                .andExpect(flash().attribute(
                                "bookclubsNotice",
                                new SubscriptionNotice(
                                        "bookclubs.notice.JOINED", club.nameFi(), LocalDate.of(2031, 3, 15))));
        // 15 February's production started on 11 January; 15 March's starts on 8 February.
        assertThat(subscriptionCount(patron.patronId())).isEqualTo(1);
        var mail = await().atMost(mailWait())
                .until(() -> TestMail.to(email), l -> l.size() == 1)
                .get(0);
        assertThat(mail.getSubject()).isEqualTo("Tervetuloa kirjakerhoon " + club.nameFi());
        assertThat(TestMail.body(mail)).contains("Aino Kuuntelija").contains("15.3.2031");

        mvc.perform(post("/patrons/{id}/subscriptions", patron.patronId())
                        .with(session)
                        .param("clubId", club.id().toString()))
                .andExpect(status().isSeeOther())
                .andExpect(flash().attribute("flashMessage", "bookclubs.subscription.saved.UNCHANGED"))
                .andExpect(flash().attribute(
                                "bookclubsNotice",
                                new SubscriptionNotice(
                                        "bookclubs.notice.UNCHANGED", club.nameFi(), LocalDate.of(2031, 3, 15))));
        assertThat(subscriptionCount(patron.patronId())).isEqualTo(1);

        var current = views.forPatron(patron.patronId());
        assertThat(current).singleElement().satisfies(v -> {
            assertThat(v.state()).isEqualTo(SubscriptionView.State.ACTIVE);
            assertThat(v.nextDelivery().deliveryDate()).isEqualTo(LocalDate.of(2031, 3, 15));
        });
        assertThat(views.patronPage(patron.patronId()).joinable())
                .extracting(j -> j.club().id())
                .doesNotContain(club.id());
    }

    @Test
    void twoSimultaneousRequestsToJoinMakeOneSubscription() throws Exception {
        at(LocalDate.of(2031, 1, 1));
        Club club = monthlyClub(LocalDate.of(2031, 3, 1), 3, 35, 1);
        PatronSummary patron = patron("Tuplaklikkaaja", null);
        var pool = Executors.newFixedThreadPool(4);
        try {
            var start = new CountDownLatch(1);
            var results = new ArrayList<Future<SubscriptionChange>>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return subscriptions.subscribe(patron.patronId(), club.id(), SERVICE);
                }));
            }
            start.countDown();
            var ids = new HashSet<UUID>();
            for (var result : results) {
                ids.add(result.get(30, TimeUnit.SECONDS).subscriptionId());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(subscriptionCount(patron.patronId())).isEqualTo(1);
    }

    @Test
    void aPatronWithoutTheServiceOrAnAddressOrClosedIsRefusedWithAClearMessage() throws Exception {
        var session = signIn(staff(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        at(LocalDate.of(2031, 1, 1));
        Club club = monthlyClub(LocalDate.of(2031, 3, 1), 3, 35, 1);
        PatronSummary base = patron("Eino Ei-palvelua", null, address("Eino Ei-palvelua"), null, false);
        assertThat(base.cdClubsService()).isFalse();
        mvc.perform(post("/patrons/{id}/subscriptions", base.patronId())
                        .with(session)
                        .param("clubId", club.id().toString()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Asiakkaalla ei ole CD-kirjakerhopalvelua.")))
                .andExpect(content().string(Matchers.containsString("/patrons/" + base.patronId() + "/edit")));

        PatronSummary noAddress = patron("Outi Osoitteeton", null, null, null, true);
        assertThat(noAddress.hasPostalAddress()).isFalse();
        mvc.perform(post("/patrons/{id}/subscriptions", noAddress.patronId())
                        .with(session)
                        .param("clubId", club.id().toString()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Asiakkaalla ei ole postiosoitetta")));

        PatronSummary open = patron("Kalle Suljettu", null);
        data.closePatron(open.patronId());
        PatronSummary closed = summary(open.patronId());
        assertThat(closed.active()).isFalse();
        mvc.perform(post("/patrons/{id}/subscriptions", closed.patronId())
                        .with(session)
                        .param("clubId", club.id().toString())
                        .param("lang", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(
                        content().string(Matchers.containsString("The patron is closed and cannot join a book club.")));

        mvc.perform(post("/patrons/{id}/subscriptions", closed.patronId())
                        .with(session)
                        .param("clubId", "")
                        .param("lang", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Choose a book club.")));
        mvc.perform(post("/patrons/{id}/subscriptions", closed.patronId())
                        .with(session)
                        .param("clubId", UUID.randomUUID().toString()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/patrons/{id}/subscriptions", UUID.randomUUID())
                        .with(session)
                        .param("clubId", club.id().toString()))
                .andExpect(status().isNotFound());
        assertThat(subscriptionCount(base.patronId())
                        + subscriptionCount(noAddress.patronId())
                        + subscriptionCount(closed.patronId()))
                .isZero();
    }

    @Test
    void registrarsSubscribeTheirOwnOrganisationsPatronsAndNobodyElses() throws Exception {
        at(LocalDate.of(2031, 1, 1));
        Club club = monthlyClub(LocalDate.of(2031, 3, 1), 3, 35, 1);
        var library = data.library(TestData.unique("Kirjasto"));
        var otherLibrary = data.library(TestData.unique("Kirjasto"));
        PatronSummary ours = patron("Oma Asiakas", library);
        PatronSummary theirs = patron("Vieras Asiakas", otherLibrary);
        var registrar = signIn(staff(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        var mainUser = signIn(staff(Role.MAIN_USER, library).getUsername(), TestData.PASSWORD);

        mvc.perform(post("/patrons/{id}/subscriptions", theirs.patronId())
                        .with(registrar)
                        .param("clubId", club.id().toString()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/patrons/{id}/subscriptions", theirs.patronId())
                        .with(mainUser)
                        .param("clubId", club.id().toString()))
                .andExpect(status().isNotFound());
        assertThat(subscriptionCount(theirs.patronId())).isZero();

        mvc.perform(post("/patrons/{id}/subscriptions", ours.patronId())
                        .with(registrar)
                        .param("clubId", club.id().toString()))
                .andExpect(status().isSeeOther());
        assertThat(subscriptionCount(ours.patronId())).isEqualTo(1);
        UUID subscriptionId = views.forPatron(ours.patronId()).get(0).id();
        mvc.perform(post("/patrons/{id}/subscriptions/{s}/end", theirs.patronId(), subscriptionId)
                        .with(registrar))
                .andExpect(status().isNotFound());
        mvc.perform(post("/patrons/{id}/subscriptions/{s}/end", ours.patronId(), subscriptionId)
                        .with(mainUser))
                .andExpect(status().isSeeOther());
    }

    @Test
    void noMonthMayBringMoreThanFiveBooksAcrossThePatronsClubs() throws Exception {
        var session = signIn(staff(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        at(LocalDate.of(2031, 1, 1));
        Club three = monthlyClub(LocalDate.of(2031, 3, 1), 6, 35, 3);
        Club two = monthlyClub(LocalDate.of(2031, 3, 20), 6, 35, 2);
        Club one = monthlyClub(LocalDate.of(2031, 5, 10), 1, 35, 1);
        PatronSummary patron = patron("Lotta Lukutoukka", null);
        subscriptions.subscribe(patron.patronId(), three.id(), SERVICE);
        subscriptions.subscribe(patron.patronId(), two.id(), SERVICE);

        mvc.perform(post("/patrons/{id}/subscriptions", patron.patronId())
                        .with(session)
                        .param("clubId", one.id().toString()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(
                        content()
                                .string(
                                        Matchers.containsString(
                                                "Asiakas saisi 6 kirjaa kuussa 5/2031. Kaikista kirjakerhoista yhteensä saa tulla enintään 5 kirjaa kuukaudessa.")));
        assertThat(subscriptionCount(patron.patronId())).isEqualTo(2);
    }

    @Test
    void pauseAndResumeTakeEffectFromTheFirstShipmentNotYetInProduction() throws Exception {
        var session = signIn(staff(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        at(LocalDate.of(2031, 11, 1));
        Club club = monthlyClub(LocalDate.of(2032, 1, 15), 6, 35, 1);
        PatronSummary patron = patron("Paula Taukoilija", null);
        at(LocalDate.of(2031, 12, 1));
        var joined = subscriptions.subscribe(patron.patronId(), club.id(), SERVICE);
        assertThat(joined.shipment().deliveryDate()).isEqualTo(LocalDate.of(2032, 1, 15));

        at(LocalDate.of(2031, 12, 20)); // January's production started on 11 December
        mvc.perform(post("/patrons/{id}/subscriptions/{s}/pause", patron.patronId(), joined.subscriptionId())
                        .with(session)
                        .param("from", "2031-12-20"))
                .andExpect(status().isSeeOther())
                .andExpect(flash().attribute(
                                "bookclubsNotice",
                                new SubscriptionNotice(
                                        "bookclubs.notice.PAUSED", club.nameFi(), LocalDate.of(2032, 2, 15))));
        mvc.perform(post("/patrons/{id}/subscriptions/{s}/pause", patron.patronId(), joined.subscriptionId())
                        .with(session)
                        .param("from", "2031-12-20"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Tilaus on jo tauolla.")));
        assertThat(views.forPatron(patron.patronId()).get(0).state()).isEqualTo(SubscriptionView.State.PAUSED);

        at(LocalDate.of(2032, 2, 20)); // March's production started on 9 February; April's starts on 11 March
        mvc.perform(post("/patrons/{id}/subscriptions/{s}/resume", patron.patronId(), joined.subscriptionId())
                        .with(session))
                .andExpect(status().isSeeOther())
                .andExpect(flash().attribute(
                                "bookclubsNotice",
                                new SubscriptionNotice(
                                        "bookclubs.notice.RESUMED", club.nameFi(), LocalDate.of(2032, 4, 15))));
        assertThat(views.forPatron(patron.patronId()).get(0).nextDelivery().deliveryDate())
                .isEqualTo(LocalDate.of(2032, 4, 15));

        at(LocalDate.of(2032, 6, 1));
        production.freezeDue();
        for (var shipment : clubs.shipments(club.id())) {
            boolean expected = !shipment.deliveryDate().isBefore(LocalDate.of(2032, 4, 15))
                    || shipment.deliveryDate().equals(LocalDate.of(2032, 1, 15));
            if (shipment.frozen()) {
                assertThat(frozenNames(shipment.id()).contains(patron.name()))
                        .as(shipment.deliveryDate().toString())
                        .isEqualTo(expected);
            }
        }
        assertThat(clubs.shipments(club.id())).filteredOn(Shipment::frozen).hasSize(6);
    }

    @Test
    void aPauseThatHasNotReachedAnyShipmentIsWithdrawnOnResumeAndEndingStopsFromTheFirstOpenShipment() {
        at(LocalDate.of(2031, 11, 1));
        Club club = monthlyClub(LocalDate.of(2032, 1, 15), 6, 35, 1);
        PatronSummary patron = patron("Pekka Päättäjä", null);
        var joined = subscriptions.subscribe(patron.patronId(), club.id(), SERVICE);
        var paused = subscriptions.pause(patron.patronId(), joined.subscriptionId(), LocalDate.of(2032, 4, 1), SERVICE);
        assertThat(paused.effectiveFrom()).isEqualTo(LocalDate.of(2032, 4, 15));
        var resumed = subscriptions.resume(patron.patronId(), joined.subscriptionId(), SERVICE);
        assertThat(resumed.effectiveFrom()).isEqualTo(LocalDate.of(2032, 1, 15));
        assertThat(jdbc.sql("SELECT count(*) FROM club_subscription_pause WHERE subscription_id = :s")
                        .param("s", joined.subscriptionId())
                        .query(Integer.class)
                        .single())
                .isZero();

        at(LocalDate.of(2032, 1, 20)); // February's production started on 11 January
        var ended = subscriptions.end(patron.patronId(), joined.subscriptionId(), SERVICE);
        assertThat(ended.shipment().deliveryDate()).isEqualTo(LocalDate.of(2032, 3, 15));
        var view = views.forPatron(patron.patronId()).get(0);
        assertThat(view.state()).isEqualTo(SubscriptionView.State.ENDED);
        assertThat(view.nextDelivery().deliveryDate()).isEqualTo(LocalDate.of(2032, 2, 15));
        assertThatThrownBy(() -> subscriptions.pause(
                        patron.patronId(), joined.subscriptionId(), LocalDate.of(2032, 5, 1), SERVICE))
                .isInstanceOf(BookClubRefusal.class);
        assertThatThrownBy(() -> subscriptions.end(UUID.randomUUID(), joined.subscriptionId(), SERVICE))
                .isInstanceOf(NotFoundException.class);
        // After ending, joining again starts from the first open shipment, once.
        var again = subscriptions.subscribe(patron.patronId(), club.id(), SERVICE);
        assertThat(again.shipment().deliveryDate()).isEqualTo(LocalDate.of(2032, 3, 15));
    }

    @Test
    void aSubscriptionChangeDrawnFromAnOlderPageEndsOnTheConflictPageAndChangesNothing() throws Exception {
        var session = signIn(staff(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        at(LocalDate.of(2031, 11, 1));
        Club club = monthlyClub(LocalDate.of(2032, 1, 15), 6, 35, 1);
        PatronSummary patron = patron("Sanna Samanaikainen", null);
        var joined = subscriptions.subscribe(patron.patronId(), club.id(), SERVICE);
        // Two staff members have the patron page open: its forms carry the subscription's version.
        long version = views.forPatron(patron.patronId()).get(0).version();
        mvc.perform(get("/patrons/{id}", patron.patronId()).with(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("name=\"version\" value=\"" + version + "\"")));
        mvc.perform(post("/patrons/{id}/subscriptions/{s}/pause", patron.patronId(), joined.subscriptionId())
                        .with(session)
                        .param("from", "2032-03-01")
                        .param("version", String.valueOf(version)))
                .andExpect(status().isSeeOther());
        mvc.perform(post("/patrons/{id}/subscriptions/{s}/end", patron.patronId(), joined.subscriptionId())
                        .with(session)
                        .param("version", String.valueOf(version)))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("Tieto on muuttunut")));
        var view = views.forPatron(patron.patronId()).get(0);
        assertThat(view.state()).isEqualTo(SubscriptionView.State.PAUSED);
        assertThat(view.endsOn()).isNull();
        assertThat(view.version()).isGreaterThan(version);
    }
}
