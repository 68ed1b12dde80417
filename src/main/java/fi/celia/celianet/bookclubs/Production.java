package fi.celia.celianet.bookclubs;

import fi.celia.celianet.bookclubs.internal.Membership;
import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.patrons.PatronDirectory;
import fi.celia.celianet.patrons.PatronSummary;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Production runs: when a shipment's production starts its member list is frozen, with each member's postal
 * address as it is at that moment. Each shipment freezes in a transaction of its own, under a row lock, and
 * only once: running again, or on several instances, changes nothing; after downtime every shipment whose
 * production start has passed is caught up. Maintenance windows never stop production, so nothing here asks
 * whether a service is open.
 */
@Service
public class Production {

    private static final Logger log = LoggerFactory.getLogger(Production.class);
    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final PatronDirectory patrons;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Production(JdbcClient jdbc, PatronDirectory patrons, PlatformTransactionManager tm, Clock clock) {
        this.jdbc = jdbc;
        this.patrons = patrons;
        this.transactions = new TransactionTemplate(tm);
        this.clock = clock;
    }

    /** Freezes every shipment whose production has started and whose list is not frozen yet. @return how many */
    public int freezeDue() {
        LocalDate today = Helsinki.dateOf(Instant.now(clock));
        // Which shipments are due is a set-wise question; each is then claimed under its row lock.
        List<UUID> due = jdbc.sql(
                        """
                SELECT id FROM club_shipment WHERE frozen_at IS NULL AND production_starts_on <= :today
                ORDER BY production_starts_on, id""")
                .param("today", Date.valueOf(today))
                .query(UUID.class)
                .list();
        int frozen = 0;
        for (UUID shipmentId : due) {
            Boolean done = transactions.execute(status -> freeze(shipmentId, today));
            if (Boolean.TRUE.equals(done)) {
                frozen++;
            }
        }
        if (frozen > 0) {
            log.info("Book club production: {} shipment member lists frozen", frozen);
        }
        return frozen;
    }

    private boolean freeze(UUID shipmentId, LocalDate today) {
        // The claim: FOR UPDATE on a shipment not frozen yet, so it freezes once across instances.
        var shipment = jdbc.sql(
                        """
                SELECT club_id, delivery_date FROM club_shipment
                WHERE id = :id AND frozen_at IS NULL AND production_starts_on <= :today FOR UPDATE""")
                .param("id", shipmentId)
                .param("today", Date.valueOf(today))
                .query((rs, n) ->
                        Map.entry(rs.getObject("club_id", UUID.class), rs.getObject("delivery_date", LocalDate.class)))
                .optional();
        if (shipment.isEmpty()) {
            return false;
        }
        Map<UUID, UUID> subscriptionOfPatron = new HashMap<>();
        // Every subscriber by the membership rule, read set-wise (thousands of rows, no entities needed).
        jdbc.sql("SELECT s.id, s.patron_id FROM club_subscription s WHERE s.club_id = :club AND "
                        + Membership.receives("s", ":delivery"))
                .param("club", shipment.get().getKey())
                .param("delivery", Date.valueOf(shipment.get().getValue()))
                .query(rs -> {
                    subscriptionOfPatron.put(rs.getObject("patron_id", UUID.class), rs.getObject("id", UUID.class));
                });
        List<UUID> patronIds = new ArrayList<>(subscriptionOfPatron.keySet());
        int members = 0;
        int skipped = 0;
        for (int from = 0; from < patronIds.size(); from += CHUNK) {
            List<UUID> chunk = patronIds.subList(from, Math.min(from + CHUNK, patronIds.size()));
            Map<UUID, PatronSummary> found = patrons.findAll(chunk);
            for (UUID patronId : chunk) {
                PatronSummary s = found.get(patronId);
                if (s == null || !s.active() || !s.hasPostalAddress()) {
                    skipped++;
                    continue;
                }
                // Idempotent insert into the frozen list: a rerun adds nothing.
                members += jdbc.sql(
                                """
                        INSERT INTO shipment_member (shipment_id, patron_id, subscription_id, patron_number, name, street,
                            postal_code, city, language)
                        VALUES (:shipment, :patron, :sub, :number, :name, :street, :postal, :city, :language)
                        ON CONFLICT (shipment_id, patron_id) DO NOTHING""")
                        .param("shipment", shipmentId)
                        .param("patron", patronId)
                        .param("sub", subscriptionOfPatron.get(patronId))
                        .param("number", s.patronNumber())
                        .param("name", s.name())
                        .param("street", s.postalAddress().street())
                        .param("postal", s.postalAddress().postalCode())
                        .param("city", s.postalAddress().city())
                        .param("language", s.language() == null ? "fi" : s.language())
                        .update();
            }
        }
        // Part of the claim: frozen once, and a new version, so an edit drawn from before the freeze is refused.
        jdbc.sql(
                        """
                UPDATE club_shipment SET frozen_at = :now, member_count = :count, updated_at = :now, version = version + 1
                WHERE id = :id""")
                .param("now", Timestamp.from(Instant.now(clock)))
                .param("count", members)
                .param("id", shipmentId)
                .update();
        if (skipped > 0) {
            log.warn(
                    "Shipment {} frozen without {} subscribers who were closed, unknown or without a postal address",
                    shipmentId,
                    skipped);
        }
        return true;
    }
}
