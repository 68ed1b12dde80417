package fi.celia.celianet.maintenance;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Why a service is closed: the window, its title in fi/sv/en, when it ends and which contact channels are
 * open meanwhile. Pages show it with the fragment {@code maintenance/closed :: notice(${closure})}.
 */
public record ClosureNotice(
        UUID windowId,
        ClosableService service,
        Map<String, String> titles,
        Instant startsAt,
        Instant endsAt,
        Set<ContactChannel> openChannels) {

    public String title(String language) {
        String title = titles.get(language);
        return title == null || title.isBlank() ? titles.get("fi") : title;
    }
}
