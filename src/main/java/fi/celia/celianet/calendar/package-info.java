/**
 * Helsinki time, the injectable {@link java.time.Clock} and Finnish working days.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Calendar",
        allowedDependencies = {})
package fi.celia.celianet.calendar;
