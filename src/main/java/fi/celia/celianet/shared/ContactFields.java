package fi.celia.celianet.shared;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * How to reach someone, as a form takes it: e-mail, phone and postal address, with the limits every form shares.
 * All are optional here; a form that requires one says so on its own getter.
 */
public abstract class ContactFields extends PostalAddressFields {

    public static final String PHONE = "[0-9 +()-]*";
    public static final String EMAIL = "([^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+)?";

    @Size(max = 254, message = "{validation.tooLong}")
    @Email(regexp = EMAIL, message = "{validation.email}")
    private String email;

    @Size(max = 30, message = "{validation.tooLong}")
    @Pattern(regexp = PHONE, message = "{validation.phone}")
    private String phone;

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }
}
