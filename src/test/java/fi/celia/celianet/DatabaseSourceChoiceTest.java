package fi.celia.celianet;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.DatabaseSourceChoice.Probes;
import fi.celia.celianet.DatabaseSourceChoice.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which database wins when several are there, and that nothing after the winner is asked. */
class DatabaseSourceChoiceTest {

    /** A machine with the given answers that remembers which questions were asked, in order. */
    private static final class Machine {
        final List<String> asked = new ArrayList<>();
        final Probes probes;

        Machine(boolean settings, boolean localhost, boolean docker, boolean embedded, boolean root) {
            probes = new Probes(
                    answer("settings", settings),
                    answer("localhost", localhost),
                    answer("docker", docker),
                    answer("embedded", embedded),
                    answer("root", root));
        }

        private BooleanSupplier answer(String question, boolean answer) {
            return () -> {
                asked.add(question);
                return answer;
            };
        }

        Source choose() {
            return DatabaseSourceChoice.choose(probes);
        }
    }

    @Test
    void theSettingsWinOverEverythingElseAndNothingElseIsAsked() {
        var machine = new Machine(true, true, true, true, false);

        assertThat(machine.choose()).isEqualTo(Source.SETTINGS);
        assertThat(machine.asked).containsExactly("settings");
    }

    @Test
    void aPostgresOnLocalhostWinsOverDockerAndTheEmbeddedOneAndDockerIsNotAsked() {
        var machine = new Machine(false, true, true, true, false);

        assertThat(machine.choose()).isEqualTo(Source.LOCALHOST);
        assertThat(machine.asked).containsExactly("settings", "localhost");
    }

    @Test
    void dockerWinsOverTheEmbeddedOne() {
        var machine = new Machine(false, false, true, true, false);

        assertThat(machine.choose()).isEqualTo(Source.DOCKER);
        assertThat(machine.asked).containsExactly("settings", "localhost", "docker");
    }

    @Test
    void withNothingElseTheEmbeddedOne() {
        var machine = new Machine(false, false, false, true, false);

        assertThat(machine.choose()).isEqualTo(Source.EMBEDDED);
        assertThat(machine.asked).containsExactly("settings", "localhost", "docker", "embedded", "root");
    }

    @Test
    void asRootWithNothingElseTheAnswerIsTheRootRefusal() {
        assertThat(new Machine(false, false, false, true, true).choose()).isEqualTo(Source.NONE_AS_ROOT);
    }

    @Test
    void asRootEverySourceBeforeTheEmbeddedOneStillWins() {
        assertThat(new Machine(true, false, false, true, true).choose()).isEqualTo(Source.SETTINGS);
        assertThat(new Machine(false, true, false, true, true).choose()).isEqualTo(Source.LOCALHOST);
        assertThat(new Machine(false, false, true, true, true).choose()).isEqualTo(Source.DOCKER);
    }

    @Test
    void withoutTheEmbeddedOneOnTheClassPathAndNothingElseNothingAndRootIsNotAsked() {
        // java -jar with the demo profile: the production jar has no embedded PostgreSQL
        var machine = new Machine(false, false, false, false, true);

        assertThat(machine.choose()).isEqualTo(Source.NONE);
        assertThat(machine.asked).containsExactly("settings", "localhost", "docker", "embedded");
    }

    static Stream<Arguments> everyMachine() {
        return IntStream.range(0, 32)
                .mapToObj(bits -> Arguments.of(
                        (bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0, (bits & 16) != 0));
    }

    @ParameterizedTest(name = "settings={0} localhost={1} docker={2} embedded={3} root={4}")
    @MethodSource("everyMachine")
    void theFirstSourceThereWinsOnEveryMachine(
            boolean settings, boolean localhost, boolean docker, boolean embedded, boolean root) {
        Source expected = settings
                ? Source.SETTINGS
                : localhost
                        ? Source.LOCALHOST
                        : docker
                                ? Source.DOCKER
                                : !embedded ? Source.NONE : root ? Source.NONE_AS_ROOT : Source.EMBEDDED;
        var machine = new Machine(settings, localhost, docker, embedded, root);

        assertThat(machine.choose()).isEqualTo(expected);
        List<String> order = List.of("settings", "localhost", "docker", "embedded", "root");
        assertThat(order).startsWith(machine.asked.toArray(String[]::new));
    }
}
