package fi.celia.celianet.bookclubs.web;

import fi.celia.celianet.bookclubs.Club;
import fi.celia.celianet.bookclubs.ClubFormat;
import fi.celia.celianet.shared.MultiLine;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new club: names and descriptions in fi/sv/en, format, lead time and books per shipment. */
class ClubForm {

    @NotBlank(message = "{bookclubs.club.error.nameFi}")
    @Size(max = 200, message = "{bookclubs.club.error.tooLong}")
    private String nameFi;

    @Size(max = 200, message = "{bookclubs.club.error.tooLong}")
    private String nameSv;

    @Size(max = 200, message = "{bookclubs.club.error.tooLong}")
    private String nameEn;

    @Size(max = 2000, message = "{bookclubs.club.error.tooLong}")
    @MultiLine
    private String descriptionFi;

    @Size(max = 2000, message = "{bookclubs.club.error.tooLong}")
    @MultiLine
    private String descriptionSv;

    @Size(max = 2000, message = "{bookclubs.club.error.tooLong}")
    @MultiLine
    private String descriptionEn;

    @NotNull(message = "{bookclubs.club.error.format}")
    private ClubFormat format = ClubFormat.CD;

    @NotNull(message = "{bookclubs.club.error.leadTime}")
    @Min(value = Club.MIN_LEAD_TIME_DAYS, message = "{bookclubs.club.error.leadTime}")
    @Max(value = Club.MAX_LEAD_TIME_DAYS, message = "{bookclubs.club.error.leadTime}")
    private Integer leadTimeDays = 35;

    @NotNull(message = "{bookclubs.club.error.books}")
    @Min(value = 1, message = "{bookclubs.club.error.books}")
    @Max(value = 5, message = "{bookclubs.club.error.books}")
    private Integer booksPerShipment = 1;

    public String getNameFi() {
        return nameFi;
    }

    public void setNameFi(String nameFi) {
        this.nameFi = nameFi;
    }

    public String getNameSv() {
        return nameSv;
    }

    public void setNameSv(String nameSv) {
        this.nameSv = nameSv;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public String getDescriptionFi() {
        return descriptionFi;
    }

    public void setDescriptionFi(String descriptionFi) {
        this.descriptionFi = descriptionFi;
    }

    public String getDescriptionSv() {
        return descriptionSv;
    }

    public void setDescriptionSv(String descriptionSv) {
        this.descriptionSv = descriptionSv;
    }

    public String getDescriptionEn() {
        return descriptionEn;
    }

    public void setDescriptionEn(String descriptionEn) {
        this.descriptionEn = descriptionEn;
    }

    public ClubFormat getFormat() {
        return format;
    }

    public void setFormat(ClubFormat format) {
        this.format = format;
    }

    public Integer getLeadTimeDays() {
        return leadTimeDays;
    }

    public void setLeadTimeDays(Integer leadTimeDays) {
        this.leadTimeDays = leadTimeDays;
    }

    public Integer getBooksPerShipment() {
        return booksPerShipment;
    }

    public void setBooksPerShipment(Integer booksPerShipment) {
        this.booksPerShipment = booksPerShipment;
    }
}
