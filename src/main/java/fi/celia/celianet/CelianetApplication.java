package fi.celia.celianet;

import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Serves Celianet; with the argument {@code rotate-keys}, re-seals the data under the current data keys instead
 * ({@code fi.celia.celianet.sealing.RotateKeysCommand}) and exits: no web server, no scheduled jobs.
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
        SpringApplication application = application();
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of("celianet.command", ROTATE_KEYS));
        return SpringApplication.exit(application.run(args));
    }

    static SpringApplication application() {
        SpringApplication application = new SpringApplication(CelianetApplication.class);
        application.addListeners(new DatabaseStartupCheck());
        return application;
    }
}
