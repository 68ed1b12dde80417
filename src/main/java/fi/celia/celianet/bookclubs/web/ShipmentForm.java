package fi.celia.celianet.bookclubs.web;

import fi.celia.celianet.shared.MultiLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One shipment: its delivery date and the titles in it (one a line). */
class ShipmentForm {

    @NotBlank(message = "{bookclubs.shipment.error.deliveryDate}")
    @Pattern(
            regexp = "\\s*(\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}\\.\\d{1,2}\\.\\d{4})?\\s*",
            message = "{bookclubs.shipment.error.deliveryDate}")
    private String deliveryDate;

    @Size(max = 4000, message = "{bookclubs.shipment.error.titlesLength}")
    @MultiLine
    private String titles;

    /** The version of the record the form was drawn from; null when it does not matter. */
    private Long version;

    public String getDeliveryDate() {
        return deliveryDate;
    }

    public void setDeliveryDate(String deliveryDate) {
        this.deliveryDate = deliveryDate;
    }

    public String getTitles() {
        return titles;
    }

    public void setTitles(String titles) {
        this.titles = titles;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
