package fi.celia.celianet.bookclubs;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.staff.Role;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/**
 * Address labels fit any name and address the forms allow and draw every character: a 200-character name shrinks,
 * wraps and ends in an ellipsis without a glyph leaving its label; a Chinese name is drawn in the fallback font;
 * a character no shipped font has is drawn as U+FFFD, never as a question mark.
 */
class AddressLabelsTest extends BookClubTest {

    private static final float LABEL_WIDTH = PDRectangle.A4.getWidth() / 3;
    private static final float LABEL_HEIGHT = PDRectangle.A4.getHeight() / 8;
    private static final float PADDING = 14f;

    @Test
    void everyGlyphStaysInsideItsLabelAndCharactersOutsideTheMainFontAreDrawnInTheFallback() throws Exception {
        var staffAccount = staff(Role.STAFF, null);
        at(LocalDate.of(2034, 8, 1));
        Club club = monthlyClub(LocalDate.of(2034, 10, 1), 1, 35, 1);
        Shipment october = clubs.shipments(club.id()).get(0);

        StringBuilder words = new StringBuilder("Maria-Magdalena");
        for (int i = 0; words.length() < 200; i++) {
            words.append(' ')
                    .append(List.of("Kristiina", "Johanna", "Aleksandra", "Wilhelmiina", "Sofia")
                            .get(i % 5));
        }
        String longName = words.substring(0, 200).strip();
        String unbroken = "Ä".repeat(200);
        String medium = "Annukka Kristiina Wilhelmiina Jääskeläinen";
        String chinese = "王秀英 Wang Xiuying";
        String devanagari = "राम Sharma";
        member(october, "N1", longName, "Kirjastokatu 1", "Helsinki");
        member(october, "N2", unbroken, "Pitkä ".repeat(33).strip() + " 5 B 12", "Kauniainen-Grankulla-Kauniainen");
        member(october, "N3", medium, "Kirjastokatu 3", "Helsinki");
        member(october, "N4", chinese, "Kirjastokatu 4", "Helsinki");
        member(october, "N5", devanagari, "Kirjastokatu 5", "Helsinki");

        var pdf = new Browser(staffAccount.getUsername())
                .get(
                        "/bookclubs/" + club.id() + "/shipments/" + october.id() + "/labels.pdf",
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            Glyphs glyphs = new Glyphs();
            String text = glyphs.getText(document);

            assertThat(glyphs.positions).hasSizeGreaterThan(300).allSatisfy(AddressLabelsTest::insideItsLabel);
            assertThat(glyphs.positions)
                    .allSatisfy(g -> assertThat(g.getFontSizeInPt()).isBetween(5.99f, 10.01f));

            assertThat(text).doesNotContain("?");
            assertThat(text).contains("Maria-Magdalena Kristiina").contains("\u2026");
            assertThat(text).contains("ÄÄÄÄÄÄÄÄÄÄ").contains("Kauniainen-Grankulla-Kauniainen");
            assertThat(text).contains(medium);
            assertThat(sizesOf(glyphs, "Annukka"))
                    .as("the medium name, smaller on one line")
                    .allSatisfy(size -> assertThat(size).isLessThan(10f).isGreaterThanOrEqualTo(6f));
            assertThat(text).contains(chinese);
            assertThat(text).contains("\uFFFD\uFFFD\uFFFD Sharma");
            List<String> fonts = new ArrayList<>();
            for (var name : document.getPage(0).getResources().getFontNames()) {
                fonts.add(document.getPage(0).getResources().getFont(name).getName());
            }
            assertThat(fonts)
                    .anySatisfy(f -> assertThat(f).contains("DejaVuSans"))
                    .anySatisfy(f -> assertThat(f).contains("DroidSansFallback"));
            assertThat(glyphs.positions.stream()
                            .filter(g -> g.getUnicode().equals("王"))
                            .map(g -> g.getFont().getName()))
                    .singleElement()
                    .asString()
                    .contains("DroidSansFallback");
        }
    }

    /** The glyph lies inside the printable area (the label less its padding) of the label it starts in. */
    private static void insideItsLabel(TextPosition g) {
        float left = g.getXDirAdj();
        float right = left + g.getWidthDirAdj();
        float baseline = g.getYDirAdj();
        float top = baseline - g.getFontSizeInPt();
        int column = (int) (left / LABEL_WIDTH);
        int row = (int) (baseline / LABEL_HEIGHT);
        float slack = 0.5f;
        assertThat(left)
                .as("left edge of %s", g.getUnicode())
                .isGreaterThanOrEqualTo(column * LABEL_WIDTH + PADDING - slack);
        assertThat(right)
                .as("right edge of %s", g.getUnicode())
                .isLessThanOrEqualTo((column + 1) * LABEL_WIDTH - PADDING + slack);
        assertThat(top).as("top of %s", g.getUnicode()).isGreaterThanOrEqualTo(row * LABEL_HEIGHT + PADDING - slack);
        assertThat(baseline)
                .as("baseline of %s", g.getUnicode())
                .isLessThanOrEqualTo((row + 1) * LABEL_HEIGHT - PADDING + slack);
    }

    private static List<Float> sizesOf(Glyphs glyphs, String start) {
        List<Float> sizes = new ArrayList<>();
        for (List<TextPosition> line : glyphs.lines) {
            String text = line.stream().map(TextPosition::getUnicode).reduce("", String::concat);
            if (text.startsWith(start)) {
                line.forEach(g -> sizes.add(g.getFontSizeInPt()));
            }
        }
        assertThat(sizes).as("glyphs of the line starting with " + start).isNotEmpty();
        return sizes;
    }

    private void member(Shipment shipment, String number, String name, String street, String city) {
        jdbc.sql(
                        """
                INSERT INTO shipment_member (shipment_id, patron_id, subscription_id, patron_number, name, street, postal_code, city, language)
                VALUES (:s, :p, :sub, :number, :name, :street, '00100', :city, 'fi')""")
                .param("s", shipment.id())
                .param("p", UUID.randomUUID())
                .param("sub", UUID.randomUUID())
                .param("number", number)
                .param("name", name)
                .param("street", street)
                .param("city", city)
                .update();
    }

    /** Collects every glyph with its position, and the glyphs of each text line. */
    private static final class Glyphs extends PDFTextStripper {

        final List<TextPosition> positions = new ArrayList<>();
        final List<List<TextPosition>> lines = new ArrayList<>();

        Glyphs() throws IOException {}

        @Override
        protected void writeString(String text, List<TextPosition> textPositions) throws IOException {
            positions.addAll(textPositions);
            lines.add(List.copyOf(textPositions));
            super.writeString(text, textPositions);
        }
    }
}
