package fi.celia.celianet.staff;

import java.util.List;
import java.util.UUID;

/**
 * Organisations as the choices of a select: their ids and, beside them, their names. Made in Java rather than
 * projected in the template, whose expression language stops after 10,000 operations, fewer than a national
 * service's organisations need.
 */
public record OrganisationChoices(List<UUID> ids, List<String> names) {

    public static OrganisationChoices of(List<Organisation> organisations) {
        return new OrganisationChoices(
                organisations.stream().map(Organisation::getId).toList(),
                organisations.stream().map(Organisation::getName).toList());
    }
}
