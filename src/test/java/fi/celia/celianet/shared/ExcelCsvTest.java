package fi.celia.celianet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Excel flavour of CSV, byte by byte. */
class ExcelCsvTest {

    @Test
    void aFileStartsWithTheByteOrderMarkSeparatesBySemicolonsAndEndsLinesWithCrLf() throws Exception {
        var bytes = new ByteArrayOutputStream();
        var csv = new ExcelCsv(bytes);
        csv.row("Sukunimi", "Etunimet");
        csv.row("Äijälä", null, "Öljy");
        csv.flush();
        byte[] written = bytes.toByteArray();

        assertThat(Arrays.copyOf(written, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(written, 3, written.length - 3, StandardCharsets.UTF_8))
                .isEqualTo("Sukunimi;Etunimet\r\nÄijälä;;Öljy\r\n");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "plain | plain",
                "Semi;colon | `\"Semi;colon\"`",
                "Sanoi \"hei\" | `\"Sanoi \"\"hei\"\"\"`",
                "`two\nlines` | `\"two\nlines\"`",
                "=1+1 | '=1+1",
                "+358 40 | '+358 40",
                "-Miinus | '-Miinus",
                "@SUM(A1) | '@SUM(A1)",
                "`=HYPERLINK(\"x\";\"y\")` | `\"'=HYPERLINK(\"\"x\"\";\"\"y\"\")\"`",
                "a=b | a=b",
            })
    void aCellIsNeutralisedThenQuoted(String value, String written) {
        assertThat(ExcelCsv.cell(value)).isEqualTo(written);
    }

    @Test
    void aCellStartingWithATabOrCarriageReturnIsNeutralisedAndACarriageReturnQuoted() {
        assertThat(ExcelCsv.cell("\tx")).isEqualTo("'\tx");
        assertThat(ExcelCsv.cell("\rx")).isEqualTo("\"'\rx\"");
        assertThat(ExcelCsv.cell("")).isEmpty();
        assertThat(ExcelCsv.cell(null)).isEmpty();
    }
}
