package fi.celia.celianet.staff;

import java.util.UUID;

/** An invitation e-mail should go to a staff account; {@code requestId} makes each request's mail unique. */
public record StaffInvitationRequested(UUID accountId, UUID requestId) {
}
