package fi.celia.celianet.sealing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals values with the current data key and opens them with the key each was sealed under. A sealed value is a
 * fresh 96-bit nonce followed by the AES-256-GCM ciphertext and its 128-bit tag; the owner's id (a patron's, say) is
 * the additional authenticated data, so a sealed value copied onto another row does not open. Blind indexes are
 * HMAC-SHA256 under the index key, each use in its own domain ({@code index:} and {@code mac:} prefixes), so an index
 * never equals a fingerprint of the same text.
 */
public class DataSealing {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Supplier<DataKeys> keys;

    /** @param keys read on first use (the demo's keys live in its database, which may not be migrated yet) */
    public DataSealing(Supplier<DataKeys> keys) {
        this.keys = keys;
    }

    public static DataSealing with(DataKeys keys) {
        return new DataSealing(() -> keys);
    }

    /** A value sealed under the key {@code keyId}. */
    public record Sealed(String keyId, byte[] bytes) {}

    /** A blind index under the index key {@code keyId}. */
    public record BlindIndex(String keyId, byte[] value) {}

    public String currentSealKey() {
        return keys.get().currentSealKey();
    }

    public String currentIndexKey() {
        return keys.get().currentIndexKey();
    }

    public Sealed seal(String clear, UUID owner) {
        DataKeys k = keys.get();
        String id = k.currentSealKey();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, k.sealKey(id), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(bytes(owner));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            return new Sealed(
                    id,
                    ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws SealBrokenException when the value was altered, moved to another owner or sealed under another key */
    public String open(Sealed sealed, UUID owner) {
        SecretKey key = keys.get().sealKey(sealed.keyId());
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.bytes(), 0, NONCE_BYTES));
            cipher.updateAAD(bytes(owner));
            return new String(
                    cipher.doFinal(sealed.bytes(), NONCE_BYTES, sealed.bytes().length - NONCE_BYTES),
                    StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SealBrokenException(owner, sealed.keyId());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The blind index of a value under the current index key. */
    public BlindIndex index(String value) {
        DataKeys k = keys.get();
        String id = k.currentIndexKey();
        return new BlindIndex(id, hmac(k.indexKeys().get(id), "index:" + value));
    }

    /**
     * The blind index of a value under every index key, the current one first: while {@code rotate-keys} is moving
     * rows to a new index key, a value is found under either.
     */
    public List<BlindIndex> indexesUnderEveryKey(String value) {
        List<BlindIndex> indexes = new ArrayList<>();
        keys.get().indexKeys().forEach((id, key) -> indexes.add(new BlindIndex(id, hmac(key, "index:" + value))));
        return indexes;
    }

    /** A keyed fingerprint of a text, {@code keyId:base64}, under the current index key. */
    public String mac(String text) {
        DataKeys k = keys.get();
        String id = k.currentIndexKey();
        return id + ":"
                + Base64.getEncoder()
                        .withoutPadding()
                        .encodeToString(hmac(k.indexKeys().get(id), "mac:" + text));
    }

    /** Whether {@code mac} is the fingerprint of the text, under whichever index key it names that is still known. */
    public boolean macMatches(String mac, String text) {
        int colon = mac.indexOf(':');
        SecretKey key = colon < 0 ? null : keys.get().indexKeys().get(mac.substring(0, colon));
        if (key == null) {
            return false;
        }
        byte[] expected = hmac(key, "mac:" + text);
        byte[] given;
        try {
            given = Base64.getDecoder().decode(mac.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }

    private static byte[] hmac(SecretKey key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] bytes(UUID owner) {
        return ByteBuffer.allocate(16)
                .putLong(owner.getMostSignificantBits())
                .putLong(owner.getLeastSignificantBits())
                .array();
    }
}
