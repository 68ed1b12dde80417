package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.audit.AuditRecord;
import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.patrons.spi.PatronDataReportSection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
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
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * A patron's own report of the data held about them (GDPR article 15), in the patron's language: their details with
 * the full identity code, the state of their credentials, and each consultation or change of their record with its
 * date (Helsinki time), the organisation that acted and the purpose; between the credentials and the consultations,
 * the sections other modules contribute as {@link PatronDataReportSection}s (the book club history). Tagged like the
 * credential letter (structure tree, language, title, real text in an embedded font) so that it reads aloud as it
 * reads on paper.
 */
@Component
public class PatronDataReportPdf {

    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN = 20f * CredentialLetterPdf.MM;
    static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    static final float BODY_SIZE = 12f;
    static final float HEADING_SIZE = 20f;
    static final float SUBHEADING_SIZE = 15f;
    static final float BOTTOM = PAGE.getHeight() - MARGIN;

    private static final String KEY = "patrons.dataReport.";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d.M.yyyy HH.mm");

    private final MessageSource messages;
    private final List<PatronDataReportSection> sections;

    PatronDataReportPdf(MessageSource messages, List<PatronDataReportSection> sections) {
        this.messages = messages;
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(PatronDataReportSection::order))
                .toList();
    }

    /** The patron's language, Finnish when none is recorded. */
    public static Locale localeOf(Patron patron) {
        String language = patron.language();
        return Locale.forLanguageTag(
                language == null || !List.of("fi", "sv", "en").contains(language) ? "fi" : language);
    }

    /**
     * @param records every audit record about the patron, oldest first
     * @param organisations the names of the organisations the records' actors acted for
     */
    public byte[] render(
            Patron patron, List<AuditRecord> records, Map<UUID, String> organisations, Instant producedAt) {
        Locale locale = localeOf(patron);
        try (PDDocument document = new PDDocument()) {
            Writer w = new Writer(document, locale);
            w.block(StandardStructureTypes.H1, true, HEADING_SIZE, text("title", locale));
            w.block(StandardStructureTypes.P, false, BODY_SIZE, text("intro", locale, when(producedAt)));

            w.block(StandardStructureTypes.H2, true, SUBHEADING_SIZE, text("details", locale));
            w.field("name", locale, patron.firstName() + " " + patron.lastName());
            w.field("identityCode", locale, patron.identityCode());
            w.field("patronNumber", locale, patron.patronNumber());
            w.field("email", locale, patron.email());
            w.field("phone", locale, patron.phone());
            String address = String.join(
                            " ", nonNull(patron.streetAddress()), nonNull(patron.postalCode()), nonNull(patron.city()))
                    .strip();
            w.field("address", locale, address);
            w.field(
                    "language",
                    locale,
                    patron.language() == null
                            ? null
                            : messages.getMessage(
                                    "layout.language." + patron.language(), null, patron.language(), locale));
            w.field("registered", locale, when(patron.registeredAt()));
            w.field(
                    "status",
                    locale,
                    messages.getMessage("patrons.status." + patron.status(), null, patron.status(), locale));

            w.block(StandardStructureTypes.H2, true, SUBHEADING_SIZE, text("credentials", locale));
            w.block(
                    StandardStructureTypes.P,
                    false,
                    BODY_SIZE,
                    patron.passwordSetAt() == null
                            ? text("noPassword", locale)
                            : text("passwordSet", locale, when(patron.passwordSetAt())));

            for (PatronDataReportSection contributed : sections) {
                PatronDataReportSection.Section section = contributed.section(patron.id(), locale);
                w.block(StandardStructureTypes.H2, true, SUBHEADING_SIZE, section.heading());
                for (String paragraph : section.paragraphs()) {
                    w.block(StandardStructureTypes.P, false, BODY_SIZE, paragraph);
                }
            }

            w.block(StandardStructureTypes.H2, true, SUBHEADING_SIZE, text("accesses", locale));
            if (records.isEmpty()) {
                w.block(StandardStructureTypes.P, false, BODY_SIZE, text("none", locale));
            }
            for (AuditRecord record : records) {
                String what = record.event() == null
                        ? record.action()
                        : messages.getMessage(record.event().messageKey(), null, record.action(), locale);
                String who = record.actorService()
                        ? text("service", locale)
                        : record.actorOrganisationId() == null
                                ? text("unknownOrganisation", locale)
                                : organisations.getOrDefault(
                                        record.actorOrganisationId(), text("unknownOrganisation", locale));
                String why = record.purpose() == null
                        ? text("noPurpose", locale)
                        : messages.getMessage(record.purpose().messageKey(), null, locale);
                w.block(
                        StandardStructureTypes.P,
                        false,
                        BODY_SIZE,
                        text("access", locale, when(record.occurredAt()), what, who, why));
            }
            w.finish(text("title", locale));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(Helsinki.ZONE));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s.strip();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(KEY + key, args, locale);
    }

    /** Lays out the report page by page and tags every line as it is drawn. */
    private final class Writer {

        private final PDDocument document;
        private final Locale locale;
        private final PDFont regular;
        private final PDFont bold;
        private final PDStructureTreeRoot root;
        private final PDStructureElement section;
        private final Map<Integer, COSArray> parentTree = new TreeMap<>();
        private PDPage page;
        private PDPageContentStream content;
        private COSArray pageParents;
        private int mcid;
        private float cursor;

        Writer(PDDocument document, Locale locale) throws IOException {
            this.document = document;
            this.locale = locale;
            this.regular = load(document, CredentialLetterPdf.FONT);
            this.bold = load(document, CredentialLetterPdf.BOLD_FONT);
            this.root = new PDStructureTreeRoot();
            document.getDocumentCatalog().setStructureTreeRoot(root);
            this.section = new PDStructureElement(StandardStructureTypes.DOCUMENT, root);
            section.setLanguage(locale.getLanguage());
            root.appendKid(section);
            newPage();
        }

        private static PDFont load(PDDocument document, String resource) throws IOException {
            try (InputStream in = new ClassPathResource(resource).getInputStream()) {
                return PDType0Font.load(document, in, true);
            }
        }

        void field(String key, Locale locale, String value) throws IOException {
            String shown = value == null || value.isBlank() ? text("empty", locale) : value;
            block(StandardStructureTypes.P, false, BODY_SIZE, text(key, locale, shown));
        }

        void block(String type, boolean strong, float size, String text) throws IOException {
            PDFont font = strong ? bold : regular;
            float leading = size * 1.35f;
            List<String> lines = CredentialLetterPdf.wrap(font, size, CredentialLetterPdf.printable(font, text), WIDTH);
            float keep = type.startsWith("H") ? leading + 2 * BODY_SIZE * 1.35f : leading;
            if (cursor + keep > BOTTOM) {
                newPage();
            }
            PDStructureElement element = new PDStructureElement(type, section);
            element.setPage(page);
            section.appendKid(element);
            for (String row : lines) {
                if (cursor + leading > BOTTOM) {
                    newPage();
                }
                int id = mcid++;
                COSDictionary properties = new COSDictionary();
                properties.setInt(COSName.MCID, id);
                content.beginMarkedContent(COSName.getPDFName(type), PDPropertyList.create(properties));
                pageParents.add(element);
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(MARGIN, PAGE.getHeight() - cursor - CredentialLetterPdf.ascent(font, size));
                content.showText(row);
                content.endText();
                content.endMarkedContent();
                if (page.equals(element.getPage())) {
                    COSDictionary kid = new COSDictionary();
                    kid.setInt(COSName.MCID, id);
                    element.appendKid(PDMarkedContent.create(COSName.getPDFName(type), kid));
                } else {
                    PDMarkedContentReference reference = new PDMarkedContentReference();
                    reference.setPage(page);
                    reference.setMCID(id);
                    element.appendKid(reference);
                }
                cursor += leading;
            }
            cursor += 0.5f * size;
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            page = new PDPage(PAGE);
            document.addPage(page);
            int key = parentTree.size();
            page.setStructParents(key);
            pageParents = new COSArray();
            parentTree.put(key, pageParents);
            page.getCOSObject().setName(COSName.getPDFName("Tabs"), "S");
            content = new PDPageContentStream(document, page);
            mcid = 0;
            cursor = MARGIN;
        }

        void finish(String title) throws IOException {
            content.close();
            PDNumberTreeNode tree = new PDNumberTreeNode(PDParentTreeValue.class);
            Map<Integer, PDParentTreeValue> numbers = new TreeMap<>();
            parentTree.forEach((key, array) -> numbers.put(key, new PDParentTreeValue(array)));
            tree.setNumbers(numbers);
            root.setParentTree(tree);
            root.setParentTreeNextKey(parentTree.size());
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            catalog.setLanguage(locale.getLanguage());
            PDMarkInfo markInfo = new PDMarkInfo();
            markInfo.setMarked(true);
            catalog.setMarkInfo(markInfo);
            PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
            preferences.setDisplayDocTitle(true);
            catalog.setViewerPreferences(preferences);
            document.getDocumentInformation().setTitle(title);
            document.getDocumentInformation().setCreator("Celianet");
            PDMetadata metadata = new PDMetadata(document);
            metadata.importXMPMetadata(
                    CredentialLetterPdf.xmp(title, locale.getLanguage()).getBytes(StandardCharsets.UTF_8));
            catalog.setMetadata(metadata);
        }
    }
}
