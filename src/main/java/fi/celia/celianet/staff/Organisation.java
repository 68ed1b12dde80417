package fi.celia.celianet.staff;

import fi.celia.celianet.shared.PostalAddress;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A community customer of the service: a library (each branch its own), a school, a care home. */
@Entity
@Table(name = "organisation")
public class Organisation {

    @Id
    private UUID id;

    @Column(name = "customer_number", nullable = false, updatable = false)
    private String customerNumber;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrganisationType type;

    @Column(name = "business_id")
    private String businessId;

    private String email;
    private String phone;

    /** Null when no part of the address is given; the columns street_address, postal_code and city. */
    @Embedded
    private PostalAddress postalAddress;

    @Column(nullable = false)
    private String language;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Organisation() {}

    Organisation(UUID id, String customerNumber, Instant now) {
        this.id = id;
        this.customerNumber = customerNumber;
        this.createdAt = now;
        this.updatedAt = now;
        this.active = true;
        this.language = "fi";
    }

    void update(OrganisationDetails details, Instant now) {
        this.name = details.name();
        this.type = details.type();
        this.businessId = details.businessId();
        this.email = details.email();
        this.phone = details.phone();
        this.postalAddress = details.address();
        this.language = details.language() == null ? "fi" : details.language();
        this.updatedAt = now;
    }

    void deactivate(Instant now) {
        this.active = false;
        this.updatedAt = now;
    }

    void activate(Instant now) {
        this.active = true;
        this.updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getCustomerNumber() {
        return customerNumber;
    }

    public String getName() {
        return name;
    }

    public OrganisationType getType() {
        return type;
    }

    public String getBusinessId() {
        return businessId;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public PostalAddress getPostalAddress() {
        return postalAddress;
    }

    public String getLanguage() {
        return language;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
