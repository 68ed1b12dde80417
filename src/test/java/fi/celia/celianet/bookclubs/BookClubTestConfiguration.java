package fi.celia.celianet.bookclubs;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import fi.celia.celianet.maintenance.ClosableService;
import fi.celia.celianet.maintenance.ClosureNotice;
import fi.celia.celianet.maintenance.ServiceAvailability;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The book clubs' tests' stand-ins for what other modules will provide: a patron directory in memory (the
 * patrons table does not exist on this branch) and a service availability that can close every service and
 * counts how often it is asked.
 */
@TestConfiguration(proxyBeanMethods = false)
class BookClubTestConfiguration {

    @Bean
    @Primary
    InMemorySubscribers inMemorySubscribers() {
        return new InMemorySubscribers();
    }

    @Bean
    @Primary
    RecordingAvailability recordingAvailability() {
        return new RecordingAvailability();
    }

    /**
     * Stands in for the patron page (patrons module) to show that the book clubs' fragment renders in it; registered
     * as a member class of this configuration, so only where the configuration is imported.
     */
    @org.springframework.stereotype.Controller
    static class PatronPageStandIn {

        private final Subscriptions subscriptions;

        PatronPageStandIn(Subscriptions subscriptions) {
            this.subscriptions = subscriptions;
        }

        @org.springframework.web.bind.annotation.GetMapping("/test/bookclubs/patrons/{patronId}")
        String page(@org.springframework.web.bind.annotation.PathVariable UUID patronId, org.springframework.ui.Model model) {
            model.addAttribute("data", subscriptions.patronPage(patronId));
            return "bookclubs-test/patron";
        }
    }

    static class InMemorySubscribers implements SubscriberDirectory {

        private final Map<UUID, Subscriber> patrons = new ConcurrentHashMap<>();
        final AtomicInteger bulkCalls = new AtomicInteger();

        void put(Subscriber subscriber) {
            patrons.put(subscriber.patronId(), subscriber);
        }

        @Override
        public Optional<Subscriber> find(UUID patronId) {
            return Optional.ofNullable(patrons.get(patronId));
        }

        @Override
        public Map<UUID, Subscriber> findAll(Collection<UUID> patronIds) {
            bulkCalls.incrementAndGet();
            Map<UUID, Subscriber> found = new HashMap<>();
            for (UUID id : patronIds) {
                Subscriber s = patrons.get(id);
                if (s != null) {
                    found.put(id, s);
                }
            }
            return found;
        }
    }

    /** Open until closed; counts every question, so a test can show that production never asks. */
    static class RecordingAvailability implements ServiceAvailability {

        final AtomicInteger questions = new AtomicInteger();
        volatile boolean everythingClosed;

        @Override
        public boolean isOpen(ClosableService service) {
            questions.incrementAndGet();
            return !everythingClosed;
        }

        @Override
        public Optional<ClosureNotice> closure(ClosableService service) {
            questions.incrementAndGet();
            if (!everythingClosed) {
                return Optional.empty();
            }
            return Optional.of(new ClosureNotice(UUID.randomUUID(), service, Map.of("fi", "Huoltokatko", "sv", "Underhåll",
                    "en", "Maintenance"), java.time.Instant.now().minusSeconds(60), java.time.Instant.now().plusSeconds(3600),
                    java.util.Set.of()));
        }
    }
}
