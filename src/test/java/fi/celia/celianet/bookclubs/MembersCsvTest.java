package fi.celia.celianet.bookclubs;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.staff.Role;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The members CSV for the production partner: comma-separated RFC 4180 without a byte order mark, every field that
 * needs it quoted, and nothing a spreadsheet would run as a formula.
 */
class MembersCsvTest extends BookClubTest {

    @Test
    void namesWithSeparatorsQuotesAndFormulaStartsComeOutQuotedNeutralisedAndInTheirColumns() throws Exception {
        var staffAccount = staff(Role.STAFF, null);
        at(LocalDate.of(2034, 8, 1));
        Club club = monthlyClub(LocalDate.of(2034, 10, 1), 1, 35, 1);
        Shipment october = clubs.shipments(club.id()).get(0);
        List<List<String>> members = List.of(
                List.of("N0000001", "=1+1", "Katu 1", "00100", "Helsinki", "fi"),
                List.of("N0000002", "Matti;=1+1;x", "Katu 2", "00100", "Helsinki", "fi"),
                List.of("N0000003", "Virtanen, \"Ville\"", "Katu 3", "00100", "Helsinki", "fi"),
                List.of("N0000004", "+358 40 123", "-1 Katu", "00100", "@Pori", "sv"),
                List.of("N0000005", "\tTabulaattori", "Rivi 1\r\nRivi 2", "00100", "Helsinki", "fi"),
                List.of("N0000006", "\rRivinvaihto", "Tavallinen katu 6", "00100", "Helsinki", "en"));
        for (List<String> m : members) {
            jdbc.sql(
                            """
                    INSERT INTO shipment_member (shipment_id, patron_id, subscription_id, patron_number, name, street, postal_code, city, language)
                    VALUES (:s, :p, :sub, :number, :name, :street, :postal, :city, :language)""")
                    .param("s", october.id())
                    .param("p", UUID.randomUUID())
                    .param("sub", UUID.randomUUID())
                    .param("number", m.get(0))
                    .param("name", m.get(1))
                    .param("street", m.get(2))
                    .param("postal", m.get(3))
                    .param("city", m.get(4))
                    .param("language", m.get(5))
                    .update();
        }

        var response = new Browser(staffAccount.getUsername())
                .get(
                        "/bookclubs/" + club.id() + "/shipments/" + october.id() + "/members.csv",
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        byte[] bytes = response.body();
        assertThat(bytes[0]).as("no byte order mark").isEqualTo((byte) 'A');
        String text = new String(bytes, StandardCharsets.UTF_8);

        assertThat(text)
                .contains("\"'=1+1\"")
                .contains("\"Matti;=1+1;x\"")
                .contains("\"Virtanen, \"\"Ville\"\"\"")
                .contains("\"'+358 40 123\"")
                .contains("\"'-1 Katu\"")
                .contains("\"'@Pori\"")
                .contains("\"'\tTabulaattori\"")
                .contains("\"'\rRivinvaihto\"")
                .doesNotContain(",=")
                .doesNotContain(",+")
                .doesNotContain(",-")
                .doesNotContain(",@");

        List<List<String>> rows = parseRfc4180(text);
        assertThat(rows.get(0))
                .containsExactly("Asiakasnumero", "Nimi", "Katuosoite", "Postinumero", "Postitoimipaikka", "Kieli");
        assertThat(rows).hasSize(members.size() + 1).allSatisfy(row -> assertThat(row)
                .hasSize(6));
        List<List<String>> expected = members.stream()
                .map(m -> m.stream().map(MembersCsvTest::neutralised).toList())
                .sorted(Comparator.comparing((List<String> m) -> m.get(1)))
                .toList();
        assertThat(rows.subList(1, rows.size()).stream()
                        .sorted(Comparator.comparing((List<String> m) -> m.get(1)))
                        .toList())
                .isEqualTo(expected);
    }

    private static String neutralised(String value) {
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** RFC 4180, read strictly: records end in CRLF, a quoted field may hold anything, "" in it is one quote. */
    private static List<List<String>> parseRfc4180(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (true) {
            StringBuilder field = new StringBuilder();
            if (i < n && text.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new AssertionError("an unterminated quoted field");
                    }
                    char c = text.charAt(i);
                    if (c == '"' && i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                    } else if (c == '"') {
                        i++;
                        break;
                    } else {
                        field.append(c);
                        i++;
                    }
                }
            } else {
                while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r') {
                    char c = text.charAt(i);
                    if (c == '"' || c == '\n') {
                        throw new AssertionError("a bare quote or LF outside quotes at " + i);
                    }
                    field.append(c);
                    i++;
                }
            }
            record.add(field.toString());
            if (i < n && text.charAt(i) == ',') {
                i++;
            } else if (i + 1 < n && text.charAt(i) == '\r' && text.charAt(i + 1) == '\n') {
                records.add(record);
                record = new ArrayList<>();
                i += 2;
                if (i == n) {
                    return records;
                }
            } else {
                throw new AssertionError("a field that ends in neither a comma nor CRLF at " + i);
            }
        }
    }
}
