package fi.celia.celianet.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages a signed-in user can open, as perf/pages.tsv lists them (-Dpages.file to read another list; -Dpages.only
 * or -Dpages.skip to open some of them): name,
 * account, path or a query that gives it, and what the page shows. {@link PagesSimulation} opens them on Celianet,
 * {@link FloorPagesSimulation} opens the floor's one-row page with as many users at the same pace.
 */
final class Pages {

    static final Path FILE = Path.of(System.getProperty("pages.file", "perf/pages.tsv"));
    /** Only the pages whose names match (-Dpages.only, a regular expression), or all but those (-Dpages.skip). */
    static final String ONLY = System.getProperty("pages.only", "");

    static final String SKIP = System.getProperty("pages.skip", "");
    /** Each account's users: one for every this many of its pages, at least one (-Dpages.perUser). */
    static final int PAGES_PER_USER = Integer.getInteger("pages.perUser", 4);

    /** One line of the list; {@code path} is a query when it starts with SELECT. */
    record Page(String name, String account, String path, String shows) {

        boolean query() {
            return path.regionMatches(true, 0, "SELECT", 0, 6);
        }
    }

    private Pages() {}

    static List<Page> read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("No page list: " + FILE + " (-Dpages.file)", e);
        }
        List<Page> pages = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length < 3) {
                throw new IllegalStateException(FILE + ": name, account and path expected, tab-separated: " + line);
            }
            String name = cells[0].strip();
            if ((!ONLY.isEmpty() && !name.matches(ONLY)) || (!SKIP.isEmpty() && name.matches(SKIP))) {
                continue;
            }
            pages.add(new Page(name, cells[1].strip(), cells[2].strip(), cells.length > 3 ? cells[3] : ""));
        }
        if (pages.isEmpty()) {
            throw new IllegalStateException(FILE + " lists no pages");
        }
        return pages;
    }

    /** The pages by account, in the order the list names the accounts. */
    static Map<String, List<Page>> byAccount(List<Page> pages) {
        Map<String, List<Page>> accounts = new LinkedHashMap<>();
        for (Page page : pages) {
            accounts.computeIfAbsent(page.account(), a -> new ArrayList<>()).add(page);
        }
        return accounts;
    }

    /** How many users open an account's pages: one for every {@link #PAGES_PER_USER} pages, at least one. */
    static int usersFor(int pages) {
        return Math.max(1, (pages + PAGES_PER_USER - 1) / PAGES_PER_USER);
    }

    /** All users of the list, as {@link PagesSimulation} runs them: the number the floor runs too. */
    static int users(List<Page> pages) {
        return byAccount(pages).values().stream()
                .mapToInt(p -> usersFor(p.size()))
                .sum();
    }
}
