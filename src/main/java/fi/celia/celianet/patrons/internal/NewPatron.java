package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.patrons.PersonalIdentityCode;
import fi.celia.celianet.shared.FieldProblem;
import fi.celia.celianet.shared.PostalAddress;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A registration, to be checked with {@link #validate} and saved. {@code identityCode} is null only for a person
 * registered {@code withoutIdentityCode} (service staff only), who then has {@code birthDate} and
 * {@code noIdentityCodeReason}.
 *
 * @param postalAddress    null when the patron has no address
 * @param credentialsBy    how the credentials travel: EMAIL, LETTER, PHONE or IN_PERSON (the last only for the
 *                         IN_PERSON channel)
 */
public record NewPatron(
        PersonalIdentityCode identityCode,
        boolean withoutIdentityCode,
        LocalDate birthDate,
        String noIdentityCodeReason,
        String firstName,
        String lastName,
        String email,
        String phone,
        PostalAddress postalAddress,
        String language,
        String channel,
        String eligibility,
        boolean consent,
        boolean serviceOnline,
        boolean serviceCdClubs,
        String credentialsBy,
        String contactName,
        String contactRelation,
        String contactPhone,
        String contactEmail,
        String credentialsTo,
        String guardianName,
        String guardianPhone,
        String guardianEmail,
        boolean guardianConsent,
        UUID organisationId)
        implements PatronDetails {

    /** The earliest birth year taken for a person without an identity code. */
    static final int EARLIEST_BIRTH_YEAR = 1850;

    private static final Set<String> CHANNELS = Set.of(PatronRules.IN_PERSON, "PHONE", "REMOTE");

    public NewPatron {
        if (withoutIdentityCode && identityCode != null) {
            throw new IllegalArgumentException("a patron registered without an identity code has none");
        }
        if (postalAddress != null) {
            postalAddress = PostalAddress.of(postalAddress.street(), postalAddress.postalCode(), postalAddress.city());
        }
    }

    /** The birth date from the identity code, or the one given for a person without a code. */
    public LocalDate effectiveBirthDate() {
        return identityCode != null ? identityCode.birthDate() : birthDate;
    }

    /**
     * Everything that keeps this registration from being saved, each on the form field it concerns; empty when
     * it can be saved. Only service staff register a person without an identity code.
     */
    public List<FieldProblem> validate(LocalDate today, boolean serviceStaff) {
        List<FieldProblem> problems = new ArrayList<>();
        if (withoutIdentityCode) {
            if (!serviceStaff) {
                problems.add(new FieldProblem("hetu", "patrons.hetu.error.blankReferToCustomerService"));
            }
            if (birthDate == null || birthDate.isAfter(today) || birthDate.getYear() < EARLIEST_BIRTH_YEAR) {
                problems.add(new FieldProblem("birthDate", "patrons.form.error.birthDate"));
            }
            if (PatronRules.blank(noIdentityCodeReason)) {
                problems.add(new FieldProblem("noIdentityCodeReason", "patrons.form.error.noIdentityCodeReason"));
            }
        } else if (identityCode == null) {
            problems.add(new FieldProblem(
                    "hetu",
                    serviceStaff
                            ? PersonalIdentityCode.Problem.BLANK.messageKey()
                            : "patrons.hetu.error.blankReferToCustomerService"));
        } else if (identityCode.birthDate().isAfter(today)) {
            problems.add(new FieldProblem("hetu", "patrons.hetu.error.future"));
        }
        PatronRules.requireService(this, problems);
        problems.addAll(PatronRules.check(
                this, channel != null && CHANNELS.contains(channel) ? channel : null, effectiveBirthDate(), today));
        if (organisationId == null) {
            problems.add(new FieldProblem("organisationId", "patrons.form.error.organisation"));
        }
        return problems;
    }

    /** What makes two submissions "the same data" (the identity code included, so this is never logged). */
    String fingerprintText() {
        return String.join(
                "\u001f",
                identityCode == null ? "" : identityCode.value(),
                String.valueOf(birthDate),
                s(noIdentityCodeReason),
                s(firstName),
                s(lastName),
                s(email),
                s(phone),
                s(PostalAddress.streetOf(postalAddress)),
                s(PostalAddress.postalCodeOf(postalAddress)),
                s(PostalAddress.cityOf(postalAddress)),
                s(language),
                s(channel),
                s(eligibility),
                String.valueOf(consent),
                String.valueOf(serviceOnline),
                String.valueOf(serviceCdClubs),
                s(credentialsBy),
                s(contactName),
                s(contactRelation),
                s(contactPhone),
                s(contactEmail),
                s(credentialsTo),
                s(guardianName),
                s(guardianPhone),
                s(guardianEmail),
                String.valueOf(guardianConsent),
                String.valueOf(organisationId));
    }

    private static String s(String value) {
        return value == null ? "" : value;
    }

    /** Masks the identity code, so that a stray log line cannot carry it. */
    @Override
    public String toString() {
        return "NewPatron[" + (identityCode == null ? "no code" : identityCode.masked()) + "]";
    }
}
