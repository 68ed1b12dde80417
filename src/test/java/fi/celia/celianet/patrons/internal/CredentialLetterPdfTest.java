package fi.celia.celianet.patrons.internal;

import static fi.celia.celianet.patrons.internal.CredentialLetterPdf.MM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import fi.celia.celianet.shared.CelianetProperties;
import fi.celia.celianet.shared.PatronServiceLink;
import fi.celia.celianet.shared.PostalAddress;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.context.support.StaticMessageSource;

/** The credential letter as the patron gets it, read back from the PDF: no Spring context, no database. */
class CredentialLetterPdfTest {

    static final String URL = "https://celianet.example.fi/activate?code=K7QM3XPDWR9A";

    static final CredentialLetterPdf PDF = new CredentialLetterPdf(messages(), patronService());

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    static PatronServiceLink patronService() {
        return new PatronServiceLink(new CelianetProperties(
                "https://celianet.example.fi",
                null,
                null,
                new CelianetProperties.PatronService(
                        "https://celia.fi",
                        Map.of(
                                "fi", "Celian verkkokirjasto",
                                "sv", "Celias webbibliotek",
                                "en", "Celia online library")),
                null,
                null));
    }

    static CredentialLetter letter(String language) {
        return new CredentialLetter(
                Locale.forLanguageTag(language),
                "Åsa Öhman-Äijälä",
                new PostalAddress("Kirjastokatu 1 A 5", "00100", "Helsinki"),
                "C1234567",
                "K7QM-3XPD-WR9A",
                URL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fi", "sv", "en"})
    void theLetterIsOneA4PageOfRealTextInThePatronsLanguage(String language) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(PDF.render(List.of(letter(language))))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            PDRectangle size = pdf.getPage(0).getMediaBox();
            assertThat(size.getWidth() / MM).isCloseTo(210f, Offset.offset(0.5f));
            assertThat(size.getHeight() / MM).isCloseTo(297f, Offset.offset(0.5f));

            String text = new PDFTextStripper().getText(pdf);
            assertThat(text)
                    .contains("Åsa Öhman-Äijälä")
                    .contains("Kirjastokatu 1 A 5")
                    .contains("00100 Helsinki")
                    .contains("C1234567")
                    .contains("K7QM-3XPD-WR9A")
                    .contains("celianet.example.fi/activate")
                    .contains("celia.fi")
                    .doesNotContain("?code=");
            String heading = messages().getMessage("patrons.letterPdf.heading", null, Locale.forLanguageTag(language));
            String service = patronService().name(Locale.forLanguageTag(language));
            assertThat(text).contains(heading).contains(service);
            assertThat(text)
                    .contains(
                            switch (language) {
                                case "sv" -> "Koden gäller i 30 dagar";
                                case "en" -> "valid for 30 days";
                                default -> "voimassa 30 päivää";
                            });
        }
    }

    @ParameterizedTest
    @MethodSource("addresses")
    void theNameAndAddressLieInsideTheEnvelopeWindowAndNothingElseShows(String name, PostalAddress address)
            throws IOException {
        CredentialLetter letter =
                new CredentialLetter(Locale.forLanguageTag("fi"), name, address, "C7654321", "ABCD-EFGH-JKLM", URL);
        try (PDDocument pdf = Loader.loadPDF(PDF.render(List.of(letter)))) {
            List<TextPosition> glyphs = glyphs(pdf, 1);

            // Whatever shows through the window wherever the sheet lies: the window moved by the sheet's play.
            List<TextPosition> seen = glyphs.stream()
                    .filter(g -> overlaps(g, 18f - 19f, 113f, 40f - 15f, 75f))
                    .toList();
            String expected = Stream.concat(
                            Stream.concat(Stream.of(name), address.street().lines()),
                            Stream.of(address.postalCode() + " " + address.city()))
                    .collect(Collectors.joining())
                    .replaceAll("\\s", "");
            assertThat(seen.stream().map(TextPosition::getUnicode).collect(Collectors.joining()))
                    .as("the text that can show through the window is the name and the address, in order")
                    .isEqualTo(expected);
            for (TextPosition g : seen) {
                assertThat(left(g) / MM).as("left of %s", g).isGreaterThanOrEqualTo(CredentialLetterPdf.WINDOW_LEFT_MM);
                assertThat(right(g) / MM).as("right of %s", g).isLessThanOrEqualTo(CredentialLetterPdf.WINDOW_RIGHT_MM);
                assertThat(top(g) / MM).as("top of %s", g).isGreaterThanOrEqualTo(CredentialLetterPdf.WINDOW_TOP_MM);
                assertThat(bottom(g) / MM)
                        .as("bottom of %s", g)
                        .isLessThanOrEqualTo(CredentialLetterPdf.WINDOW_BOTTOM_MM);
            }
        }
    }

    static Stream<Arguments> addresses() {
        return Stream.of(
                Arguments.of("Åsa Öhman", new PostalAddress("Kirjastokatu 1", "00100", "Helsinki")),
                Arguments.of(
                        "Maija Meikäläinen",
                        new PostalAddress("c/o Virtanen\nMannerheimintie 123 B 45", "00250", "Helsinki")),
                Arguments.of(
                        "Aleksanteri Kristian Johannes Väänänen-Hämäläinen",
                        new PostalAddress("Pohjois-Haagan Palvelutalo\nKaupintie 11 A 1", "00440", "Helsingfors")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fi", "sv", "en"})
    void bodyTextIsAtLeastSixteenPointAndTheCodeAtLeastTwentyTwo(String language) throws IOException {
        CredentialLetter letter = letter(language);
        try (PDDocument pdf = Loader.loadPDF(PDF.render(List.of(letter)))) {
            List<Word> words = words(pdf, 1);
            List<Word> body = words.stream()
                    .filter(w -> top(w.glyphs.get(0)) / MM > CredentialLetterPdf.WINDOW_BOTTOM_MM
                            || bottom(w.glyphs.get(0)) / MM < CredentialLetterPdf.WINDOW_TOP_MM)
                    .toList();
            assertThat(body.stream().mapToInt(w -> w.glyphs.size()).sum()).isGreaterThan(500);
            for (Word w : body) {
                assertThat(w.glyphs).as("the size of \"%s\"", w.text).allSatisfy(g -> assertThat(g.getFontSizeInPt())
                        .isGreaterThanOrEqualTo(16f));
            }
            List<Word> code =
                    words.stream().filter(w -> w.text.equals(letter.code())).toList();
            assertThat(code).hasSize(1);
            assertThat(code.get(0).glyphs)
                    .allSatisfy(g -> assertThat(g.getFontSizeInPt()).isGreaterThanOrEqualTo(22f));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fi", "sv", "en"})
    void theQrCodeOnThePrintedPageOpensTheActivationAddressWithTheCode(String language) throws Exception {
        try (PDDocument pdf = Loader.loadPDF(PDF.render(List.of(letter(language))))) {
            BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 150);
            assertThat(decode(image)).isEqualTo(URL);
        }
    }

    @Test
    void theLetterIsATaggedPdfWithTitleLanguageAndAFigureWithAltText() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(PDF.render(List.of(letter("sv"))))) {
            PDDocumentCatalog catalog = pdf.getDocumentCatalog();
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getLanguage()).isEqualTo("sv");
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Välkommen som kund hos Celia");
            assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(new String(catalog.getMetadata().toByteArray(), StandardCharsets.UTF_8))
                    .contains("<rdf:li xml:lang=\"x-default\">Välkommen som kund hos Celia</rdf:li>")
                    .contains("<pdfuaid:part>1</pdfuaid:part>");

            List<PDStructureElement> elements = new ArrayList<>();
            collect(catalog.getStructureTreeRoot(), elements);
            assertThat(elements.get(0).getStructureType()).isEqualTo("Document");
            assertThat(elements.stream().map(PDStructureElement::getStructureType))
                    .contains("Document", "Sect", "H1", "H2", "P", "Figure");
            PDStructureElement section = elements.stream()
                    .filter(e -> e.getStructureType().equals("Sect"))
                    .findFirst()
                    .orElseThrow();
            assertThat(section.getLanguage()).isEqualTo("sv");
            PDStructureElement figure = elements.stream()
                    .filter(e -> e.getStructureType().equals("Figure"))
                    .findFirst()
                    .orElseThrow();
            assertThat(figure.getAlternateDescription()).contains("QR").contains("celianet.example.fi/activate");
            // Reading order: sender, address, patron number, then the letter itself.
            assertThat(section.getKids().stream()
                            .map(kid -> ((PDStructureElement) kid).getStructureType())
                            .toList())
                    .containsExactly("P", "P", "P", "H1", "P", "P", "H2", "P", "P", "Figure", "P", "H2", "P", "P");

            PDPage page = pdf.getPage(0);
            assertThat(page.getStructParents()).isZero();
            assertThat(catalog.getStructureTreeRoot().getParentTree()).isNotNull();
        }
    }

    @Test
    void everyCharacterOnThePageIsTaggedContent() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(PDF.render(List.of(letter("fi"))))) {
            PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
            extractor.processPage(pdf.getPage(0));
            int tagged = 0;
            for (PDMarkedContent content : extractor.getMarkedContents()) {
                assertThat(content.getMCID()).isGreaterThanOrEqualTo(0);
                assertThat(content.getTag()).isNotNull();
                tagged += (int) content.getContents().stream()
                        .filter(TextPosition.class::isInstance)
                        .filter(g -> !((TextPosition) g).getUnicode().isBlank())
                        .count();
            }
            int all = glyphs(pdf, 1).size();
            assertThat(tagged).isEqualTo(all);
        }
    }

    @Test
    void theParentTreeLeadsEveryMarkedContentBackToTheElementThatHoldsIt() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(PDF.render(List.of(letter("en"))))) {
            assertParentTreeMatches(pdf);
        }
    }

    @Test
    void aLetterTooLongForOnePageGoesOnToASecondPageAndStaysTagged() throws IOException {
        StaticMessageSource longer = new StaticMessageSource();
        longer.setParentMessageSource(messages());
        longer.addMessage(
                "patrons.letterPdf.intro",
                Locale.forLanguageTag("fi"),
                String.join(" ", Collections.nCopies(25, "Celia tuottaa äänikirjoja ja muita saavutettavia kirjoja.")));
        CredentialLetterPdf pdf = new CredentialLetterPdf(longer, patronService());
        try (PDDocument document = Loader.loadPDF(pdf.render(List.of(letter("fi"), letter("sv"))))) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
            assertThat(pageText(document, 1)).contains("Tervetuloa", "Åsa Öhman-Äijälä");
            assertThat(pageText(document, 2)).contains("K7QM-3XPD-WR9A", "C1234567");
            assertThat(pageText(document, 3)).contains("Välkommen");
            assertThat(decode(new PDFRenderer(document).renderImageWithDPI(1, 150)))
                    .isEqualTo(URL);
            for (int page = 1; page <= 3; page++) {
                assertThat(document.getPage(page - 1).getStructParents()).isEqualTo(page - 1);
                List<TextPosition> glyphs = glyphs(document, page);
                assertThat(glyphs).allSatisfy(g -> assertThat(bottom(g) / MM).isLessThan(297f - 10f));
            }
            assertParentTreeMatches(document);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theAddressToTypeIsShownWithoutSchemeOrCodeAndAnUnknownLanguageReadsAsFinnish() throws IOException {
        CredentialLetter german = new CredentialLetter(
                Locale.GERMAN,
                "Anna Schmidt",
                new PostalAddress("Hämeenkatu 5", "33100", "Tampere"),
                "C4444444",
                "K7QM-3XPD-WR9A",
                "http://localhost:8080/activate/?code=K7QM3XPDWR9A#top");
        assertThat(german.activateAddress()).isEqualTo("localhost:8080/activate");
        assertThat(german.letterLanguage()).isEqualTo(Locale.forLanguageTag("fi"));
        try (PDDocument pdf = Loader.loadPDF(PDF.render(List.of(german)))) {
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("fi");
            assertThat(new PDFTextStripper().getText(pdf)).contains("Tervetuloa", "localhost:8080/activate");
        }
    }

    @Test
    void noLettersIsRefused() {
        assertThatThrownBy(() -> PDF.render(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBatchOfTwoHundredLettersIsTwoHundredPages() throws IOException {
        byte[] bytes = PDF.render(Collections.nCopies(200, letter("fi")));
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(200);
            assertThat(pageText(pdf, 200)).contains("K7QM-3XPD-WR9A");
        }
    }

    @Test
    void fontsAreEmbeddedSubsetsThatHoldTheFinnishAndSwedishLetters() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(PDF.render(List.of(letter("fi"))))) {
            PDPage page = pdf.getPage(0);
            List<String> fonts = new ArrayList<>();
            for (COSName name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                fonts.add(font.getName());
            }
            assertThat(fonts).isNotEmpty().allMatch(n -> n.matches("[A-Z]{6}\\+DejaVuSans.*"));
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains("Åsa Öhman-Äijälä")
                    .contains("käyttöön");
        }
    }

    @Test
    void severalLettersEachStartOnTheirOwnPageInTheirOwnLanguage() throws Exception {
        CredentialLetter fi = letter("fi");
        CredentialLetter sv = new CredentialLetter(
                Locale.forLanguageTag("sv"),
                "Björn Sjöberg",
                new PostalAddress("Strandvägen 2", "65100", "Vasa"),
                "C2222222",
                "MNPR-TVWX-Y234",
                "https://celianet.example.fi/activate?code=MNPRTVWXY234");
        CredentialLetter en = new CredentialLetter(
                Locale.forLanguageTag("en"),
                "Jane Doe",
                new PostalAddress("Ratakatu 3", "20100", "Turku"),
                "C3333333",
                "5678-9ABC-DEFG",
                "https://celianet.example.fi/activate?code=56789ABCDEFG");
        try (PDDocument pdf = Loader.loadPDF(PDF.render(List.of(fi, sv, en)))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(3);
            assertThat(pageText(pdf, 1)).contains("Åsa Öhman-Äijälä", "Tervetuloa", "K7QM-3XPD-WR9A");
            assertThat(pageText(pdf, 2)).contains("Björn Sjöberg", "Välkommen", "MNPR-TVWX-Y234");
            assertThat(pageText(pdf, 3)).contains("Jane Doe", "Welcome", "5678-9ABC-DEFG");
            assertThat(pageText(pdf, 2)).doesNotContain("Åsa", "Jane");

            List<PDStructureElement> elements = new ArrayList<>();
            collect(pdf.getDocumentCatalog().getStructureTreeRoot(), elements);
            assertThat(elements.stream()
                            .filter(e -> e.getStructureType().equals("Sect"))
                            .map(PDStructureElement::getLanguage))
                    .containsExactly("fi", "sv", "en");
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Celian tunnuskirjeet (3 kpl)");

            BufferedImage second = new PDFRenderer(pdf).renderImageWithDPI(1, 150);
            assertThat(decode(second)).isEqualTo("https://celianet.example.fi/activate?code=MNPRTVWXY234");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fi", "sv", "en"})
    void writesTheLetterAsAnImageToLookAt(String language) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(PDF.render(List.of(letter(language))))) {
            BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 100);
            Path file = Path.of("target", "letter-" + language + ".png");
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
            assertThat(file).isNotEmptyFile();
        }
    }

    // --- reading the PDF back

    /**
     * Every marked content on every page has an MCID that the page's entry in the parent tree maps to a structure
     * element, and that element lists the MCID (or a reference to it on that page) among its kids.
     */
    static void assertParentTreeMatches(PDDocument pdf) throws IOException {
        PDNumberTreeNode tree = pdf.getDocumentCatalog().getStructureTreeRoot().getParentTree();
        int checked = 0;
        for (int i = 0; i < pdf.getNumberOfPages(); i++) {
            PDPage page = pdf.getPage(i);
            COSArray parents = (COSArray) ((COSObjectable) tree.getValue(page.getStructParents())).getCOSObject();
            PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
            extractor.processPage(page);
            for (PDMarkedContent content : extractor.getMarkedContents()) {
                int mcid = content.getMCID();
                assertThat(mcid).isBetween(0, parents.size() - 1);
                PDStructureElement element =
                        (PDStructureElement) PDStructureNode.create((COSDictionary) parents.getObject(mcid));
                assertThat(element.getStructureType()).isEqualTo(content.getTag());
                boolean listed = element.getKids().stream()
                        .anyMatch(kid -> (kid instanceof Integer n && n == mcid)
                                || (kid instanceof PDMarkedContentReference r
                                        && r.getMCID() == mcid
                                        && r.getPage().getCOSObject() == page.getCOSObject()));
                assertThat(listed)
                        .as("MCID %d on page %d is a kid of its %s", mcid, i + 1, element.getStructureType())
                        .isTrue();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    static String decode(BufferedImage image) throws Exception {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        Result result = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        return result.getText();
    }

    static String pageText(PDDocument pdf, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(pdf);
    }

    record Word(String text, List<TextPosition> glyphs) {}

    static List<Word> words(PDDocument pdf, int page) throws IOException {
        List<Word> words = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                words.add(new Word(text, List.copyOf(positions)));
            }
        };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(pdf);
        return words;
    }

    static List<TextPosition> glyphs(PDDocument pdf, int page) throws IOException {
        return words(pdf, page).stream()
                .flatMap(w -> w.glyphs.stream())
                .filter(g -> !g.getUnicode().isBlank())
                .toList();
    }

    static float left(TextPosition g) {
        return g.getXDirAdj();
    }

    static float right(TextPosition g) {
        return g.getXDirAdj() + g.getWidthDirAdj();
    }

    static float top(TextPosition g) {
        return g.getYDirAdj() - g.getFont().getFontDescriptor().getAscent() / 1000f * g.getFontSizeInPt();
    }

    static float bottom(TextPosition g) {
        return g.getYDirAdj() - g.getFont().getFontDescriptor().getDescent() / 1000f * g.getFontSizeInPt();
    }

    static boolean overlaps(TextPosition g, float leftMm, float rightMm, float topMm, float bottomMm) {
        return right(g) / MM > leftMm && left(g) / MM < rightMm && bottom(g) / MM > topMm && top(g) / MM < bottomMm;
    }

    static void collect(PDStructureNode node, List<PDStructureElement> into) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                into.add(element);
                collect(element, into);
            }
        }
    }
}
