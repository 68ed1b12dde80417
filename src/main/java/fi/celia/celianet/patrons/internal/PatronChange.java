package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.staff.StaffPrincipal;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** One change in a patron's history: who, when, which field, the old and the new value. Part of {@link Patron}. */
@Entity
@Table(name = "patron_history")
public class PatronChange {

    /** Every field a change can name: the details staff edit, the organisation (a move) and the status. */
    public static final List<String> FIELDS = Stream.concat(
                    PatronChanges.FIELDS.stream(), Stream.of("organisation", "status"))
            .toList();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @SuppressWarnings("UnusedVariable") // the owning side of the parent's collection, written by JPA
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patron_id", nullable = false, updatable = false)
    private Patron patron;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false, updatable = false)
    private String changedBy;

    /** The organisation the staff member acted for then, when one of its own staff; null otherwise. */
    @Column(name = "changed_by_organisation_id", updatable = false)
    private UUID changedByOrganisationId;

    /** The staff member acted for the service, as one of its own staff. */
    @Column(name = "changed_by_service", nullable = false, updatable = false)
    private boolean changedByService;

    @Column(nullable = false, updatable = false)
    private String field;

    @Column(name = "old_value")
    private String oldValue;

    @Column(name = "new_value")
    private String newValue;

    protected PatronChange() {}

    PatronChange(Patron patron, Instant at, StaffPrincipal actor, String field, String oldValue, String newValue) {
        this.patron = patron;
        this.changedAt = at;
        this.changedBy = actor.username();
        this.changedByService = actor.isServiceStaff();
        this.changedByOrganisationId = actor.isServiceStaff() ? null : actor.organisationId();
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
    }

    public Instant at() {
        return changedAt;
    }

    public String actor() {
        return changedBy;
    }

    /** The organisation the actor acted for then, when one of its own staff; null otherwise. */
    public UUID actorOrganisationId() {
        return changedByOrganisationId;
    }

    /** The actor acted for the service then. */
    public boolean actorService() {
        return changedByService;
    }

    public String field() {
        return field;
    }

    /** The message key of a field's name, as people read it: {@code patrons.field.street_address}. */
    public static String messageKey(String field) {
        return "patrons.field." + field;
    }

    public String oldValue() {
        return oldValue;
    }

    public String newValue() {
        return newValue;
    }

    /** An erased patron's history keeps who changed what and when, and which organisations; no personal values. */
    void eraseValues() {
        if (!"organisation".equals(field)) {
            this.oldValue = null;
            this.newValue = null;
        }
    }
}
