/**
 * The signed-in home page. Other modules add their panels to it through {@link fi.celia.celianet.home.HomePanel}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Home")
package fi.celia.celianet.home;
