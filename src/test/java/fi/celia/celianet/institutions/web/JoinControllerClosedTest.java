package fi.celia.celianet.institutions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fi.celia.celianet.institutions.InstitutionApplications;
import fi.celia.celianet.institutions.internal.ApplicationDecisions;
import fi.celia.celianet.institutions.internal.ApplicationFigures;
import fi.celia.celianet.institutions.internal.ApplicationQueue;
import fi.celia.celianet.institutions.internal.JoinEstimate;
import fi.celia.celianet.maintenance.ClosableService;
import fi.celia.celianet.maintenance.ClosureNotice;
import fi.celia.celianet.maintenance.ContactChannel;
import fi.celia.celianet.maintenance.ServiceAvailability;
import fi.celia.celianet.maintenance.ServiceClosedException;
import fi.celia.celianet.shared.ClientAddress;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/** While a maintenance window closes sign-ups, the form comes back with 503, the notice and the input. */
class JoinControllerClosedTest {

    @Test
    void aClosedServiceAnswers503WithTheNoticeAndKeepsTheInput() {
        var applications = mock(InstitutionApplications.class);
        var notice = new ClosureNotice(
                UUID.randomUUID(),
                ClosableService.INSTITUTION_SIGNUP,
                Map.of("fi", "Huolto"),
                Instant.now(),
                Instant.now().plusSeconds(3600),
                EnumSet.noneOf(ContactChannel.class));
        when(applications.submit(any())).thenThrow(new ServiceClosedException(notice));
        var figures = mock(ApplicationFigures.class);
        when(figures.estimate()).thenReturn(new JoinEstimate(null, 0, 2));
        var validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        var availability = mock(ServiceAvailability.class);
        when(availability.closure(ClosableService.INSTITUTION_SIGNUP)).thenReturn(Optional.of(notice));
        var controller = new JoinController(
                applications,
                mock(ApplicationQueue.class),
                mock(ApplicationDecisions.class),
                figures,
                validator,
                availability,
                new ClientAddress());

        var form = new JoinForm();
        form.setSubmissionToken(UUID.randomUUID().toString());
        form.setOrganisationName("Huoltokirjasto");
        form.setBusinessId("1234567-1");
        form.setOrganisationType("CARE_HOME");
        form.setContactName("Kaisa");
        form.setEmail("kaisa@example.fi");
        form.setPhone("040 123 4567");
        form.setStreetAddress("Katu 1");
        form.setPostalCode("00100");
        form.setCity("Helsinki");
        form.setAcceptTerms(true);
        var errors = new BeanPropertyBindingResult(form, "form");
        var model = new ExtendedModelMap();
        model.addAttribute("form", form);
        var response = new MockHttpServletResponse();

        String view = controller.submit(form, errors, null, null, null, model, new MockHttpServletRequest(), response);

        assertThat(view).isEqualTo("institutions/join");
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(model.get("closure")).isEqualTo(notice);
        assertThat(((JoinForm) model.get("form")).getOrganisationName()).isEqualTo("Huoltokirjasto");

        // The first step, the choice of type, already says so before anyone fills in anything; so does the form.
        var fresh = new ExtendedModelMap();
        assertThat(controller.form(null, null, fresh)).isEqualTo("institutions/join-type");
        assertThat(fresh.get("closure")).isEqualTo(notice);
        var chosen = new ExtendedModelMap();
        assertThat(controller.form("CARE_HOME", null, chosen)).isEqualTo("institutions/join");
        assertThat(chosen.get("closure")).isEqualTo(notice);
    }
}
