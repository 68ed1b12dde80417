package fi.celia.celianet.bookclubs.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The member list as the production partner's system reads it: RFC 4180 CSV in UTF-8 without a byte order mark,
 * comma-separated, CRLF line ends. A field is quoted when it holds a comma, a double quote (doubled), CR or LF, and
 * also a semicolon, so a spreadsheet set to semicolons still keeps it in one cell. A field that begins with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading {@code '} and is quoted, so
 * a spreadsheet opened on the file never runs it as a formula.
 */
final class ProductionPartnerCsv {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private ProductionPartnerCsv() {}

    /** Writes one row and its CRLF. */
    static void writeRow(Writer writer, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(field(values.get(i)));
        }
        writer.write("\r\n");
    }

    /** One field as written: neutralised and quoted where needed; null as an empty field. */
    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        boolean formula = FORMULA_STARTS.indexOf(value.charAt(0)) >= 0;
        String safe = formula ? "'" + value : value;
        if (formula
                || safe.indexOf(',') >= 0
                || safe.indexOf('"') >= 0
                || safe.indexOf(';') >= 0
                || safe.indexOf('\r') >= 0
                || safe.indexOf('\n') >= 0) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
