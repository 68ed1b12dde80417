package fi.celia.celianet.patrons.spi;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A section of a patron's data report (GDPR article 15) that another module contributes as a bean (the book clubs'
 * membership history, say), so that the patrons module needs to know nothing of the data it holds.
 */
public interface PatronDataReportSection {

    /** Lower comes first. */
    int order();

    /**
     * The section as the report prints it, in the patron's language; called inside the report's transaction.
     *
     * @param locale the patron's language
     */
    Section section(UUID patronId, Locale locale);

    /**
     * A heading and its paragraphs, each printed as a paragraph of its own.
     *
     * @param paragraphs never empty: a section with nothing to list says so
     */
    record Section(String heading, List<String> paragraphs) {

        public Section {
            paragraphs = List.copyOf(paragraphs);
        }
    }
}
