/**
 * Web conventions every module shares: the locale (Finnish by default, Swedish, English), Post/Redirect/Get
 * with 303 See Other, the layout's model.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Shared web conventions",
        allowedDependencies = {})
package fi.celia.celianet.shared;
