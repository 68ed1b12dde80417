package fi.celia.celianet.patrons;

/** A postal address as printed on a label: street (may hold several lines), postal code, city. */
public record PostalAddress(String street, String postalCode, String city) {

    public boolean isComplete() {
        return notBlank(street) && notBlank(postalCode) && notBlank(city);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
