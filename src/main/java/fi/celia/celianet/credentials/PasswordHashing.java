package fi.celia.celianet.credentials;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * argon2id (memory 19 MiB, 2 iterations, parallelism 1: the OWASP minimum) behind a delegating encoder,
 * so the parameters can be raised later and old hashes still verify. bcrypt is unfit: it ignores input
 * past 72 bytes, and passwords here may be 128 characters of any script.
 */
@Configuration(proxyBeanMethods = false)
public class PasswordHashing {

    static final String ARGON2 = "argon2";

    @Bean
    public PasswordEncoder passwordEncoder() {
        var argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
        return new DelegatingPasswordEncoder(ARGON2, Map.of(ARGON2, argon2));
    }
}
