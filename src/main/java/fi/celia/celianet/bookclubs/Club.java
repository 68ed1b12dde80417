package fi.celia.celianet.bookclubs;

import java.util.UUID;

/**
 * A book club. Names and descriptions in fi/sv/en; {@link #name(String)} picks one by language.
 *
 * @param version the version a form that edits the club (its calendar) was drawn from
 */
public record Club(
        UUID id,
        String nameFi,
        String nameSv,
        String nameEn,
        String descriptionFi,
        String descriptionSv,
        String descriptionEn,
        ClubFormat format,
        int leadTimeDays,
        int booksPerShipment,
        int memberCount,
        long version) {

    public static final int DEFAULT_LEAD_TIME_DAYS = 35;
    public static final int MIN_LEAD_TIME_DAYS = 1;
    public static final int MAX_LEAD_TIME_DAYS = 120;

    public String name(String language) {
        return pick(language, nameFi, nameSv, nameEn);
    }

    public String description(String language) {
        return pick(language, descriptionFi, descriptionSv, descriptionEn);
    }

    static String pick(String language, String fi, String sv, String en) {
        String value =
                switch (language == null ? "fi" : language) {
                    case "sv" -> sv;
                    case "en" -> en;
                    default -> fi;
                };
        return value == null || value.isBlank() ? fi : value;
    }
}
