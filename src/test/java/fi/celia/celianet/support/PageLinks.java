package fi.celia.celianet.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;

/** The links of a page as a user follows them: by the text they show. */
public final class PageLinks {

    private PageLinks() {}

    /** Where the one link that reads {@code text} leads; fails unless exactly one does. */
    public static String link(Document page, String text) {
        var links = page.select("a").stream().filter(a -> a.text().equals(text)).toList();
        assertThat(links).as(text).hasSize(1);
        return links.get(0).attr("href");
    }
}
