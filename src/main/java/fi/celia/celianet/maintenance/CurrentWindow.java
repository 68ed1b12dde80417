package fi.celia.celianet.maintenance;

/** A window together with its state at the moment it was read. */
public record CurrentWindow(MaintenanceWindow window, WindowState state) {}
