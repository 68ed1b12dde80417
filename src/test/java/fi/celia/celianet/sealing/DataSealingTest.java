package fi.celia.celianet.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.celia.celianet.sealing.DataSealing.Sealed;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The data keys as CELIANET_DATA_KEYS gives them, and what is sealed and indexed with them. */
class DataSealingTest {

    static final String OLD = DataKeys.generate("2025").format();
    static final String NEW = DataKeys.generate("2026").format();

    @Test
    void theFirstKeyOfEachPurposeIsCurrentAndTheKeysNeverShowInText() {
        // new keys first, the old ones after them: what an operator writes before rotate-keys
        DataKeys keys = DataKeys.parse(NEW + " " + OLD);

        assertThat(keys.currentSealKey()).isEqualTo("2026");
        assertThat(keys.currentIndexKey()).isEqualTo("2026");
        assertThat(keys.toString()).isEqualTo("DataKeys[seal [2026, 2025], index [2026, 2025]]");
        assertThat(keys.format()).isEqualTo(DataKeys.parse(keys.format()).format());
    }

    @Test
    void malformedKeysAreRefusedWithALineThatNamesTheEntryButNeverTheKey() {
        String shortKey = "c2hvcnQ="; // "short"
        assertThatThrownBy(() -> DataKeys.parse("seal:a:" + shortKey + ",index:a:" + shortKey))
                .isInstanceOf(DataKeysException.class)
                .hasMessage("CELIANET_DATA_KEYS: the seal key a is 5 bytes; each key is 32 random bytes (openssl"
                        + " rand -base64 32).");
        assertThatThrownBy(() -> DataKeys.parse(DataKeys.generate("a").format().replace("index:", "")))
                .isInstanceOf(DataKeysException.class)
                .hasMessage("CELIANET_DATA_KEYS has an entry that is not purpose:id:base64-key (entry 2).");
        assertThatThrownBy(() -> DataKeys.parse(NEW.split(",")[0]))
                .isInstanceOf(DataKeysException.class)
                .hasMessage("CELIANET_DATA_KEYS needs at least one seal key and one index key.");
        assertThatThrownBy(() -> DataKeys.parse(NEW + "," + NEW))
                .isInstanceOf(DataKeysException.class)
                .hasMessage("CELIANET_DATA_KEYS names the seal key 2026 twice.");
        assertThatThrownBy(() -> DataKeys.parse("seal:a:not*base64,index:a:x"))
                .isInstanceOf(DataKeysException.class)
                .message()
                .doesNotContain("not*base64");
    }

    @Test
    void theTestKeysAreRecognisedWhateverTheirIds() {
        assertThat(DataKeys.parse(DataKeys.TEST_KEYS).includesTestKey()).isTrue();
        assertThat(DataKeys.parse(DataKeys.TEST_KEYS.replace(":test:", ":prod:"))
                        .includesTestKey())
                .isTrue();
        assertThat(DataKeys.parse(NEW + "," + OLD).includesTestKey()).isFalse();
    }

    @Test
    void aSealedValueOpensOnlyForItsOwnerAndUnderItsOwnKey() {
        DataSealing sealing = DataSealing.with(DataKeys.parse(NEW));
        UUID owner = UUID.randomUUID();

        Sealed once = sealing.seal("131052-308T", owner);
        Sealed twice = sealing.seal("131052-308T", owner);

        assertThat(once.keyId()).isEqualTo("2026");
        // a fresh nonce each time: the same code never seals the same twice
        assertThat(once.bytes()).hasSize(12 + 11 + 16).isNotEqualTo(twice.bytes());
        assertThat(new String(once.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("131052");
        assertThat(sealing.open(once, owner)).isEqualTo("131052-308T");
        assertThat(sealing.open(twice, owner)).isEqualTo("131052-308T");

        // copied onto another patron's row, it does not open
        assertThatThrownBy(() -> sealing.open(once, UUID.randomUUID())).isInstanceOf(SealBrokenException.class);
        // nor altered
        byte[] altered = once.bytes().clone();
        altered[20] ^= 1;
        assertThatThrownBy(() -> sealing.open(new Sealed("2026", altered), owner))
                .isInstanceOf(SealBrokenException.class);
        // a key the setting no longer names is said by its id
        assertThatThrownBy(() -> sealing.open(new Sealed("2024", once.bytes()), owner))
                .isInstanceOf(DataKeysException.class)
                .hasMessageContaining("the key 2024, which CELIANET_DATA_KEYS does not name");
        // after a rotation the old key still opens what it sealed
        DataSealing rotated = DataSealing.with(DataKeys.parse(OLD + "," + NEW));
        assertThat(rotated.open(once, owner)).isEqualTo("131052-308T");
        assertThat(rotated.seal("131052-308T", owner).keyId()).isEqualTo("2025");
    }

    @Test
    void theBlindIndexIsStablePerKeyAndTheFingerprintLivesInADomainOfItsOwn() {
        DataSealing sealing = DataSealing.with(DataKeys.parse(NEW + "," + OLD));
        DataSealing older = DataSealing.with(DataKeys.parse(OLD));

        var index = sealing.index("131052-308T");
        assertThat(index.keyId()).isEqualTo("2026");
        assertThat(index.value())
                .hasSize(32)
                .isEqualTo(sealing.index("131052-308T").value());
        assertThat(index.value()).isNotEqualTo(sealing.index("131052A308T").value());

        var every = sealing.indexesUnderEveryKey("131052-308T");
        assertThat(every).extracting(DataSealing.BlindIndex::keyId).containsExactly("2026", "2025");
        assertThat(every.get(1).value()).isEqualTo(older.index("131052-308T").value());

        String mac = sealing.mac("131052-308T");
        assertThat(mac).startsWith("2026:");
        assertThat(sealing.macMatches(mac, "131052-308T")).isTrue();
        assertThat(sealing.macMatches(mac, "131052-308U")).isFalse();
        assertThat(Arrays.equals(Base64.getDecoder().decode(mac.substring(5)), index.value()))
                .as("a fingerprint is not the index of the same text")
                .isFalse();
        // a fingerprint made before a rotation still matches while its key is named
        assertThat(sealing.macMatches(older.mac("form"), "form")).isTrue();
        assertThat(DataSealing.with(DataKeys.parse(NEW)).macMatches(older.mac("form"), "form"))
                .isFalse();
    }
}
