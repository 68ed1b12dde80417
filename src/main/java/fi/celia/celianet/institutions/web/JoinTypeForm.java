package fi.celia.celianet.institutions.web;

/** The first step of the public application: the type of the organisation ({@code GET /join?type=…}). */
public class JoinTypeForm {

    private String type;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }
}
