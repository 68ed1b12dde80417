/**
 * The signed-in home page. Other modules add their panels to it through {@link fi.celia.celianet.home.spi.HomePanel}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Home",
        allowedDependencies = {"staff"})
package fi.celia.celianet.home;
