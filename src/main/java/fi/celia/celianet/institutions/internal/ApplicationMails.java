package fi.celia.celianet.institutions.internal;

import fi.celia.celianet.notifications.OutgoingMail;
import fi.celia.celianet.shared.CelianetProperties;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The mails to an applicant, in the application's language, each with a link to the tracking page. */
@Component
public class ApplicationMails {

    public static final String RECEIVED = "institution-received";
    static final String IN_REVIEW = "institution-in-review";
    static final String INFO_REQUESTED = "institution-info-requested";
    static final String APPROVED = "institution-approved";
    /** The approval of a library or a school: it names the registrars, who get invitations of their own. */
    static final String APPROVED_WITH_REGISTRARS = "institution-approved-registrars";

    static final String REJECTED = "institution-rejected";

    private final String baseUrl;

    ApplicationMails(CelianetProperties properties) {
        this.baseUrl = properties.baseUrl();
    }

    public OutgoingMail to(
            InstitutionApplication application, String template, String dedupeKey, Map<String, String> extra) {
        Map<String, String> params = new HashMap<>(extra);
        params.put("name", application.getContactName());
        params.put("reference", application.getReference());
        params.put("organisation", application.getOrganisationName());
        params.put("statusUrl", baseUrl + "/join/status/" + application.getTrackingToken());
        return OutgoingMail.of(
                        dedupeKey,
                        application.getEmail(),
                        Locale.forLanguageTag(application.getLanguage()),
                        template,
                        params)
                .about("INSTITUTION_APPLICATION", application.getId());
    }
}
