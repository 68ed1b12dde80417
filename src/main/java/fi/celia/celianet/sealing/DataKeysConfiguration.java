package fi.celia.celianet.sealing;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.util.function.SingletonSupplier;

/**
 * Where the data keys come from: {@code CELIANET_DATA_KEYS} ({@code celianet.data-keys}); in the demo profile without
 * it, the demo database's own generated keys ({@link DemoDataKeys}). Anywhere else the start stops with one line when
 * they are missing, malformed, or the tests' fixed keys ({@link DataKeys#TEST_KEYS}, allowed only where
 * {@code celianet.data-keys-test-allowed} says so: the test suites).
 */
@Configuration(proxyBeanMethods = false)
class DataKeysConfiguration {

    static final String MISSING =
            "Celianet needs its data keys: CELIANET_DATA_KEYS is not set (the README says how to make them).";
    static final String TEST_KEYS_REFUSED =
            "CELIANET_DATA_KEYS holds the tests' fixed key, which is public: make new keys (openssl rand -base64 32).";

    @Bean
    DataSealing dataSealing(Environment environment, DataSource dataSource) {
        String text = environment.getProperty("celianet.data-keys", "");
        boolean demo = environment.acceptsProfiles(Profiles.of("demo"));
        if (text.isBlank()) {
            if (demo) {
                return new DataSealing(SingletonSupplier.of(() -> DemoDataKeys.load(dataSource)));
            }
            throw new DataKeysException(MISSING);
        }
        DataKeys keys = DataKeys.parse(text);
        if (!demo
                && keys.includesTestKey()
                && !environment.getProperty("celianet.data-keys-test-allowed", Boolean.class, false)) {
            throw new DataKeysException(TEST_KEYS_REFUSED);
        }
        return DataSealing.with(keys);
    }
}
