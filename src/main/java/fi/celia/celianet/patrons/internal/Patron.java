package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.sealing.DataSealing;
import fi.celia.celianet.shared.PostalAddress;
import fi.celia.celianet.staff.StaffPrincipal;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A patron and the history of changes to the record. A patron is written first by the registration's
 * {@code INSERT … ON CONFLICT} (the identity code's unique constraint decides races); after that, every change
 * goes through this aggregate, which keeps the history and the status rules. {@link #toString()} never shows
 * the identity code. The code is sealed at rest; updates write only the columns that changed
 * ({@code @DynamicUpdate}), so an edit never writes back a sealed code that {@code rotate-keys} re-sealed meanwhile.
 */
@Entity
@Table(name = "patron")
@DynamicUpdate
@EntityListeners(PatronIdentityCodes.class)
public class Patron {

    static final String ACTIVE = "ACTIVE";
    static final String CLOSED = "CLOSED";
    static final String ERASED = "ERASED";
    /** What stands in the place of an erased patron's name. */
    static final String ERASED_MARKER = "–";

    @Id
    private UUID id;

    @Column(name = "patron_number", nullable = false, updatable = false)
    private String patronNumber;

    /** The identity code sealed at rest; written only by the registration, {@code rotate-keys} and erasure. */
    @Column(name = "identity_code_sealed")
    private byte[] identityCodeSealed;

    @Column(name = "identity_code_key")
    private String identityCodeKey;

    /** The blind index that finds the code and keeps it unique ({@link PatronIdentityCodes}). */
    @Column(name = "identity_code_index")
    private byte[] identityCodeIndex;

    @Column(name = "identity_code_index_key")
    private String identityCodeIndexKey;

    /** The code opened on load ({@link PatronIdentityCodes#open}); never stored in clear. */
    @Transient
    private String identityCode;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Column(name = "no_identity_code_reason")
    private String noIdentityCodeReason;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    @Column(name = "search_name", nullable = false)
    private String searchName;

    private String email;
    private String phone;

    /** Null when the patron has no address at all; the columns street_address, postal_code and city. */
    @Embedded
    private PostalAddress postalAddress;

    @Column(nullable = false)
    private String language;

    @Column(nullable = false, updatable = false)
    private String channel;

    @Column(nullable = false, updatable = false)
    private String eligibility;

    @Column(name = "service_online", nullable = false)
    private boolean serviceOnline;

    @Column(name = "service_cd_clubs", nullable = false)
    private boolean serviceCdClubs;

    @Column(nullable = false, updatable = false)
    private boolean consent;

    @Column(name = "credentials_by", nullable = false)
    private String credentialsBy;

    @Column(name = "phone_code_given_at")
    private Instant phoneCodeGivenAt;

    @Column(name = "contact_name")
    private String contactName;

    @Column(name = "contact_relation")
    private String contactRelation;

    @Column(name = "contact_phone")
    private String contactPhone;

    @Column(name = "contact_email")
    private String contactEmail;

    @Column(name = "credentials_to", nullable = false)
    private String credentialsTo;

    @Column(name = "guardian_name")
    private String guardianName;

    @Column(name = "guardian_phone")
    private String guardianPhone;

    @Column(name = "guardian_email")
    private String guardianEmail;

    @Column(name = "guardian_consent", nullable = false)
    private boolean guardianConsent;

    @Column(name = "organisation_id", nullable = false)
    private UUID organisationId;

    @Column(name = "registered_by", nullable = false, updatable = false)
    private UUID registeredBy;

    @Column(name = "registered_by_name", nullable = false, updatable = false)
    private String registeredByName;

    @Column(name = "registered_at", nullable = false, updatable = false)
    private Instant registeredAt;

    @Column(nullable = false)
    private String status;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_reason")
    private String closedReason;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "password_set_at")
    private Instant passwordSetAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    /** Newest first. Lazy: only the patron page reads it, and it fetches it with the patron in one query. */
    @OneToMany(mappedBy = "patron", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("changedAt DESC, id DESC")
    private List<PatronChange> changes = new ArrayList<>();

    protected Patron() {}

    public UUID id() {
        return id;
    }

    public String patronNumber() {
        return patronNumber;
    }

    public String identityCode() {
        return identityCode;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public String noIdentityCodeReason() {
        return noIdentityCodeReason;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    /** The postal address, or null when the patron has none. */
    public PostalAddress postalAddress() {
        return postalAddress;
    }

    public String streetAddress() {
        return PostalAddress.streetOf(postalAddress);
    }

    public String postalCode() {
        return PostalAddress.postalCodeOf(postalAddress);
    }

    public String city() {
        return PostalAddress.cityOf(postalAddress);
    }

    public String language() {
        return language;
    }

    public String channel() {
        return channel;
    }

    public String eligibility() {
        return eligibility;
    }

    public boolean serviceOnline() {
        return serviceOnline;
    }

    public boolean serviceCdClubs() {
        return serviceCdClubs;
    }

    public boolean consent() {
        return consent;
    }

    /** How the credentials travel: EMAIL, LETTER, PHONE or IN_PERSON. */
    public String credentialsBy() {
        return credentialsBy;
    }

    /** Whether the credentials are a printed letter handed over in person. */
    public boolean paperCredentials() {
        return PatronRules.IN_PERSON.equals(credentialsBy);
    }

    /** When a short code was last shown to be read out on the phone; null when never. */
    public Instant phoneCodeGivenAt() {
        return phoneCodeGivenAt;
    }

    public String contactName() {
        return contactName;
    }

    public String contactRelation() {
        return contactRelation;
    }

    public String contactPhone() {
        return contactPhone;
    }

    public String contactEmail() {
        return contactEmail;
    }

    public String credentialsTo() {
        return credentialsTo;
    }

    public String guardianName() {
        return guardianName;
    }

    public String guardianPhone() {
        return guardianPhone;
    }

    public String guardianEmail() {
        return guardianEmail;
    }

    public boolean guardianConsent() {
        return guardianConsent;
    }

    public UUID organisationId() {
        return organisationId;
    }

    public UUID registeredBy() {
        return registeredBy;
    }

    public String registeredByName() {
        return registeredByName;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public String status() {
        return status;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public String closedReason() {
        return closedReason;
    }

    /** When the patron set a password; null when never. */
    public Instant passwordSetAt() {
        return passwordSetAt;
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    /** The version the record had when it was read: an edit form carries it, so a stale edit is refused. */
    public long version() {
        return version;
    }

    /** The changes kept in the patron's history, newest first. */
    public List<PatronChange> changes() {
        return List.copyOf(changes);
    }

    public String name() {
        return firstName + " " + lastName;
    }

    /** The identity code masked ({@code 131052-****}), or null for a patron registered without one. */
    public String maskedIdentityCode() {
        return identityCode == null ? null : identityCode.substring(0, Math.min(7, identityCode.length())) + "****";
    }

    public boolean hasIdentityCode() {
        return identityCodeSealed != null;
    }

    /** Opens the sealed code into {@link #identityCode()}; the patron's id is the seal's associated data. */
    void openIdentityCode(DataSealing sealing) {
        identityCode = identityCodeSealed == null
                ? null
                : sealing.open(new DataSealing.Sealed(identityCodeKey, identityCodeSealed), id);
    }

    public boolean active() {
        return ACTIVE.equals(status);
    }

    public boolean erased() {
        return ERASED.equals(status);
    }

    /**
     * Where the credentials e-mail goes: the address of the person {@code credentialsTo} names; null when the
     * credentials do not go by e-mail or that person has no address.
     */
    public String credentialsRecipient() {
        if (!PatronRules.EMAIL.equals(credentialsBy)) {
            return null;
        }
        return emailOf(credentialsTo);
    }

    /** The e-mail address of the patron (PATRON), the contact person (CONTACT) or the guardian (GUARDIAN). */
    public String emailOf(String person) {
        return switch (person == null ? PatronRules.PATRON : person) {
            case PatronRules.CONTACT -> contactEmail;
            case PatronRules.GUARDIAN -> guardianEmail;
            default -> email;
        };
    }

    /** Any address a mail for the patron can go to: the credentials recipient first, then the patron's own. */
    public String anyEmail() {
        String to = emailOf(credentialsTo);
        return to != null ? to : email;
    }

    /** The details staff may change, as they are now. */
    public PatronChanges details() {
        return new PatronChanges(
                email,
                phone,
                postalAddress,
                language,
                serviceOnline,
                serviceCdClubs,
                contactName,
                contactRelation,
                contactPhone,
                contactEmail,
                credentialsTo,
                credentialsBy,
                guardianName,
                guardianPhone,
                guardianEmail,
                guardianConsent);
    }

    /**
     * Saves changed details, keeping each changed field in the history (who, when, old, new).
     *
     * @return the names of the fields that changed; empty when nothing did (and nothing was written)
     */
    List<String> change(PatronChanges changes, StaffPrincipal actor, Instant now) {
        if (erased()) {
            throw new IllegalStateException("an erased patron has no details to change");
        }
        LinkedHashMap<String, String> before = details().values();
        List<String> changed = new ArrayList<>();
        changes.values().forEach((field, value) -> {
            if (!Objects.equals(before.get(field), value)) {
                record(now, actor, field, before.get(field), value);
                changed.add(field);
            }
        });
        if (changed.isEmpty()) {
            return changed;
        }
        this.email = changes.email();
        this.phone = changes.phone();
        this.postalAddress = changes.postalAddress();
        this.language = changes.language();
        this.serviceOnline = changes.serviceOnline();
        this.serviceCdClubs = changes.serviceCdClubs();
        this.contactName = changes.contactName();
        this.contactRelation = changes.contactRelation();
        this.contactPhone = changes.contactPhone();
        this.contactEmail = changes.contactEmail();
        this.credentialsTo = changes.credentialsTo();
        this.credentialsBy = changes.credentialsBy();
        this.guardianName = changes.guardianName();
        this.guardianPhone = changes.guardianPhone();
        this.guardianEmail = changes.guardianEmail();
        this.guardianConsent = changes.guardianConsent();
        this.updatedAt = now;
        return changed;
    }

    /** Moves the patron to another organisation; the history names both (by name, as people read them). */
    void transfer(UUID organisation, String fromName, String toName, StaffPrincipal actor, Instant now) {
        if (!active()) {
            throw new IllegalStateException("only an active patron moves");
        }
        this.organisationId = organisation;
        this.updatedAt = now;
        record(now, actor, "organisation", fromName, toName);
    }

    /** Closes an active patron: the password goes, the patron stays findable. @return false when not active */
    boolean close(String reason, StaffPrincipal actor, Instant now) {
        if (!active()) {
            return false;
        }
        this.status = CLOSED;
        this.closedAt = now;
        this.closedReason = reason;
        this.passwordHash = null;
        this.updatedAt = now;
        record(now, actor, "status", ACTIVE, CLOSED);
        return true;
    }

    /**
     * Replaces a closed patron's personal data by a marker, in the record and in its history (where only the
     * organisations stay); the patron number stays. @return false when the patron is not closed
     */
    boolean erase(StaffPrincipal actor, Instant now) {
        if (!CLOSED.equals(status)) {
            return false;
        }
        this.status = ERASED;
        this.identityCode = null;
        this.identityCodeSealed = null;
        this.identityCodeKey = null;
        this.identityCodeIndex = null;
        this.identityCodeIndexKey = null;
        this.birthDate = null;
        this.noIdentityCodeReason = null;
        this.firstName = ERASED_MARKER;
        this.lastName = ERASED_MARKER;
        this.searchName = "";
        this.email = null;
        this.phone = null;
        this.postalAddress = null;
        this.contactName = null;
        this.contactRelation = null;
        this.contactPhone = null;
        this.contactEmail = null;
        this.guardianName = null;
        this.guardianPhone = null;
        this.guardianEmail = null;
        this.closedReason = null;
        this.passwordHash = null;
        this.updatedAt = now;
        changes.forEach(PatronChange::eraseValues);
        record(now, actor, "status", CLOSED, ERASED);
        return true;
    }

    /** Stores the hash of the password the patron chose through a single-use link. @return false when not active */
    boolean setPassword(String hash, Instant now) {
        if (!active()) {
            return false;
        }
        this.passwordHash = hash;
        this.passwordSetAt = now;
        this.updatedAt = now;
        return true;
    }

    /** Records that a short code was shown to be read out on the phone. */
    void phoneCodeGiven(Instant now) {
        this.phoneCodeGivenAt = now;
        this.updatedAt = now;
    }

    private void record(Instant at, StaffPrincipal actor, String field, String oldValue, String newValue) {
        changes.add(new PatronChange(this, at, actor, field, oldValue, newValue));
    }

    /** Lower case without accents, for case- and accent-insensitive name search. */
    static String searchName(String text) {
        String decomposed = Normalizer.normalize(text == null ? "" : text.trim(), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "Patron[" + id + " " + patronNumber + "]";
    }
}
