package fi.celia.celianet.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.support.IntegrationTest;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo keeps its generated data keys in its own database: two demos starting together on one database agree on
 * them, and a demo started again opens what an earlier one sealed.
 */
class DemoDataKeysTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @AfterEach
    void forgetTheDemoKeys() {
        jdbc.sql("DELETE FROM demo_data_key").update();
    }

    @Test
    void twoDemosOnOneDatabaseAgreeAndARestartedDemoOpensWhatAnEarlierOneSealed() {
        jdbc.sql("DELETE FROM demo_data_key").update();

        var first = CompletableFuture.supplyAsync(() -> DemoDataKeys.load(dataSource));
        var second = CompletableFuture.supplyAsync(() -> DemoDataKeys.load(dataSource));
        DataKeys one = first.join();
        DataKeys other = second.join();

        assertThat(one.format()).isEqualTo(other.format());
        assertThat(one.currentSealKey()).isEqualTo("demo");
        assertThat(jdbc.sql("SELECT purpose || ':' || id FROM demo_data_key ORDER BY 1")
                        .query(String.class)
                        .list())
                .containsExactly("index:demo", "seal:demo");

        UUID patron = UUID.randomUUID();
        var sealed = DataSealing.with(one).seal("131052-308T", patron);
        DataSealing restarted = DataSealing.with(DemoDataKeys.load(dataSource));
        assertThat(restarted.open(sealed, patron)).isEqualTo("131052-308T");
        assertThat(restarted.index("131052-308T").value())
                .isEqualTo(DataSealing.with(other).index("131052-308T").value());
    }
}
