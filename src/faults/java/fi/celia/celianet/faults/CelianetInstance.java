package fi.celia.celianet.faults;

import fi.celia.celianet.CelianetApplication;
import fi.celia.celianet.support.TestDatabase;
import fi.celia.celianet.support.TestMail;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * One more Celianet node in this JVM, on the tests' database and mail server, with its own web server, connection
 * pool and scheduler, and a clock that runs {@code clockOffset} ahead of the real one. It counts, per ShedLock lock,
 * how often its scheduler tried to take the lock (each firing of a job) and how often it got it (each run).
 */
final class CelianetInstance implements AutoCloseable {

    private final String name;
    private final Map<String, AtomicInteger> firings = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final ConfigurableApplicationContext context;

    private CelianetInstance(String name, Duration clockOffset, List<String> settings) {
        this.name = name;
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        args.addAll(TestDatabase.get().applicationArguments());
        args.addAll(TestMail.applicationArguments());
        args.addAll(List.of(
                "--celianet.mail.poll-interval=200ms",
                "--server.servlet.session.cookie.secure=false",
                "--logging.structured.format.console=",
                "--spring.datasource.hikari.maximum-pool-size=8",
                // The scenarios sign in many times a second from one address with the password alone: no second
                // factor, and throttles no real user could reach (README: Load test, step 2).
                "--celianet.security.second-factor-roles=",
                "--celianet.security.sign-in.per-name-and-address=1000000",
                "--celianet.security.sign-in.per-address=1000000",
                "--celianet.patrons.identity-code-searches-per-day=100000000"));
        args.addAll(settings);
        Clock clock = Clock.offset(Clock.systemUTC(), clockOffset);
        // Command-line arguments outrank application.yml, as an operator's settings would.
        this.context = new SpringApplicationBuilder(CelianetApplication.class)
                .initializers(context -> {
                    ((GenericApplicationContext) context)
                            .registerBean(
                                    "instanceClock",
                                    Clock.class,
                                    () -> clock,
                                    definition -> definition.setPrimary(true));
                    context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                        @Override
                        public Object postProcessAfterInitialization(Object bean, String beanName) {
                            return bean instanceof LockProvider locks ? counting(locks) : bean;
                        }
                    });
                })
                .run(args.toArray(String[]::new));
    }

    static CelianetInstance start(String name, Duration clockOffset, String... settings) {
        return new CelianetInstance(name, clockOffset, List.of(settings));
    }

    String name() {
        return name;
    }

    int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /** How often this instance's scheduler fired the job that holds {@code lock}. */
    int firings(String lock) {
        return firings.getOrDefault(lock, new AtomicInteger()).get();
    }

    /** How often this instance got {@code lock} and so ran the job. */
    int runs(String lock) {
        return runs.getOrDefault(lock, new AtomicInteger()).get();
    }

    @Override
    public void close() {
        context.close();
    }

    private LockProvider counting(LockProvider locks) {
        return (LockConfiguration configuration) -> {
            firings.computeIfAbsent(configuration.getName(), n -> new AtomicInteger())
                    .incrementAndGet();
            Optional<SimpleLock> lock = locks.lock(configuration);
            lock.ifPresent(held -> runs.computeIfAbsent(configuration.getName(), n -> new AtomicInteger())
                    .incrementAndGet());
            return lock;
        };
    }
}
