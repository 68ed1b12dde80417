package fi.celia.celianet.institutions.internal;

import java.time.LocalDate;

/** Applications received and decided in the week that starts on Monday {@code weekStart} (Helsinki). */
public record WeekFigures(LocalDate weekStart, int received, int decided) {}
