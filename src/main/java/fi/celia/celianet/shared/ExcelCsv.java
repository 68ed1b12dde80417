package fi.celia.celianet.shared;

import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * CSV for people to open in Excel with Finnish or Swedish settings: UTF-8 with a byte order mark (without it Excel
 * reads the bytes as Windows-1252 and breaks ä and ö), fields separated by {@code ;} (the list separator where the
 * decimal separator is a comma), lines ended by CR LF, a field quoted as RFC 4180 says when it holds {@code ;},
 * {@code "}, CR or LF (quotes inside doubled). A cell that starts with {@code =}, {@code +}, {@code -}, {@code @},
 * tab or CR gets a leading {@code '} before quoting, so that Excel shows it as text and never runs it as a formula
 * (CSV injection). Not for machines: a comma-separated file for another program is a different format.
 *
 * <p>Writes through as it goes: the caller streams rows and flushes at the end; nothing is held but a buffer.
 */
public final class ExcelCsv implements Flushable {

    /** The byte order mark every file starts with. */
    public static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

    private final Writer out;

    /** Starts a file on the stream: writes the byte order mark at once. */
    public ExcelCsv(OutputStream stream) throws IOException {
        stream.write(BOM);
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 16 * 1024);
    }

    /** One line; a null cell is empty. */
    public void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(';');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    public void row(String... cells) throws IOException {
        row(Arrays.asList(cells));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** A value as it stands in the file: neutralised when Excel would take it for a formula, then quoted if needed. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text =
                switch (value.charAt(0)) {
                    case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
                    default -> value;
                };
        if (text.indexOf(';') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
