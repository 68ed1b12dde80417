package fi.celia.celianet.institutions.web;

/** One row of the registrars on the join form; checked by {@link JoinController}, since blank rows are allowed. */
public class RegistrarForm {

    private String name;
    private String email;

    public boolean isBlank() {
        return (name == null || name.isBlank()) && (email == null || email.isBlank());
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
