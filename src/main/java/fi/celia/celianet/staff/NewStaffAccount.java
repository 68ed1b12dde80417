package fi.celia.celianet.staff;

import java.util.UUID;

public record NewStaffAccount(
        String username, String displayName, String email, String language, Role role, UUID organisationId) {}
