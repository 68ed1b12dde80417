package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.shared.Counted;
import java.util.List;

/**
 * One page of the patron list.
 *
 * @param page the page's index, from 0
 * @param total how many patrons the filters match, on every page
 */
public record PatronListPage(
        List<PatronListRow> rows, int page, int pageSize, long total, boolean hasNext, Counted<Long> counted) {

    public boolean hasPrevious() {
        return page > 0;
    }

    /** How many pages the matches fill; at least one. */
    public long pages() {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }

    /** The position of the page's first row, from 1; 0 when the page is empty. */
    public long first() {
        return rows.isEmpty() ? 0 : (long) page * pageSize + 1;
    }

    public long last() {
        return rows.isEmpty() ? 0 : (long) page * pageSize + rows.size();
    }
}
