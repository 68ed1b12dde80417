package fi.celia.celianet.bookclubs;

/** What staff enter for a club. */
public record ClubDetails(
        String nameFi,
        String nameSv,
        String nameEn,
        String descriptionFi,
        String descriptionSv,
        String descriptionEn,
        ClubFormat format,
        int leadTimeDays,
        int booksPerShipment) {}
