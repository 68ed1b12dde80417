package fi.celia.celianet.institutions.internal;

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

/** One thing that happened to an application; written once, never changed. */
@Entity
@Table(name = "institution_application_event")
class ApplicationEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @SuppressWarnings("UnusedVariable") // the owning side of the parent's collection, written by JPA
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id", nullable = false, updatable = false)
    private InstitutionApplication application;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(updatable = false)
    private String text;

    protected ApplicationEvent() {}

    ApplicationEvent(InstitutionApplication application, Instant occurredAt, String actor, String kind, String text) {
        this.application = application;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.kind = kind;
        this.text = text;
    }

    String kind() {
        return kind;
    }

    String text() {
        return text;
    }

    HistoryEntry toEntry() {
        return new HistoryEntry(occurredAt, actor, kind, text);
    }
}
