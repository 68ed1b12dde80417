package fi.celia.celianet.bookclubs.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;

/**
 * A4 sheets of 3×8 address labels. Every line fits its label, whatever its length: the type shrinks from 10 pt down
 * to 6 pt, then the line wraps onto a second line, and what still does not fit ends in an ellipsis. Characters are
 * drawn in DejaVu Sans; those it lacks (Chinese, Japanese and Korean ones) in Droid Sans Fallback, loaded only when
 * a label needs it; a character neither has is drawn as the replacement character U+FFFD, visibly a stand-in.
 */
final class LabelSheet {

    static final String FONT = "fonts/DejaVuSans.ttf";
    static final String FALLBACK_FONT = "fonts/DroidSansFallback.ttf";
    static final int COLUMNS = 3;
    static final int ROWS = 8;
    static final float PADDING = 14f;
    static final float FONT_SIZE = 10f;
    static final float MIN_FONT_SIZE = 6f;
    static final float LEADING = 1.25f;
    static final String ELLIPSIS = "\u2026";
    static final String SUBSTITUTE = "\uFFFD";

    static final float LABEL_WIDTH = PDRectangle.A4.getWidth() / COLUMNS;
    static final float LABEL_HEIGHT = PDRectangle.A4.getHeight() / ROWS;

    private final PDDocument document;
    private final PDType0Font font;
    private PDType0Font fallback;
    private final Map<Integer, PDType0Font> fontOf = new HashMap<>();
    private PDPageContentStream page;
    private int index;

    LabelSheet(PDDocument document) throws IOException {
        this.document = document;
        try (InputStream in = new ClassPathResource(FONT).getInputStream()) {
            this.font = PDType0Font.load(document, in, true);
        }
    }

    /** One label: its lines top down (name, street lines, postal code and city). */
    void add(List<String> lines) {
        try {
            int slot = index % (COLUMNS * ROWS);
            if (slot == 0) {
                finish();
                PDPage next = new PDPage(PDRectangle.A4);
                document.addPage(next);
                page = new PDPageContentStream(document, next);
            }
            float x = slot % COLUMNS * LABEL_WIDTH + PADDING;
            float top = PDRectangle.A4.getHeight() - slot / COLUMNS * LABEL_HEIGHT - PADDING;
            float y = top;
            for (Line line : layout(lines, LABEL_WIDTH - 2 * PADDING, LABEL_HEIGHT - 2 * PADDING)) {
                y -= line.size();
                draw(line, x, y);
                y -= line.size() * (LEADING - 1);
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

    /** A printed line: its text (characters no font has already replaced) and type size. */
    record Line(String text, float size) {}

    /**
     * The printed lines of a label within {@code width} by {@code height} points: each address line at the largest
     * size that fits it, else on two lines at the smallest size, the second ending in an ellipsis if it must; when
     * that is too tall for the label, every line on one line at the smallest size, and what is still too many
     * lines left out from the middle (the street), keeping the name and the postal code and city.
     */
    List<Line> layout(List<String> lines, float width, float height) throws IOException {
        List<String> texts = lines.stream().map(this::printable).toList();
        List<Line> laid = new ArrayList<>();
        for (String text : texts) {
            laid.addAll(fit(text, width));
        }
        if (heightOf(laid) <= height) {
            return laid;
        }
        laid.clear();
        for (String text : texts) {
            laid.add(new Line(ellipsized(text, width, MIN_FONT_SIZE), MIN_FONT_SIZE));
        }
        while (laid.size() > 2 && heightOf(laid) > height) {
            laid.remove(laid.size() - 2);
        }
        return laid;
    }

    private List<Line> fit(String text, float width) throws IOException {
        for (float size = FONT_SIZE; size >= MIN_FONT_SIZE; size -= 0.5f) {
            if (width(text, size) <= width) {
                return List.of(new Line(text, size));
            }
        }
        int[] cps = text.codePoints().toArray();
        int end = 0;
        // The longest start that fits, broken after a space when there is one, else between any two characters.
        int lastSpace = -1;
        for (int i = 1; i <= cps.length; i++) {
            if (width(new String(cps, 0, i), MIN_FONT_SIZE) > width) {
                break;
            }
            end = i;
            if (i < cps.length && Character.isWhitespace(cps[i])) {
                lastSpace = i;
            }
        }
        int cut = lastSpace > 0 ? lastSpace : Math.max(end, 1);
        String first = new String(cps, 0, cut).strip();
        String rest = new String(cps, cut, cps.length - cut).strip();
        return List.of(new Line(first, MIN_FONT_SIZE), new Line(ellipsized(rest, width, MIN_FONT_SIZE), MIN_FONT_SIZE));
    }

    private String ellipsized(String text, float width, float size) throws IOException {
        if (width(text, size) <= width) {
            return text;
        }
        int[] cps = text.codePoints().toArray();
        for (int i = cps.length - 1; i > 0; i--) {
            String shortened = new String(cps, 0, i).stripTrailing() + ELLIPSIS;
            if (width(shortened, size) <= width) {
                return shortened;
            }
        }
        return ELLIPSIS;
    }

    private static float heightOf(List<Line> lines) {
        return (float) lines.stream().mapToDouble(l -> l.size() * LEADING).sum();
    }

    /** The width of the text at {@code size}, each character in the font that draws it. */
    float width(String text, float size) throws IOException {
        float units = 0;
        for (Run run : runs(text)) {
            units += run.font().getStringWidth(run.text());
        }
        return units / 1000f * size;
    }

    private void draw(Line line, float x, float y) throws IOException {
        float at = x;
        for (Run run : runs(line.text())) {
            page.beginText();
            page.setFont(run.font(), line.size());
            page.newLineAtOffset(at, y);
            page.showText(run.text());
            page.endText();
            at += run.font().getStringWidth(run.text()) / 1000f * line.size();
        }
    }

    private record Run(PDType0Font font, String text) {}

    /** The text cut into runs of one font each. */
    private List<Run> runs(String text) throws IOException {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        PDType0Font currentFont = null;
        for (int cp : text.codePoints().toArray()) {
            PDType0Font f = fontFor(cp);
            if (f != currentFont && !current.isEmpty()) {
                runs.add(new Run(currentFont, current.toString()));
                current.setLength(0);
            }
            currentFont = f;
            current.appendCodePoint(cp);
        }
        if (!current.isEmpty()) {
            runs.add(new Run(currentFont, current.toString()));
        }
        return runs;
    }

    /** The text with every character that no font draws replaced by {@link #SUBSTITUTE}, and line breaks as spaces. */
    String printable(String text) {
        StringBuilder kept = new StringBuilder();
        (text == null ? "" : text).codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                kept.append(' ');
            } else if (fontFor(cp) != null) {
                kept.appendCodePoint(cp);
            } else {
                kept.append(SUBSTITUTE);
            }
        });
        return kept.toString().strip();
    }

    /** DejaVu Sans when it has the character, else the fallback when it has it, else null. */
    private PDType0Font fontFor(int codePoint) {
        return fontOf.computeIfAbsent(codePoint, cp -> {
            String one = new String(Character.toChars(cp));
            if (draws(font, one)) {
                return font;
            }
            PDType0Font other = fallback();
            return draws(other, one) ? other : null;
        });
    }

    private PDType0Font fallback() {
        if (fallback == null) {
            try (InputStream in = new ClassPathResource(FALLBACK_FONT).getInputStream()) {
                fallback = PDType0Font.load(document, in, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return fallback;
    }

    private static boolean draws(PDType0Font font, String character) {
        try {
            font.encode(character);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
