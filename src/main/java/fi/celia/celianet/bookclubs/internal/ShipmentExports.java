package fi.celia.celianet.bookclubs.internal;

import fi.celia.celianet.bookclubs.ShipmentMember;
import fi.celia.celianet.shared.PostalAddress;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The exports of a frozen member list, streamed from the database row by row (a server-side cursor with a fetch
 * size), so 100,000 members need neither much memory nor much time: a CSV file for the production partner
 * ({@link ProductionPartnerCsv}) and A4 sheets of 3×8 address labels ({@link LabelSheet}).
 */
@Component
public class ShipmentExports {

    static final int FETCH_SIZE = 1000;

    private static final String MEMBERS =
            """
            SELECT patron_id, patron_number, name, street, postal_code, city, language FROM shipment_member
            WHERE shipment_id = ? ORDER BY name, patron_number""";

    // Streamed with a server-side cursor and a fetch size: a plain JDBC read is the point here.
    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    ShipmentExports(DataSource dataSource, PlatformTransactionManager tm) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(tm);
        this.readOnly.setReadOnly(true);
    }

    /** The first {@code limit} members of the frozen list, by name: what the shipment page shows. */
    public List<ShipmentMember> firstMembers(UUID shipmentId, int limit) {
        // The frozen list is written set-wise by production and read like the exports; it has no entity.
        return readOnly.execute(status -> jdbc.query(
                MEMBERS + " LIMIT ?",
                (rs, n) -> new ShipmentMember(
                        rs.getObject("patron_id", UUID.class),
                        rs.getString("patron_number"),
                        rs.getString("name"),
                        new PostalAddress(rs.getString("street"), rs.getString("postal_code"), rs.getString("city")),
                        rs.getString("language")),
                shipmentId,
                limit));
    }

    /**
     * Writes the members CSV for the production partner ({@link ProductionPartnerCsv}: UTF-8, no byte order mark, a
     * header row, one member a row) to {@code out} as the rows arrive.
     */
    public void writeCsv(UUID shipmentId, List<String> header, OutputStream out) {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        readOnly.executeWithoutResult(status -> {
            try {
                ProductionPartnerCsv.writeRow(writer, header);
                jdbc.query(
                        MEMBERS,
                        rs -> {
                            try {
                                ProductionPartnerCsv.writeRow(
                                        writer,
                                        List.of(
                                                rs.getString("patron_number"),
                                                rs.getString("name"),
                                                rs.getString("street"),
                                                rs.getString("postal_code"),
                                                rs.getString("city"),
                                                rs.getString("language")));
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        },
                        shipmentId);
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Writes A4 sheets of 3×8 address labels: name, street, postal code and city, each fitted to its label. */
    public void writeLabels(UUID shipmentId, OutputStream out) {
        try (PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            LabelSheet labels = new LabelSheet(document);
            readOnly.executeWithoutResult(status -> jdbc.query(
                    MEMBERS,
                    rs -> {
                        List<String> lines = new ArrayList<>();
                        lines.add(rs.getString("name"));
                        for (String line : rs.getString("street").lines().toList()) {
                            if (!line.isBlank()) {
                                lines.add(line.strip());
                            }
                        }
                        lines.add(rs.getString("postal_code") + " " + rs.getString("city"));
                        labels.add(lines);
                    },
                    shipmentId));
            labels.finish();
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
