package fi.celia.celianet.shared;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The three address fields of a form ({@code streetAddress}, {@code postalCode}, {@code city}), with the limits
 * every form shares. All three are optional here; a form that requires an address says so on its own getters.
 */
public abstract class PostalAddressFields {

    /** No control characters and no markup brackets. */
    public static final String PLAIN = "[^\\p{Cntrl}<>]*";

    @Size(max = 200, message = "{validation.tooLong}")
    @Pattern(regexp = PLAIN, message = "{validation.characters}")
    private String streetAddress;

    @Size(max = 5, message = "{validation.postalCode}")
    @Pattern(regexp = "([0-9]{5})?", message = "{validation.postalCode}")
    private String postalCode;

    @Size(max = 100, message = "{validation.tooLong}")
    @Pattern(regexp = PLAIN, message = "{validation.characters}")
    private String city;

    /** The address as typed, or null when no part of it is given. */
    public PostalAddress postalAddress() {
        return PostalAddress.of(streetAddress, postalCode, city);
    }

    /** Fills the fields from a kept address (which may be null). */
    protected void showAddress(PostalAddress address) {
        this.streetAddress = PostalAddress.streetOf(address);
        this.postalCode = PostalAddress.postalCodeOf(address);
        this.city = PostalAddress.cityOf(address);
    }

    public String getStreetAddress() {
        return streetAddress;
    }

    public void setStreetAddress(String streetAddress) {
        this.streetAddress = streetAddress;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }
}
