package fi.celia.celianet.patrons.internal;

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

    @Column(nullable = false, updatable = false)
    private String field;

    @Column(name = "old_value")
    private String oldValue;

    @Column(name = "new_value")
    private String newValue;

    protected PatronChange() {}

    PatronChange(Patron patron, Instant at, String actor, String field, String oldValue, String newValue) {
        this.patron = patron;
        this.changedAt = at;
        this.changedBy = actor;
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
