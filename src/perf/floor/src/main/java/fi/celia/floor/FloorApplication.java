package fi.celia.floor;

import java.util.Map;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The load test's floor: Celianet's starters and settings doing the least each measured request needs, so that
 * Celianet's figures read as a ratio to what the framework itself costs on the same machine in the same run.
 */
@SpringBootApplication
public class FloorApplication {

    /** The simulated users: floor-user-1 … floor-user-N, password {@value #PASSWORD}. */
    static final int USERS = 20;

    static final String PASSWORD = "celianet-perf";

    public static void main(String[] args) {
        SpringApplication.run(FloorApplication.class, args);
    }

    /** As Celianet's credentials/PasswordHashing: argon2id, 19 MiB, 2 iterations, behind a delegating encoder. */
    @Bean
    PasswordEncoder passwordEncoder() {
        var argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
        return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2));
    }

    /** Makes the users that are missing, each with its own hash of the load test's password. */
    @Bean
    ApplicationRunner makeUsers(JdbcClient jdbc, PasswordEncoder encoder) {
        return args -> {
            for (int n = 1; n <= USERS; n++) {
                jdbc.sql("INSERT INTO floor_user (username, password_hash) VALUES (?, ?) ON CONFLICT DO NOTHING")
                        .params("floor-user-" + n, encoder.encode(PASSWORD))
                        .update();
            }
        };
    }
}
