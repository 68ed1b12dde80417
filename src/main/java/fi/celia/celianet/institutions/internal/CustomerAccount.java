package fi.celia.celianet.institutions.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/** An organisation's own customer account for borrowing; its password is set from the mailed activation link. */
@Entity
@Table(name = "customer_account")
class CustomerAccount implements Persistable<UUID> {

    @Id
    private UUID id;

    @Column(name = "organisation_id", nullable = false, updatable = false)
    private UUID organisationId;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(nullable = false)
    private String email;

    @Column(nullable = false)
    private String language;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Saved without a look-up first: the id is made here, so it cannot tell new from stored. */
    @Transient
    private boolean isNew;

    protected CustomerAccount() {}

    /** A new, active account without a password. */
    CustomerAccount(UUID id, UUID organisationId, String username, String email, String language, Instant now) {
        this.id = id;
        this.organisationId = organisationId;
        this.username = username;
        this.email = email;
        this.language = language;
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
        this.isNew = true;
    }

    void setPassword(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.updatedAt = now;
    }

    UUID getOrganisationId() {
        return organisationId;
    }

    String getUsername() {
        return username;
    }

    String getEmail() {
        return email;
    }

    String getLanguage() {
        return language;
    }

    /** Whether the contact has set the password: the account is activated. */
    boolean hasPassword() {
        return passwordHash != null;
    }

    boolean isActive() {
        return active;
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void stored() {
        isNew = false;
    }
}
