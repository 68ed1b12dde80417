package fi.celia.celianet.staff;

import java.util.UUID;

public record StaffPasswordResetRequested(UUID accountId, UUID requestId) {
}
