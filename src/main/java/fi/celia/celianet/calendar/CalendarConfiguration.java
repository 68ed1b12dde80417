package fi.celia.celianet.calendar;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    /** The one source of "now". Tests replace it with a clock they can move. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
