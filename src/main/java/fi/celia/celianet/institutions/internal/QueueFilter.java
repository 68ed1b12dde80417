package fi.celia.celianet.institutions.internal;

import fi.celia.celianet.staff.OrganisationType;
import java.util.UUID;

/**
 * Filters of the staff queue. A null status means every open application; {@code assignee} is "me", "none" or
 * null for anyone.
 */
public record QueueFilter(ApplicationStatus status, OrganisationType type, String assignee, UUID me) {}
