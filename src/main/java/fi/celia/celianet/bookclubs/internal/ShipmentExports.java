package fi.celia.celianet.bookclubs.internal;

import fi.celia.celianet.bookclubs.ShipmentMember;
import fi.celia.celianet.shared.PostalAddress;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
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
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The exports of a frozen member list, streamed from the database row by row (a server-side cursor with a fetch
 * size), so 100,000 members need neither much memory nor much time: a CSV file and A4 sheets of 3×8 address
 * labels in the DejaVu Sans font shipped with the application.
 */
@Component
public class ShipmentExports {

    static final String FONT = "fonts/DejaVuSans.ttf";
    static final int FETCH_SIZE = 1000;
    static final int COLUMNS = 3;
    static final int ROWS = 8;
    private static final float PADDING = 14f;
    private static final float FONT_SIZE = 10f;
    private static final float MIN_FONT_SIZE = 6f;

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

    /** Writes A4 sheets of 3×8 address labels: name, street, postal code and city. */
    public void writeLabels(UUID shipmentId, OutputStream out) {
        try (PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
                InputStream fontFile = new ClassPathResource(FONT).getInputStream()) {
            PDType0Font font = PDType0Font.load(document, fontFile, true);
            Labels labels = new Labels(document, font);
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

    /** Places labels on A4 pages, 3 across and 8 down, starting a new page every 24 labels. */
    private static final class Labels {

        private final PDDocument document;
        private final PDType0Font font;
        private final float width = PDRectangle.A4.getWidth() / COLUMNS;
        private final float height = PDRectangle.A4.getHeight() / ROWS;
        private PDPageContentStream page;
        private int index;

        Labels(PDDocument document, PDType0Font font) {
            this.document = document;
            this.font = font;
        }

        void add(List<String> lines) {
            try {
                int slot = index % (COLUMNS * ROWS);
                if (slot == 0) {
                    finish();
                    PDPage next = new PDPage(PDRectangle.A4);
                    document.addPage(next);
                    page = new PDPageContentStream(document, next);
                }
                int column = slot % COLUMNS;
                int row = slot / COLUMNS;
                float x = column * width + PADDING;
                float top = PDRectangle.A4.getHeight() - row * height - PADDING;
                float y = top - FONT_SIZE;
                for (String line : lines) {
                    String text = printable(line);
                    float size = fit(text, width - 2 * PADDING);
                    page.beginText();
                    page.setFont(font, size);
                    page.newLineAtOffset(x, y);
                    page.showText(text);
                    page.endText();
                    y -= FONT_SIZE * 1.3f;
                }
                index++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void finish() throws IOException {
            if (page != null) {
                page.close();
                page = null;
            }
        }

        private float fit(String text, float available) throws IOException {
            float size = FONT_SIZE;
            while (size > MIN_FONT_SIZE && font.getStringWidth(text) / 1000f * size > available) {
                size -= 0.5f;
            }
            return size;
        }

        /** Leaves out characters the font cannot draw, rather than failing the whole sheet. */
        private String printable(String text) {
            String value = text == null ? "" : text;
            try {
                font.encode(value);
                return value;
            } catch (IllegalArgumentException | IOException e) {
                StringBuilder kept = new StringBuilder();
                value.codePoints().forEach(cp -> {
                    String one = new String(Character.toChars(cp));
                    try {
                        font.encode(one);
                        kept.append(one);
                    } catch (IllegalArgumentException | IOException ignored) {
                        kept.append('?');
                    }
                });
                return kept.toString();
            }
        }
    }
}
