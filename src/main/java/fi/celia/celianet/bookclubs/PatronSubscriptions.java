package fi.celia.celianet.bookclubs;

import java.util.List;
import java.util.UUID;

/**
 * What the patron page's fragment {@code bookclubs/patron :: subscriptions(data)} needs: the subscriptions and
 * the clubs the patron can still join.
 */
public record PatronSubscriptions(UUID patronId, List<SubscriptionView> subscriptions, List<Club> joinable) {}
