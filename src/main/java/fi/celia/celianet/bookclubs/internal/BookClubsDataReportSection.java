package fi.celia.celianet.bookclubs.internal;

import fi.celia.celianet.bookclubs.ClubMembership;
import fi.celia.celianet.bookclubs.SubscriptionViews;
import fi.celia.celianet.patrons.spi.PatronDataReportSection;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The patron's data report's club history: each club the patron is or was a member of, when they joined and left,
 * and the months of the shipments whose member list held them.
 */
@Component
class BookClubsDataReportSection implements PatronDataReportSection {

    private static final String KEY = "bookclubs.dataReport.";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d.M.yyyy");

    private final SubscriptionViews subscriptions;
    private final MessageSource messages;

    BookClubsDataReportSection(SubscriptionViews subscriptions, MessageSource messages) {
        this.subscriptions = subscriptions;
        this.messages = messages;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Section section(UUID patronId, Locale locale) {
        List<ClubMembership> history = subscriptions.history(patronId);
        List<String> paragraphs = new ArrayList<>();
        if (history.isEmpty()) {
            paragraphs.add(text("none", locale));
        }
        DateTimeFormatter month = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
        for (ClubMembership m : history) {
            String club = m.club().name(locale.getLanguage());
            String membership = m.leftOn() == null
                    ? text("joined", locale, club, DAY.format(m.joinedOn()))
                    : text("left", locale, club, DAY.format(m.joinedOn()), DAY.format(m.leftOn()));
            String deliveries = m.deliveries().isEmpty()
                    ? text("noDeliveries", locale)
                    : text(
                            "deliveries",
                            locale,
                            m.deliveries().stream().map(month::format).collect(Collectors.joining(", ")));
            paragraphs.add(membership + " " + deliveries);
        }
        return new Section(text("title", locale), paragraphs);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(KEY + key, args, locale);
    }
}
