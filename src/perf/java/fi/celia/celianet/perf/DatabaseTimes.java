package fi.celia.celianet.perf;

import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The database's own time for the searches the simulation makes (EXPLAIN ANALYZE, best of five), so the
 * application's overhead reads as a ratio next to Gatling's percentiles. The search by identity code looks the code's
 * blind index up, as Celianet does.
 */
final class DatabaseTimes {

    private DatabaseTimes() {}

    /** @param sample one generated patron: id, identity code, patron number, "last first" name, library */
    static void print(String[] sample) {
        String surname = sample[3].split(" ")[0].toLowerCase();
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put(
                "search by identity code",
                "SELECT * FROM patron WHERE identity_code_index = '\\x"
                        + HexFormat.of()
                                .formatHex(Librarians.SEALING.index(sample[1]).value()) + "'");
        queries.put("search by patron number", "SELECT * FROM patron WHERE patron_number = '" + sample[2] + "'");
        queries.put(
                "search by name",
                "SELECT * FROM patron WHERE (search_name LIKE '%" + surname + "%' OR search_name LIKE '%" + surname
                        + "%') AND status <> 'ERASED'"
                        + " ORDER BY last_name, first_name, registered_at DESC LIMIT 51");
        queries.put("patron page (patron row)", "SELECT * FROM patron WHERE id = '" + sample[0] + "'");
        try (var connection = Librarians.database()) {
            System.out.println("\nDatabase's own time (EXPLAIN ANALYZE, best of 5):");
            for (var query : queries.entrySet()) {
                double best = Double.MAX_VALUE;
                double rows = 0;
                for (int i = 0; i < 5; i++) {
                    try (var statement = connection.createStatement();
                            var rs = statement.executeQuery("EXPLAIN (ANALYZE, FORMAT JSON) " + query.getValue())) {
                        rs.next();
                        String json = rs.getString(1);
                        best = Math.min(
                                best, number(json, "\"Execution Time\": ") + number(json, "\"Planning Time\": "));
                        rows = number(json, "\"Actual Rows\": ");
                    }
                }
                System.out.printf(
                        "  %-28s %8.3f ms%s%n",
                        query.getKey(),
                        best,
                        rows == 0 ? " (found nothing: are these the keys the generator sealed with?)" : "");
            }
        } catch (SQLException e) {
            System.out.println("EXPLAIN ANALYZE failed: " + e.getMessage());
        }
    }

    private static double number(String json, String key) {
        int at = json.indexOf(key) + key.length();
        int end = at;
        while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == '.')) {
            end++;
        }
        return Double.parseDouble(json.substring(at, end));
    }
}
