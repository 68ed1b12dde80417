package fi.celia.celianet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Serves Celianet; with the argument {@code rotate-keys}, re-seals the data under the current data keys instead
 * ({@code fi.celia.celianet.sealing.RotateKeysCommand}) and exits: no port listened on, no scheduled jobs.
 */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
@EnableAsync
public class CelianetApplication {

    static final String ROTATE_KEYS = "rotate-keys";

    public static void main(String[] args) {
        if (args.length > 0 && ROTATE_KEYS.equals(args[0])) {
            System.exit(rotateKeys(Arrays.copyOfRange(args, 1, args.length)));
        }
        application().run(args);
    }

    /** Runs {@code rotate-keys} to its end; @return the process's exit code */
    public static int rotateKeys(String... args) {
        // the whole application as it serves (sessions, security and all), but listening on no port; as
        // command-line arguments, so that they outrank application.yml's port
        List<String> all = new ArrayList<>(List.of("--celianet.command=" + ROTATE_KEYS, "--server.port=-1"));
        all.addAll(List.of(args));
        return SpringApplication.exit(application().run(all.toArray(String[]::new)));
    }

    static SpringApplication application() {
        SpringApplication application = new SpringApplication(CelianetApplication.class);
        application.addListeners(new DatabaseStartupCheck());
        return application;
    }
}
