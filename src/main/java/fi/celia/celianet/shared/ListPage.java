package fi.celia.celianet.shared;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One page of a list in a fixed order, and whether there are rows before and after it: what the page's links to the
 * previous and the next page need.
 *
 * @param rows the page's rows, in the list's order
 * @param hasPrevious whether rows come before the first one
 * @param hasNext whether rows come after the last one
 */
public record ListPage<T>(List<T> rows, boolean hasPrevious, boolean hasNext) {

    public ListPage {
        rows = List.copyOf(rows);
    }

    /**
     * The page from the rows read for it: at most one more than a page, read in the list's order from the start or
     * after the cursor, or in the reverse order before the cursor (the previous page).
     */
    public static <T> ListPage<T> of(List<T> read, int size, Optional<ListCursor> cursor) {
        List<T> rows = new ArrayList<>(read.subList(0, Math.min(size, read.size())));
        boolean more = read.size() > size;
        if (cursor.isEmpty()) {
            return new ListPage<>(rows, false, more);
        }
        if (cursor.get().backward()) {
            Collections.reverse(rows);
            return new ListPage<>(rows, more, true);
        }
        return new ListPage<>(rows, true, more);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The first row, which the link to the previous page starts before; null on an empty page. */
    public T first() {
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The last row, which the link to the next page starts after; null on an empty page. */
    public T last() {
        return rows.isEmpty() ? null : rows.get(rows.size() - 1);
    }
}
