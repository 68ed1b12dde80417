package fi.celia.celianet.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A postal address as printed on a label: street (may hold several lines), postal code, city. One value type
 * wherever an address is kept (patrons, organisations, institution applications); embedded in the owner's table
 * as {@code street_address}, {@code postal_code} and {@code city}. An owner without any part of an address holds
 * null rather than an empty address.
 */
@Embeddable
public record PostalAddress(
        @Column(name = "street_address") String street,
        @Column(name = "postal_code") String postalCode,
        @Column(name = "city") String city) {

    /** The address, or null when no part of it is given. */
    public static PostalAddress of(String street, String postalCode, String city) {
        return street == null && postalCode == null && city == null
                ? null
                : new PostalAddress(street, postalCode, city);
    }

    /** The address on one line, as a list shows it: {@code Kirjastokatu 1, 00100 Helsinki}. */
    public String oneLine() {
        String place = String.join(" ", notBlank(postalCode) ? postalCode : "", notBlank(city) ? city : "")
                .strip();
        String streetLine = street == null
                ? ""
                : String.join(", ", street.strip().lines().map(String::strip).toList());
        return streetLine.isEmpty() || place.isEmpty() ? streetLine + place : streetLine + ", " + place;
    }

    public boolean isComplete() {
        return notBlank(street) && notBlank(postalCode) && notBlank(city);
    }

    /** Null-safe parts, for owners whose address may be null. */
    public static String streetOf(PostalAddress address) {
        return address == null ? null : address.street();
    }

    public static String postalCodeOf(PostalAddress address) {
        return address == null ? null : address.postalCode();
    }

    public static String cityOf(PostalAddress address) {
        return address == null ? null : address.city();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
