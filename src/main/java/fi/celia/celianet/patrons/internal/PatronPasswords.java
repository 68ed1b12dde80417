package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.credentials.spi.PasswordTarget;
import fi.celia.celianet.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Stores the password a patron chose through an activation or reset link. */
@Component
class PatronPasswords implements PasswordTarget {

    private final PatronRepository patrons;
    private final AuditLog audit;
    private final Clock clock;

    PatronPasswords(PatronRepository patrons, AuditLog audit, Clock clock) {
        this.patrons = patrons;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Set<TokenPurpose> purposes() {
        return EnumSet.of(TokenPurpose.PATRON_ACTIVATION, TokenPurpose.PATRON_RESET, TokenPurpose.PATRON_CODE);
    }

    @Override
    @Transactional
    public void storePasswordHash(UUID subjectId, String passwordHash) {
        Patron patron = patrons.findById(subjectId).orElseThrow(NotFoundException::new);
        if (!patron.setPassword(passwordHash, Instant.now(clock))) {
            throw new NotFoundException();
        }
        audit.success(patron.patronNumber(), "PATRON_PASSWORD_SET", "PATRON", subjectId, null);
    }
}
