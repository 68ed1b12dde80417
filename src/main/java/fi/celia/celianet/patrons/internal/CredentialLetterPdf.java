package fi.celia.celianet.patrons.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import fi.celia.celianet.shared.PatronServiceLink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDLayoutAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The printed credential letter: one PDF of any number of letters, each starting on a new A4 page, each in its
 * patron's language. The PDF is tagged (a structure tree of document, sections, headings, paragraphs and a figure;
 * language, title, real text in an embedded font), so a patron who reads it with a screen reader hears the same
 * letter a sighted patron reads. The name and postal address sit in the window of a Finnish window envelope; the
 * body is set in at least 16 pt for readers with low vision, the code in 26 pt.
 *
 * <p>Drawn with PDFBox directly rather than through an HTML renderer: the address must be placed to the millimetre,
 * and the tags are written here where the text is drawn, so what is tagged is exactly what is printed.
 */
@Component
public class CredentialLetterPdf {

    /** PostScript points in a millimetre. */
    static final float MM = 72f / 25.4f;

    static final PDRectangle PAGE = PDRectangle.A4;

    /*
     * The address window of a Finnish window envelope. SFS 2488 gives C5 (162 × 229 mm, the A4 sheet folded once)
     * and C65 (114 × 229 mm, the sheet folded twice) a 95 × 35 mm window, 18 mm from the envelope's left edge and
     * 40 mm from its top edge; SFS 2487 places the address field of an A4 document to match, from the 20 mm left
     * margin, on rows 10-15 of 1/6 inch (38.1-63.5 mm from the top), 76.2 mm wide (sources: SFS-käsikirja 76,
     * "Toimiston asiakirjat", 5th edition 2000, as quoted in the Finnish letter class SFS.lco of KOMA-Script,
     * koma-script-sfs in TeX Live).
     *
     * The folded sheet slides in the envelope: up to 19 mm sideways (229 - 210) and up to 13.5 mm (C5: 162 - 148.5)
     * or 15 mm (C65: 114 - 99) downwards. The part of the sheet that shows through the window wherever the sheet
     * lies is therefore 18-94 mm from the left edge and 40-60 mm from the top: the address goes there, starting at
     * the 20 mm margin of SFS 2487, and nothing else on the page does.
     */
    /** Left edge of the address, from the sheet's left edge (the SFS 2487 margin, inside the window's 18 mm). */
    static final float WINDOW_LEFT_MM = 20f;
    /** Right edge of what always shows through the window, from the sheet's left edge. */
    static final float WINDOW_RIGHT_MM = 94f;
    /** Top edge of what always shows through the window, from the sheet's top edge. */
    static final float WINDOW_TOP_MM = 40f;
    /** Bottom edge of what always shows through the window, from the sheet's top edge. */
    static final float WINDOW_BOTTOM_MM = 60f;

    /** How long a printed code is valid, as the letter says. */
    static final int CODE_VALID_DAYS = 30;

    static final String FONT = "fonts/DejaVuSans.ttf";
    static final String BOLD_FONT = "fonts/DejaVuSans-Bold.ttf";

    /** Body text: 16 pt at least, for readers with low vision. */
    static final float BODY_SIZE = 16f;

    static final float HEADING_SIZE = 24f;
    static final float SUBHEADING_SIZE = 19f;
    static final float SENDER_SIZE = 22f;
    /** The code the patron types: 26 pt, in bold. */
    static final float CODE_SIZE = 26f;
    /** The address for the post's sorting machines and carriers: Posti asks for 10-12 pt. */
    static final float ADDRESS_SIZE = 12f;

    static final float MIN_ADDRESS_SIZE = 8f;
    static final float LEADING = 1.35f;
    static final float MARGIN_LEFT = 20f * MM;
    static final float MARGIN_RIGHT = 20f * MM;
    static final float TEXT_WIDTH = PAGE.getWidth() - MARGIN_LEFT - MARGIN_RIGHT;
    static final float SENDER_TOP = 12f * MM;
    /** The body starts below the lowest the window can reach on the sheet (75 mm, the sheet at the envelope's top). */
    static final float BODY_TOP = 78f * MM;
    /** The patron number's column, right of the widest the window can reach on the sheet (113 mm). */
    static final float INFO_LEFT = 122f * MM;

    static final float NUMBER_SIZE = 20f;
    /** Where the text goes on from the top of a letter's second page. */
    static final float CONTINUED_TOP = 20f * MM;

    static final float BOTTOM = PAGE.getHeight() - 12f * MM;
    static final float QR_SIZE = 36f * MM;
    /** Space between the text and the QR code: more than the four modules of quiet zone a reader needs. */
    static final float QR_GAP = 8f * MM;
    /** The QR code's top edge below the top of the instructions beside it. */
    static final float QR_TOP = 3f * MM;

    private static final String KEY = "patrons.letterPdf.";
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final MessageSource messages;
    private final PatronServiceLink patronService;

    CredentialLetterPdf(MessageSource messages, PatronServiceLink patronService) {
        this.messages = messages;
        this.patronService = patronService;
    }

    /**
     * One PDF of the given letters, each from a new page, in the order given.
     *
     * @throws IllegalArgumentException when there is no letter: a PDF needs a page
     */
    public byte[] render(List<CredentialLetter> letters) {
        if (letters.isEmpty()) {
            throw new IllegalArgumentException("No letters to render");
        }
        try (PDDocument document = new PDDocument()) {
            Writer writer = new Writer(document);
            for (CredentialLetter letter : letters) {
                writer.letter(letter);
            }
            writer.finish(letters);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(KEY + key, args, locale);
    }

    /** Lays out the letters page by page and tags every piece of text as it is drawn. */
    private final class Writer {

        private final PDDocument document;
        private final PDFont regular;
        private final PDFont bold;
        private final PDStructureTreeRoot root;
        private final PDStructureElement documentElement;
        private final Map<Integer, COSArray> parentTree = new TreeMap<>();

        private PDPage page;
        private PDPageContentStream content;
        private COSArray pageParents;
        private int mcid;
        /** Distance from the top of the page to the top of the next line, in points. */
        private float cursor;

        private PDStructureElement section;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            this.regular = load(document, FONT);
            this.bold = load(document, BOLD_FONT);
            this.root = new PDStructureTreeRoot();
            document.getDocumentCatalog().setStructureTreeRoot(root);
            this.documentElement = new PDStructureElement(StandardStructureTypes.DOCUMENT, root);
            root.appendKid(documentElement);
        }

        private static PDFont load(PDDocument document, String resource) throws IOException {
            try (InputStream in = new ClassPathResource(resource).getInputStream()) {
                return PDType0Font.load(document, in, true);
            }
        }

        void letter(CredentialLetter letter) throws IOException {
            Locale locale = letter.letterLanguage();
            section = new PDStructureElement(StandardStructureTypes.SECT, documentElement);
            section.setLanguage(locale.getLanguage());
            documentElement.appendKid(section);
            newPage();

            // The sender, above the window: never seen through it.
            PDStructureElement sender = element(StandardStructureTypes.P);
            line(
                    sender,
                    bold,
                    SENDER_SIZE,
                    MARGIN_LEFT,
                    SENDER_TOP + ascent(bold, SENDER_SIZE),
                    text("sender", locale));

            address(letter);

            // The patron number beside the window, where a letter's reference stands.
            PDStructureElement number = element(StandardStructureTypes.P);
            float top = WINDOW_TOP_MM * MM;
            line(
                    number,
                    regular,
                    BODY_SIZE,
                    INFO_LEFT,
                    top + ascent(regular, BODY_SIZE),
                    text("patronNumberLabel", locale));
            line(
                    number,
                    bold,
                    NUMBER_SIZE,
                    INFO_LEFT,
                    top + BODY_SIZE * LEADING + ascent(bold, NUMBER_SIZE),
                    printable(bold, letter.patronNumber()));

            cursor = BODY_TOP;
            block(StandardStructureTypes.H1, bold, HEADING_SIZE, text("heading", locale), TEXT_WIDTH, 0.5f);
            paragraph(text("greeting", locale, letter.name()));
            paragraph(text("intro", locale));

            block(StandardStructureTypes.H2, bold, SUBHEADING_SIZE, text("activateHeading", locale), TEXT_WIDTH, 0.3f);
            activation(letter, locale);
            paragraph(text("validity", locale, CODE_VALID_DAYS));

            block(StandardStructureTypes.H2, bold, SUBHEADING_SIZE, text("signInHeading", locale), TEXT_WIDTH, 0.3f);
            paragraph(text(
                    "signIn",
                    locale,
                    patronService.name(locale),
                    CredentialLetter.readable(patronService.url()),
                    letter.patronNumber()));
            paragraph(text("contact", locale, CredentialLetter.readable(patronService.url())));
        }

        /** The name and the address in the envelope's window, in one size that fits the window. */
        private void address(CredentialLetter letter) throws IOException {
            List<String> lines = new ArrayList<>();
            lines.add(printable(regular, letter.name()));
            String street = letter.address().street();
            if (street != null) {
                street.lines()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .forEach(s -> lines.add(printable(regular, s)));
            }
            String place = String.join(
                            " ",
                            nullToEmpty(letter.address().postalCode()),
                            nullToEmpty(letter.address().city()))
                    .strip();
            if (!place.isEmpty()) {
                lines.add(printable(regular, place));
            }
            float width = (WINDOW_RIGHT_MM - WINDOW_LEFT_MM - 1f) * MM;
            float height = (WINDOW_BOTTOM_MM - WINDOW_TOP_MM - 1f) * MM;
            // The largest size up to 12 pt at which the lines, wrapped to the window's width, fit its height.
            float size = ADDRESS_SIZE;
            List<String> wrapped = wrapAll(lines, size, width);
            while (size > MIN_ADDRESS_SIZE && !fits(wrapped, size, height)) {
                size -= 0.5f;
                wrapped = wrapAll(lines, size, width);
            }
            float leading = size * 1.2f;
            PDStructureElement element = element(StandardStructureTypes.P);
            float baseline = (WINDOW_TOP_MM + 0.5f) * MM + ascent(regular, size);
            for (String text : wrapped) {
                line(element, regular, size, WINDOW_LEFT_MM * MM, baseline, text);
                baseline += leading;
            }
        }

        private List<String> wrapAll(List<String> lines, float size, float width) throws IOException {
            List<String> wrapped = new ArrayList<>();
            for (String text : lines) {
                wrapped.addAll(wrap(regular, size, text, width));
            }
            return wrapped;
        }

        private boolean fits(List<String> lines, float size, float height) {
            float needed = ascent(regular, size) + (lines.size() - 1) * size * 1.2f + descent(regular, size);
            return needed <= height;
        }

        /** The instructions and the code on the left, the QR code on their right. */
        private void activation(CredentialLetter letter, Locale locale) throws IOException {
            float column = TEXT_WIDTH - QR_SIZE - QR_GAP;
            float needed = Math.max(QR_SIZE, 5 * BODY_SIZE * LEADING + CODE_SIZE * LEADING);
            if (cursor + needed > BOTTOM) {
                newPage();
            }
            float top = cursor;
            block(
                    StandardStructureTypes.P,
                    regular,
                    BODY_SIZE,
                    text("activate", locale, letter.activateAddress()),
                    column,
                    0.5f);
            block(StandardStructureTypes.P, bold, CODE_SIZE, letter.code(), column, 0.3f);
            float textBottom = cursor;
            qr(letter, locale, MARGIN_LEFT + TEXT_WIDTH - QR_SIZE, top + QR_TOP);
            cursor = Math.max(textBottom, top + QR_TOP + QR_SIZE + BODY_SIZE * 0.6f);
        }

        /** The QR code that opens the activation address, the code filled in: a figure of filled squares. */
        private void qr(CredentialLetter letter, Locale locale, float x, float top) throws IOException {
            BitMatrix matrix;
            try {
                matrix = new QRCodeWriter()
                        .encode(
                                letter.activateUrl(),
                                BarcodeFormat.QR_CODE,
                                0,
                                0,
                                Map.of(
                                        EncodeHintType.ERROR_CORRECTION,
                                        ErrorCorrectionLevel.M,
                                        EncodeHintType.MARGIN,
                                        0,
                                        EncodeHintType.CHARACTER_SET,
                                        StandardCharsets.UTF_8.name()));
            } catch (WriterException e) {
                throw new IllegalArgumentException("The activation address does not fit in a QR code", e);
            }
            PDStructureElement figure = element(StandardStructureTypes.Figure);
            figure.setAlternateDescription(text("qrAlt", locale, letter.activateAddress()));
            float module = QR_SIZE / matrix.getWidth();
            float bottom = PAGE.getHeight() - top - QR_SIZE;
            PDLayoutAttributeObject layout = new PDLayoutAttributeObject();
            layout.setBBox(new PDRectangle(x, bottom, QR_SIZE, QR_SIZE));
            figure.addAttribute(layout);
            int id = begin(figure, COSName.getPDFName(StandardStructureTypes.Figure));
            for (int row = 0; row < matrix.getHeight(); row++) {
                int column = 0;
                while (column < matrix.getWidth()) {
                    if (!matrix.get(column, row)) {
                        column++;
                        continue;
                    }
                    int start = column;
                    while (column < matrix.getWidth() && matrix.get(column, row)) {
                        column++;
                    }
                    float y = PAGE.getHeight() - top - (row + 1) * module;
                    content.addRect(x + start * module, y, (column - start) * module, module);
                }
            }
            content.fill();
            end(figure, id);
        }

        private void paragraph(String text) throws IOException {
            block(StandardStructureTypes.P, regular, BODY_SIZE, text, TEXT_WIDTH, 0.6f);
        }

        /** One tagged block of wrapped lines, followed by {@code after} × its size of space. */
        private void block(String type, PDFont font, float size, String text, float width, float after)
                throws IOException {
            float leading = size * LEADING;
            List<String> lines = wrap(font, size, printable(font, text), width);
            // A heading is kept with the two lines that follow it.
            float keep = type.startsWith("H") ? leading + 2 * BODY_SIZE * LEADING : leading;
            if (cursor + keep > BOTTOM) {
                newPage();
            }
            PDStructureElement element = element(type);
            for (String row : lines) {
                if (cursor + leading > BOTTOM) {
                    newPage();
                }
                line(element, font, size, MARGIN_LEFT, cursor + ascent(font, size), row);
                cursor += leading;
            }
            cursor += after * size;
        }

        /** One line of text at {@code baseline} points from the top, as marked content of {@code element}. */
        private void line(PDStructureElement element, PDFont font, float size, float x, float baseline, String text)
                throws IOException {
            int id = begin(element, COSName.getPDFName(element.getStructureType()));
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, PAGE.getHeight() - baseline);
            content.showText(text);
            content.endText();
            end(element, id);
        }

        private int begin(PDStructureElement element, COSName tag) throws IOException {
            int id = mcid++;
            COSDictionary properties = new COSDictionary();
            properties.setInt(COSName.MCID, id);
            content.beginMarkedContent(tag, PDPropertyList.create(properties));
            pageParents.add(element);
            return id;
        }

        private void end(PDStructureElement element, int id) throws IOException {
            content.endMarkedContent();
            if (page.equals(element.getPage())) {
                COSDictionary properties = new COSDictionary();
                properties.setInt(COSName.MCID, id);
                element.appendKid(PDMarkedContent.create(COSName.getPDFName(element.getStructureType()), properties));
            } else {
                // Continued on a later page: a reference that names its page.
                PDMarkedContentReference reference = new PDMarkedContentReference();
                reference.setPage(page);
                reference.setMCID(id);
                element.appendKid(reference);
            }
        }

        private PDStructureElement element(String type) {
            PDStructureElement element = new PDStructureElement(type, section);
            element.setPage(page);
            section.appendKid(element);
            return element;
        }

        private void newPage() throws IOException {
            closePage();
            page = new PDPage(PAGE);
            document.addPage(page);
            int key = parentTree.size();
            page.setStructParents(key);
            pageParents = new COSArray();
            parentTree.put(key, pageParents);
            // Tab order follows the structure (PDF/UA).
            page.getCOSObject().setName(COSName.getPDFName("Tabs"), "S");
            content = new PDPageContentStream(document, page);
            mcid = 0;
            cursor = CONTINUED_TOP;
        }

        private void closePage() throws IOException {
            if (content != null) {
                content.close();
                content = null;
            }
        }

        void finish(List<CredentialLetter> letters) throws IOException {
            closePage();
            PDNumberTreeNode tree = new PDNumberTreeNode(PDParentTreeValue.class);
            Map<Integer, PDParentTreeValue> numbers = new TreeMap<>();
            parentTree.forEach((key, array) -> numbers.put(key, new PDParentTreeValue(array)));
            tree.setNumbers(numbers);
            root.setParentTree(tree);
            root.setParentTreeNextKey(parentTree.size());

            Locale first = letters.isEmpty()
                    ? Locale.forLanguageTag("fi")
                    : letters.get(0).letterLanguage();
            String title = letters.size() == 1 ? text("heading", first) : text("batchTitle", first, letters.size());
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            catalog.setLanguage(first.getLanguage());
            documentElement.setLanguage(first.getLanguage());
            PDMarkInfo markInfo = new PDMarkInfo();
            markInfo.setMarked(true);
            catalog.setMarkInfo(markInfo);
            PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
            preferences.setDisplayDocTitle(true);
            catalog.setViewerPreferences(preferences);
            document.getDocumentInformation().setTitle(title);
            document.getDocumentInformation().setCreator("Celianet");
            PDMetadata metadata = new PDMetadata(document);
            metadata.importXMPMetadata(xmp(title, first.getLanguage()).getBytes(StandardCharsets.UTF_8));
            catalog.setMetadata(metadata);
        }
    }

    /**
     * XMP metadata: the title (which PDF/UA readers show), the language, and the PDF/UA-1 identification. veraPDF's
     * PDF/UA-1 profile finds no fault in the letters; what no machine can check (that the reading order and the
     * alternative text make sense) the tests of this class check by reading the letter back.
     */
    static String xmp(String title, String language) {
        return """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
                <dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>
                <dc:format>application/pdf</dc:format>
                </rdf:Description>
                <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
                <pdfuaid:part>1</pdfuaid:part>
                </rdf:Description>
                </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>"""
                .formatted(escapeXml(title), escapeXml(language));
    }

    private static String escapeXml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Greedy line breaking on spaces; a word wider than the line is broken where it must be. */
    static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        float used = 0;
        float space = width(font, size, " ");
        for (String word : SPACES.splitAsStream(text.strip()).toList()) {
            float wordWidth = width(font, size, word);
            if (current.length() > 0 && used + space + wordWidth <= width) {
                current.append(' ').append(word);
                used += space + wordWidth;
                continue;
            }
            if (current.length() > 0) {
                lines.add(current.toString());
                current.setLength(0);
            }
            String rest = word;
            while (wordWidth > width && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(font, size, rest.substring(0, cut)) > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
                wordWidth = width(font, size, rest);
            }
            current.append(rest);
            used = wordWidth;
        }
        if (current.length() > 0) {
            lines.add(current.toString());
        }
        return lines;
    }

    static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000f * size;
    }

    static float ascent(PDFont font, float size) {
        return font.getFontDescriptor().getAscent() / 1000f * size;
    }

    static float descent(PDFont font, float size) {
        return -font.getFontDescriptor().getDescent() / 1000f * size;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    /** The text with control characters made spaces and characters the font cannot draw made question marks. */
    static String printable(PDFont font, String text) {
        StringBuilder kept = new StringBuilder();
        (text == null ? "" : text).codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                kept.append(' ');
                return;
            }
            String one = new String(Character.toChars(cp));
            try {
                font.encode(one);
                kept.append(one);
            } catch (IllegalArgumentException | IOException e) {
                kept.append('?');
            }
        });
        return kept.toString();
    }
}
