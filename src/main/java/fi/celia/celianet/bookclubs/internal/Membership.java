package fi.celia.celianet.bookclubs.internal;

import fi.celia.celianet.bookclubs.NextDelivery;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who receives a shipment: the one rule, in SQL, that production, counts and next deliveries share, and the
 * set-wise questions asked with it.
 */
@Component
public class Membership {

    private final JdbcClient jdbc;

    Membership(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * True when subscription {@code sub} receives a shipment of its club delivered on {@code :d}-like expression
     * {@code deliveryExpr}: started on or before it, not ended before it, not inside a pause.
     */
    public static String receives(String sub, String deliveryExpr) {
        return sub + ".starts_on <= " + deliveryExpr
                + " AND (" + sub + ".ends_on IS NULL OR " + deliveryExpr + " < " + sub + ".ends_on)"
                + " AND NOT EXISTS (SELECT 1 FROM club_subscription_pause p WHERE p.subscription_id = " + sub + ".id"
                + " AND p.paused_from <= " + deliveryExpr
                + " AND (p.resumed_from IS NULL OR " + deliveryExpr + " < p.resumed_from))";
    }

    /** How many subscribers each of the shipments not frozen yet would go to now; frozen ones are left out. */
    public Map<UUID, Long> openCounts(Collection<UUID> shipmentIds) {
        Map<UUID, Long> counts = new HashMap<>();
        if (shipmentIds.isEmpty()) {
            return counts;
        }
        // A count over subscriptions and their pauses for a page's shipments at once: aggregate SQL, not entities.
        jdbc.sql(
                        """
                SELECT sh.id, count(*) AS members FROM club_shipment sh
                JOIN club_subscription s ON s.club_id = sh.club_id AND %s
                WHERE sh.id IN (:ids) AND sh.frozen_at IS NULL GROUP BY sh.id"""
                                .formatted(receives("s", "sh.delivery_date")))
                .param("ids", shipmentIds)
                .query(rs -> {
                    counts.put(rs.getObject("id", UUID.class), rs.getLong("members"));
                });
        return counts;
    }

    /**
     * The next shipment after {@code today} that each subscription receives: on the frozen list, or, while the list
     * is open, by the membership rule. Subscriptions with none are left out.
     */
    public Map<UUID, NextDelivery> nextDeliveries(Collection<UUID> subscriptionIds, LocalDate today) {
        Map<UUID, NextDelivery> next = new HashMap<>();
        if (subscriptionIds.isEmpty()) {
            return next;
        }
        // One set-wise query for all of a patron's subscriptions (a LATERAL join with the membership rule).
        jdbc.sql(
                        """
                SELECT s.id AS subscription_id, n.id, n.delivery_date FROM club_subscription s
                CROSS JOIN LATERAL (
                    SELECT sh.id, sh.delivery_date FROM club_shipment sh
                    WHERE sh.club_id = s.club_id AND sh.delivery_date > :today
                      AND ((sh.frozen_at IS NOT NULL AND EXISTS (SELECT 1 FROM shipment_member m
                              WHERE m.shipment_id = sh.id AND m.subscription_id = s.id))
                        OR (sh.frozen_at IS NULL AND %s))
                    ORDER BY sh.delivery_date LIMIT 1) n
                WHERE s.id IN (:ids)"""
                                .formatted(receives("s", "sh.delivery_date")))
                .param("ids", subscriptionIds)
                .param("today", Date.valueOf(today))
                .query(rs -> {
                    next.put(
                            rs.getObject("subscription_id", UUID.class),
                            new NextDelivery(
                                    rs.getObject("id", UUID.class), rs.getObject("delivery_date", LocalDate.class)));
                });
        return next;
    }

    /**
     * The delivery dates of the shipments whose frozen member list holds the patron, by subscription, oldest first:
     * the shipments production has started for (a list still open may change, so it is left out).
     */
    public Map<UUID, List<LocalDate>> frozenDeliveries(UUID patronId) {
        Map<UUID, List<LocalDate>> deliveries = new HashMap<>();
        // Every frozen list the patron is on, across clubs, in one query: shipment_member has no entity.
        jdbc.sql(
                        """
                SELECT m.subscription_id, sh.delivery_date FROM shipment_member m
                JOIN club_shipment sh ON sh.id = m.shipment_id
                WHERE m.patron_id = :patron ORDER BY sh.delivery_date, sh.id""")
                .param("patron", patronId)
                .query(rs -> {
                    deliveries
                            .computeIfAbsent(rs.getObject("subscription_id", UUID.class), k -> new ArrayList<>())
                            .add(rs.getObject("delivery_date", LocalDate.class));
                });
        return deliveries;
    }
}
