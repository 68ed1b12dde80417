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

    /** Every club's count of active subscriptions (a club without any is left out). */
    public Map<UUID, Long> activeMembers() {
        Map<UUID, Long> counts = new HashMap<>();
        // A count per club, grouped by the database over the index of active subscriptions.
        jdbc.sql("SELECT club_id, count(*) AS members FROM club_subscription WHERE state = 'ACTIVE' GROUP BY club_id")
                .query(rs -> {
                    counts.put(rs.getObject("club_id", UUID.class), rs.getLong("members"));
                });
        return counts;
    }

    /** The club's count of active subscriptions. */
    public long activeMembers(UUID clubId) {
        // A count, over the index of active subscriptions.
        return jdbc.sql("SELECT count(*) FROM club_subscription WHERE club_id = :club AND state = 'ACTIVE'")
                .param("club", clubId)
                .query(Long.class)
                .single();
    }

    /**
     * How many members each open (not frozen) shipment of the club would go to now, 0 included. The same rule as
     * {@link #receives}, worked out without testing every subscription against every shipment: the club's
     * subscriptions grouped by their dates (a few hundred groups however many members) give the count by dates, and
     * only the subscriptions that have pauses are tested one by one, the paused ones taken off.
     */
    public Map<UUID, Long> openCountsOfClub(UUID clubId) {
        Map<UUID, Long> counts = new HashMap<>();
        // Aggregate SQL over a club's subscriptions and their pauses; no entity is loaded to be counted.
        jdbc.sql(
                        """
                WITH grouped AS MATERIALIZED (
                    SELECT starts_on, ends_on, count(*) AS n FROM club_subscription WHERE club_id = :club
                    GROUP BY starts_on, ends_on),
                paused AS MATERIALIZED (
                    SELECT s.id, s.starts_on, s.ends_on FROM club_subscription s WHERE s.club_id = :club
                    AND EXISTS (SELECT 1 FROM club_subscription_pause p WHERE p.subscription_id = s.id))
                SELECT sh.id,
                    (SELECT coalesce(sum(g.n), 0) FROM grouped g WHERE %s)
                    - (SELECT count(*) FROM paused s WHERE %s)
                    + (SELECT count(*) FROM paused s WHERE %s) AS members
                FROM club_shipment sh WHERE sh.club_id = :club AND sh.frozen_at IS NULL"""
                                .formatted(
                                        byDates("g", "sh.delivery_date"),
                                        byDates("s", "sh.delivery_date"),
                                        receives("s", "sh.delivery_date")))
                .param("club", clubId)
                .query(rs -> {
                    counts.put(rs.getObject("id", UUID.class), rs.getLong("members"));
                });
        return counts;
    }

    /** The dates part of {@link #receives}: started on or before the delivery, not ended before it. */
    private static String byDates(String sub, String deliveryExpr) {
        return sub + ".starts_on <= " + deliveryExpr + " AND (" + sub + ".ends_on IS NULL OR " + deliveryExpr + " < "
                + sub + ".ends_on)";
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
        // One set-wise query for all of a patron's subscriptions (a LATERAL join with the membership rule); a frozen
        // list is probed by its key (shipment, patron), which the planner otherwise reads whole into a hash.
        jdbc.sql(
                        """
                SELECT s.id AS subscription_id, n.id, n.delivery_date FROM club_subscription s
                CROSS JOIN LATERAL (
                    SELECT sh.id, sh.delivery_date FROM club_shipment sh
                    WHERE sh.club_id = s.club_id AND sh.delivery_date > :today
                      AND ((sh.frozen_at IS NOT NULL AND EXISTS (SELECT 1 FROM shipment_member m
                              WHERE m.shipment_id = sh.id AND m.patron_id = s.patron_id
                                AND m.subscription_id = s.id))
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
