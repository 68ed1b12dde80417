package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.audit.AuditEvent;
import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.credentials.spi.PasswordTarget;
import fi.celia.celianet.shared.NotFoundException;
import fi.celia.celianet.staff.Organisations;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Stores the password a patron chose through an activation or reset link. */
@Component
class PatronPasswords implements PasswordTarget {

    private final PatronRepository patrons;
    private final Organisations organisations;
    private final AuditLog audit;
    private final Clock clock;

    PatronPasswords(PatronRepository patrons, Organisations organisations, AuditLog audit, Clock clock) {
        this.patrons = patrons;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Set<TokenPurpose> purposes() {
        return EnumSet.of(TokenPurpose.PATRON_ACTIVATION, TokenPurpose.PATRON_RESET, TokenPurpose.PATRON_CODE);
    }

    /** A patron signs in to the library service with the patron number. */
    @Override
    @Transactional(readOnly = true)
    public Optional<AccountHolder> holder(UUID subjectId) {
        return patrons.findById(subjectId)
                .map(p -> new AccountHolder(
                        p.patronNumber(),
                        p.language(),
                        Arrays.asList(
                                p.firstName(), p.lastName(), p.email(), organisations.nameOf(p.organisationId()))));
    }

    @Override
    @Transactional
    public void storePasswordHash(UUID subjectId, String passwordHash) {
        Patron patron = patrons.findById(subjectId).orElseThrow(NotFoundException::new);
        if (!patron.setPassword(passwordHash, Instant.now(clock))) {
            throw new NotFoundException();
        }
        audit.success(patron.patronNumber(), AuditEvent.PATRON_PASSWORD_SET, "PATRON", subjectId, null);
    }
}
