package fi.celia.celianet.sealing;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys personal data is sealed with, as {@code CELIANET_DATA_KEYS} gives them: entries {@code purpose:id:key}
 * separated by commas or white space, where the purpose is {@code seal} (AES-256-GCM, encrypts values) or
 * {@code index} (HMAC-SHA256, blind indexes and the registration fingerprint), the id is 1–32 letters, digits,
 * {@code -} or {@code _} (stored on each row), and the key is 32 random bytes in base64 ({@code openssl rand -base64
 * 32}). The first key of each purpose is the current one: it seals new values; the others only open values sealed
 * before, until {@code rotate-keys} has re-sealed them.
 */
public final class DataKeys {

    public static final String SEAL = "seal";
    public static final String INDEX = "index";

    /**
     * The tests' fixed keys, shared by the test suite and the fault suite's instances. Public in the source, so a
     * production start refuses them ({@link DataKeysException}).
     */
    public static final String TEST_KEYS =
            "seal:test:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=,index:test:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

    private static final Pattern ENTRY = Pattern.compile("(seal|index):([A-Za-z0-9_-]{1,32}):([A-Za-z0-9+/_-]+={0,2})");
    private static final int KEY_BYTES = 32;

    private final Map<String, SecretKey> sealKeys;
    private final Map<String, SecretKey> indexKeys;

    private DataKeys(Map<String, SecretKey> sealKeys, Map<String, SecretKey> indexKeys) {
        this.sealKeys = Collections.unmodifiableMap(sealKeys);
        this.indexKeys = Collections.unmodifiableMap(indexKeys);
    }

    /** @throws DataKeysException naming what is wrong, never the key itself */
    public static DataKeys parse(String text) {
        Map<String, SecretKey> seal = new LinkedHashMap<>();
        Map<String, SecretKey> index = new LinkedHashMap<>();
        for (String entry : text.strip().split("[,\\s]+")) {
            Matcher m = ENTRY.matcher(entry);
            if (!m.matches()) {
                throw new DataKeysException("CELIANET_DATA_KEYS has an entry that is not purpose:id:base64-key (entry "
                        + (seal.size() + index.size() + 1) + ").");
            }
            byte[] key;
            try {
                key = (m.group(3).contains("-") || m.group(3).contains("_")
                                ? Base64.getUrlDecoder()
                                : Base64.getDecoder())
                        .decode(m.group(3));
            } catch (IllegalArgumentException e) {
                throw new DataKeysException(
                        "CELIANET_DATA_KEYS: the " + m.group(1) + " key " + m.group(2) + " is not base64.");
            }
            if (key.length != KEY_BYTES) {
                throw new DataKeysException("CELIANET_DATA_KEYS: the " + m.group(1) + " key " + m.group(2) + " is "
                        + key.length + " bytes; each key is 32 random bytes (openssl rand -base64 32).");
            }
            Map<String, SecretKey> keys = SEAL.equals(m.group(1)) ? seal : index;
            if (keys.putIfAbsent(m.group(2), new SecretKeySpec(key, SEAL.equals(m.group(1)) ? "AES" : "HmacSHA256"))
                    != null) {
                throw new DataKeysException(
                        "CELIANET_DATA_KEYS names the " + m.group(1) + " key " + m.group(2) + " twice.");
            }
        }
        if (seal.isEmpty() || index.isEmpty()) {
            throw new DataKeysException("CELIANET_DATA_KEYS needs at least one seal key and one index key.");
        }
        return new DataKeys(seal, index);
    }

    /** One fresh seal key and one fresh index key, both with the id given. */
    public static DataKeys generate(String id) {
        SecureRandom random = new SecureRandom();
        byte[] seal = new byte[KEY_BYTES];
        byte[] index = new byte[KEY_BYTES];
        random.nextBytes(seal);
        random.nextBytes(index);
        return parse(format(SEAL, id, seal) + "," + format(INDEX, id, index));
    }

    static String format(String purpose, String id, byte[] key) {
        return purpose + ":" + id + ":" + Base64.getEncoder().encodeToString(key);
    }

    /** Every key as {@code purpose:id:key} entries, current ones first, as {@link #parse} reads them. */
    String format() {
        List<String> entries = new ArrayList<>();
        sealKeys.forEach((id, key) -> entries.add(format(SEAL, id, key.getEncoded())));
        indexKeys.forEach((id, key) -> entries.add(format(INDEX, id, key.getEncoded())));
        return String.join(",", entries);
    }

    public String currentSealKey() {
        return sealKeys.keySet().iterator().next();
    }

    public String currentIndexKey() {
        return indexKeys.keySet().iterator().next();
    }

    SecretKey sealKey(String id) {
        SecretKey key = sealKeys.get(id);
        if (key == null) {
            throw new DataKeysException(
                    "A value is sealed under the key " + id
                            + ", which CELIANET_DATA_KEYS does not name: add it back until rotate-keys has re-sealed every value.");
        }
        return key;
    }

    Map<String, SecretKey> indexKeys() {
        return indexKeys;
    }

    /** Whether any key is one of {@link #TEST_KEYS}. */
    public boolean includesTestKey() {
        DataKeys test = parse(TEST_KEYS);
        return sealKeys.values().stream()
                        .anyMatch(k -> test.sealKeys.values().stream().anyMatch(t -> same(k, t)))
                || indexKeys.values().stream()
                        .anyMatch(k -> test.indexKeys.values().stream().anyMatch(t -> same(k, t)));
    }

    private static boolean same(SecretKey a, SecretKey b) {
        return MessageDigest.isEqual(a.getEncoded(), b.getEncoded());
    }

    /** Never the keys. */
    @Override
    public String toString() {
        return "DataKeys[seal " + sealKeys.keySet() + ", index " + indexKeys.keySet() + "]";
    }
}
