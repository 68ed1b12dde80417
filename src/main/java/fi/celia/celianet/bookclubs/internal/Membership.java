package fi.celia.celianet.bookclubs.internal;

/** Who receives a shipment, in SQL: the one rule that production, counts and next deliveries share. */
public final class Membership {

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

    private Membership() {
    }
}
