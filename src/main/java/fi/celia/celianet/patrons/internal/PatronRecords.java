package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.audit.AccessPurpose;
import fi.celia.celianet.audit.AuditEvent;
import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.audit.AuditOutcome;
import fi.celia.celianet.audit.AuditRecord;
import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.patrons.PersonalIdentityCode;
import fi.celia.celianet.sealing.DataSealing;
import fi.celia.celianet.sealing.DataSealing.BlindIndex;
import fi.celia.celianet.shared.NotFoundException;
import fi.celia.celianet.staff.Organisations;
import fi.celia.celianet.staff.StaffPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding and opening patrons. Who may see a patron is {@link StaffPrincipal#mayActFor}: service staff see
 * every patron, a registrar the patrons of their own organisation. Every view and every reveal of an identity
 * code is audited, and so is every search by identity code.
 */
@Service
public class PatronRecords {

    public static final int PAGE_SIZE = 50;
    private static final Pattern PATRON_NUMBER = Pattern.compile("[Cc]?([0-9]{7})");

    private final PatronRepository patrons;
    private final Organisations organisations;
    private final AuditLog audit;
    private final Clock clock;
    private final DataSealing sealing;
    private final IdentityCodeSearchLimit identityCodeSearches;

    PatronRecords(
            PatronRepository patrons,
            Organisations organisations,
            AuditLog audit,
            Clock clock,
            DataSealing sealing,
            IdentityCodeSearchLimit identityCodeSearches) {
        this.patrons = patrons;
        this.identityCodeSearches = identityCodeSearches;
        this.sealing = sealing;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The patron's page (the patron with its history): 404 unless the user may open it; the view is audited with
     * why the page was opened.
     */
    @Transactional
    public Patron view(StaffPrincipal user, UUID id, AccessPurpose purpose) {
        Patron patron = open(user, id);
        audit.success(user.username(), AuditEvent.PATRON_VIEWED, "PATRON", id, null, purpose);
        return patron;
    }

    /**
     * The patron's own report of the data held about them and of every consultation and change of their record, for
     * service staff only; producing it is audited.
     *
     * @throws AccessDeniedException for anyone but the service's staff
     */
    @Transactional
    public byte[] dataReport(StaffPrincipal user, UUID id, PatronDataReportPdf pdf) {
        if (!user.isServiceStaff()) {
            throw new AccessDeniedException("a patron's data report is for the service's staff");
        }
        Patron patron = open(user, id);
        var records = audit.allForTarget("PATRON", id);
        var names = organisations.namesOf(records.stream()
                .map(AuditRecord::actorOrganisationId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        byte[] report = pdf.render(patron, records, names, Instant.now(clock));
        audit.success(user.username(), AuditEvent.PATRON_DATA_REPORT, "PATRON", id, null);
        return report;
    }

    /** The full identity code, for a user who may open the patron; the reveal is audited. */
    @Transactional
    public Patron reveal(StaffPrincipal user, UUID id) {
        Patron patron = open(user, id);
        audit.success(
                user.username(), AuditEvent.PATRON_IDENTITY_CODE_REVEALED, "PATRON", id, null, AccessPurpose.VIEW);
        return patron;
    }

    /** The patron with its history, without auditing, for checks before an action; 404 unless the user may open it. */
    @Transactional(readOnly = true)
    public Patron open(StaffPrincipal user, UUID id) {
        return mayOpen(user, patrons.findWithChangesById(id).orElseThrow(NotFoundException::new));
    }

    /** The patron without its history, for the services acting on it; 404 unless the user may open it. */
    Patron find(StaffPrincipal user, UUID id) {
        return mayOpen(user, patrons.findById(id).orElseThrow(NotFoundException::new));
    }

    /**
     * The patron when the user may act for its organisation; otherwise "not found", as for a patron that does not
     * exist, and the refusal is in the audit trail.
     */
    private Patron mayOpen(StaffPrincipal user, Patron patron) {
        if (!user.mayActFor(patron.organisationId())) {
            audit.refused(
                    user.username(), AuditEvent.ACCESS_DENIED, "PATRON", patron.id(), "another organisation's patron");
            throw new NotFoundException();
        }
        return patron;
    }

    /** Who registered an identity code and when; the patron's id and number only when the user may open it. */
    @Transactional(readOnly = true)
    public Optional<RegisteredElsewhere> registeredFacts(StaffPrincipal user, PersonalIdentityCode code) {
        return byIdentityCode(code).map(p -> facts(user, p));
    }

    /**
     * The patron with this identity code, found by its blind index under each index key (during {@code rotate-keys}
     * a row may still be under the previous one).
     */
    private Optional<Patron> byIdentityCode(PersonalIdentityCode code) {
        for (BlindIndex index : sealing.indexesUnderEveryKey(code.value())) {
            Optional<Patron> found = patrons.findByIdentityCodeIndex(index.value());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    RegisteredElsewhere facts(StaffPrincipal user, Patron patron) {
        boolean may = user.mayActFor(patron.organisationId());
        return new RegisteredElsewhere(
                organisations.nameOf(patron.organisationId()),
                patron.registeredAt(),
                may ? patron.id() : null,
                may ? patron.patronNumber() : null,
                patron.active() ? patron.id() : null);
    }

    /**
     * Searches by identity code (exact), patron number (with or without its {@code C}), e-mail address, name, or
     * the date part of an identity code together with a name ({@code 131052 Virtanen}). A name is at least three
     * characters, case- and accent-insensitive, and its words match in the order typed or with the first word
     * last ({@code Virtanen Aino} finds Aino Virtanen). Results are sorted by last name, then first name. A
     * registrar's search covers their own organisation only; an exact identity code of another organisation's
     * patron answers who registered it and when. A staff account searches by identity code at most
     * {@link IdentityCodeSearchLimit#perDay()} times a day (Helsinki time); past that the search is refused, audited
     * as {@link AuditEvent#PATRON_SEARCH_LIMIT_REACHED}, and other kinds of search still work.
     */
    @Transactional
    public PatronSearch search(StaffPrincipal user, String query, UUID organisationFilter, int page) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return PatronSearch.problem("patrons.search.error.blank");
        }
        if (q.length() > 200) {
            return PatronSearch.problem("patrons.search.error.tooLong");
        }
        int pageIndex = Math.max(0, page);
        UUID scope = user.isServiceStaff() ? organisationFilter : user.organisationId();
        var code = PersonalIdentityCode.validate(q);
        if (code.isValid()) {
            Instant today = Helsinki.startOfDay(Helsinki.dateOf(Instant.now(clock)));
            if (audit.actorSuccessesSince(user.username(), AuditEvent.PATRON_SEARCH_BY_IDENTITY_CODE, today)
                    >= identityCodeSearches.perDay()) {
                audit.record(
                        user.username(),
                        AuditEvent.PATRON_SEARCH_LIMIT_REACHED,
                        "PATRON",
                        null,
                        AuditOutcome.DENIED,
                        "limit " + identityCodeSearches.perDay() + " a day",
                        AccessPurpose.SEARCH);
                return PatronSearch.problem("patrons.search.error.identityCodeLimit");
            }
            String masked = code.value().masked();
            Optional<Patron> found = byIdentityCode(code.value());
            // against the patron found (an identity code is one patron's), whether or not the user may open it
            audit.success(
                    user.username(),
                    AuditEvent.PATRON_SEARCH_BY_IDENTITY_CODE,
                    "PATRON",
                    found.map(Patron::id).orElse(null),
                    null,
                    AccessPurpose.SEARCH);
            if (found.isEmpty()) {
                return new PatronSearch(List.of(), null, 0, false, null, masked, null, null, 0);
            }
            Patron patron = found.get();
            if (visible(user, scope, patron)) {
                return new PatronSearch(List.of(patron), null, 0, false, null, masked, null, null, 0);
            }
            return new PatronSearch(List.of(), facts(user, patron), 0, false, null, masked, patron.id(), null, 0);
        }
        var number = PATRON_NUMBER.matcher(q);
        if (number.matches()) {
            List<Patron> found =
                    patrons.findByPatronNumber("C" + number.group(1)).filter(p -> visible(user, scope, p)).stream()
                            .toList();
            return PatronSearch.found(found, 0, false);
        }
        int offset = pageIndex * PAGE_SIZE;
        List<Patron> rows;
        if (q.contains("@")) {
            rows = scope == null
                    ? patrons.searchByEmail(q, PAGE_SIZE + 1, offset)
                    : patrons.searchByEmailIn(scope, q, PAGE_SIZE + 1, offset);
        } else {
            NameQuery name = NameQuery.of(q, Helsinki.dateOf(Instant.now(clock)));
            if (name.birthDates() == null && q.codePointCount(0, q.length()) < 3) {
                return PatronSearch.problem("patrons.search.error.tooShort");
            }
            if (name.birthDates() == null) {
                rows = scope == null
                        ? patrons.searchByName(name.inOrder(), name.firstWordLast(), PAGE_SIZE + 1, offset)
                        : patrons.searchByNameIn(scope, name.inOrder(), name.firstWordLast(), PAGE_SIZE + 1, offset);
            } else if (name.birthDates().isEmpty()) {
                rows = List.of(); // a date part that is no date anyone was born on
            } else {
                List<LocalDate> d = name.birthDates();
                LocalDate d1 = d.get(0);
                LocalDate d2 = d.get(Math.min(1, d.size() - 1));
                LocalDate d3 = d.get(Math.min(2, d.size() - 1));
                rows = scope == null
                        ? patrons.searchByBirthDateAndName(
                                d1, d2, d3, name.inOrder(), name.firstWordLast(), PAGE_SIZE + 1, offset)
                        : patrons.searchByBirthDateAndNameIn(
                                scope, d1, d2, d3, name.inOrder(), name.firstWordLast(), PAGE_SIZE + 1, offset);
            }
        }
        boolean hasNext = rows.size() > PAGE_SIZE;
        return PatronSearch.found(hasNext ? rows.subList(0, PAGE_SIZE) : rows, pageIndex, hasNext);
    }

    /** Whether a search shows the patron: the user may open it and it is in the organisation searched, if one. */
    static boolean visible(StaffPrincipal user, UUID scope, Patron patron) {
        return user.mayActFor(patron.organisationId()) && (scope == null || scope.equals(patron.organisationId()));
    }
}
