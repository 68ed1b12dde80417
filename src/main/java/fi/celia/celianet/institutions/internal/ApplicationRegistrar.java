package fi.celia.celianet.institutions.internal;

import fi.celia.celianet.institutions.Registrar;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/** A person named in an application to register patrons, and the staff account made for them on approval. */
@Embeddable
public class ApplicationRegistrar {

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String email;

    @Column(name = "staff_account_id")
    private UUID staffAccountId;

    protected ApplicationRegistrar() {}

    ApplicationRegistrar(Registrar registrar) {
        this.name = registrar.name();
        this.email = registrar.email();
    }

    void linkAccount(UUID accountId) {
        this.staffAccountId = accountId;
    }

    public Registrar toRegistrar() {
        return new Registrar(name, email);
    }

    public UUID getStaffAccountId() {
        return staffAccountId;
    }
}
