package fi.celia.celianet.institutions.internal;

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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisations' own customer accounts for borrowing. The contact receives an activation link and sets the
 * password through the credentials pages, which hand the hash over here.
 */
@Service
public class CustomerAccounts implements PasswordTarget {

    private final CustomerAccountRepository accounts;
    private final Organisations organisations;
    private final AuditLog audit;
    private final Clock clock;

    CustomerAccounts(CustomerAccountRepository accounts, Organisations organisations, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates the account, without a password, with the customer number as its user name. */
    @Transactional
    public UUID create(UUID organisationId, String username, String email, String language) {
        var account =
                new CustomerAccount(UUID.randomUUID(), organisationId, username, email, language, Instant.now(clock));
        accounts.save(account);
        return account.getId();
    }

    /** The account as the customer's page shows it, if the organisation has one. */
    @Transactional(readOnly = true)
    public Optional<AccountState> stateOf(UUID organisationId) {
        return accounts.findByOrganisationId(organisationId)
                .map(a -> new AccountState(a.getUsername(), a.getEmail(), a.isActive(), a.hasPassword()));
    }

    @Override
    public Set<TokenPurpose> purposes() {
        return EnumSet.of(TokenPurpose.CUSTOMER_ACTIVATION, TokenPurpose.CUSTOMER_RESET);
    }

    /** A customer account signs in to the library service with its customer number, its user name. */
    @Override
    @Transactional(readOnly = true)
    public Optional<AccountHolder> holder(UUID subjectId) {
        return accounts.findById(subjectId)
                .map(a -> new AccountHolder(
                        a.getUsername(),
                        a.getLanguage(),
                        Arrays.asList(a.getEmail(), organisations.nameOf(a.getOrganisationId()))));
    }

    @Override
    @Transactional
    public void storePasswordHash(UUID subjectId, String passwordHash) {
        accounts.findByIdAndActiveTrue(subjectId)
                .orElseThrow(NotFoundException::new)
                .setPassword(passwordHash, Instant.now(clock));
        audit.success("customer", AuditEvent.CUSTOMER_PASSWORD_SET, "CUSTOMER_ACCOUNT", subjectId, null);
    }

    /** @param activated whether the contact has set the password */
    public record AccountState(String username, String email, boolean active, boolean activated) {}
}
