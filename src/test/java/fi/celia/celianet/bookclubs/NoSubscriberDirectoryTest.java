package fi.celia.celianet.bookclubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Until the patrons module provides a SubscriberDirectory the application runs and says why it cannot subscribe. */
class NoSubscriberDirectoryTest extends IntegrationTest {

    @Autowired
    Subscriptions subscriptions;
    @Autowired
    Production production;

    @Test
    void withoutADirectorySubscriptionsAreRefusedWithAClearMessage() throws Exception {
        assertThat(subscriptions.directoryAvailable()).isFalse();
        var session = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        mvc.perform(post("/patrons/{id}/subscriptions", UUID.randomUUID()).with(session)
                        .param("clubId", UUID.randomUUID().toString()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Kirjakerhotilaukset eivät ole vielä käytettävissä")));
        assertThat(production.freezeDue()).isZero();
    }
}
