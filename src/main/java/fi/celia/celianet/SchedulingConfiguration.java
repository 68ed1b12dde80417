package fi.celia.celianet;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The scheduled jobs run in the serving application, never in a command such as {@code rotate-keys}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "celianet.command", matchIfMissing = true, havingValue = "none")
@EnableScheduling
class SchedulingConfiguration {}
