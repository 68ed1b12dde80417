package fi.celia.celianet.bookclubs;

public enum ClubFormat {
    CD,
    DAISY_CD
}
