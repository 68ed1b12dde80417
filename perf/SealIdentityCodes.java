import fi.celia.celianet.sealing.DataKeys;
import fi.celia.celianet.sealing.DataSealing;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Seals the load test's identity codes with Celianet's own sealing (AES-256-GCM, the patron's id as associated
 * data, and the HMAC-SHA256 blind index), under the keys in CELIANET_DATA_KEYS. Reads CSV lines g,id,code
 * (perf/identity-codes.sql) from standard input and writes g,id,sealed,key,index,index key for
 * COPY ... FROM STDIN (FORMAT csv), bytea as \x hex. perf/generate.sh runs it in Java's source-file mode:
 * java -cp target/classes perf/SealIdentityCodes.java. With --new-keys it prints a fresh seal and index key
 * in the CELIANET_DATA_KEYS format instead.
 */
public class SealIdentityCodes {

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--new-keys")) {
            SecureRandom random = new SecureRandom();
            byte[] seal = new byte[32];
            byte[] index = new byte[32];
            random.nextBytes(seal);
            random.nextBytes(index);
            System.out.println("seal:perf:" + Base64.getEncoder().encodeToString(seal) + ",index:perf:"
                    + Base64.getEncoder().encodeToString(index));
            return;
        }
        String text = System.getenv("CELIANET_DATA_KEYS");
        if (text == null || text.isBlank()) {
            System.err.println("SealIdentityCodes: set CELIANET_DATA_KEYS");
            System.exit(2);
        }
        DataSealing sealing = DataSealing.with(DataKeys.parse(text));
        HexFormat hex = HexFormat.of();
        long rows = 0;
        try (var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
                var out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = in.readLine()) != null) {
                int first = line.indexOf(',');
                int second = line.indexOf(',', first + 1);
                String id = line.substring(first + 1, second);
                String code = line.substring(second + 1);
                DataSealing.Sealed sealed = sealing.seal(code, UUID.fromString(id));
                DataSealing.BlindIndex index = sealing.index(code);
                out.append(line, 0, second)
                        .append(",\\x").append(hex.formatHex(sealed.bytes()))
                        .append(',').append(sealed.keyId())
                        .append(",\\x").append(hex.formatHex(index.value()))
                        .append(',').append(index.keyId())
                        .append('\n');
                rows++;
            }
        }
        System.err.println("Sealed " + rows + " identity codes");
    }
}
