package fi.celia.celianet.staff.internal;

import fi.celia.celianet.shared.ListCursor;
import fi.celia.celianet.shared.ListPage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A page of a long list of entities (the organisations, the staff accounts) in a fixed order: by a key, then id; the
 * next page starts after the last row shown, not at an offset, so a page deep in the list costs what the first does.
 * Narrowed, when asked, to the rows with the text in any of the searched columns, whatever the case.
 *
 * <p>Native SQL through the entity manager, still answering entities: the search (ILIKE, which the trigram indexes
 * serve) and the keyset condition are written out so that the plan can use the indexes of V29, which JPQL would not
 * let it.
 */
@Component
public class ListPages {

    private final EntityManager entityManager;

    ListPages(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * What is listed: the table, the order's key (an SQL expression that an index gives in order with the id) and the
     * columns a search looks in. Constants of the code, never input.
     */
    public record Listing(String table, String key, List<String> searched) {}

    /**
     * The page at the cursor (the first when there is none, or when its row is gone or nothing is left past it) of the
     * rows that contain the text, a page being at most {@code size} rows. Call it in a transaction.
     */
    public <T> ListPage<T> read(Class<T> type, Listing listing, String text, Optional<ListCursor> cursor, int size) {
        String needle = text == null ? "" : text.strip();
        Optional<ListCursor> at = cursor;
        Object key = null;
        if (at.isPresent()) {
            List<?> keys = entityManager
                    .createNativeQuery("SELECT " + listing.key() + " FROM " + listing.table() + " WHERE id = :id")
                    .setParameter("id", at.get().id())
                    .getResultList();
            if (keys.isEmpty()) {
                at = Optional.empty();
            } else {
                key = keys.get(0);
            }
        }
        List<T> rows = rows(type, listing, needle, at, key, size);
        if (at.isPresent() && rows.isEmpty()) {
            at = Optional.empty();
            rows = rows(type, listing, needle, at, null, size);
        }
        return ListPage.of(rows, size, at);
    }

    private <T> List<T> rows(
            Class<T> type, Listing listing, String needle, Optional<ListCursor> at, Object key, int size) {
        List<String> where = new ArrayList<>();
        if (!needle.isEmpty()) {
            // a % or _ typed is looked for as itself: escaped with a backslash, LIKE's default escape character
            where.add(listing.searched().stream()
                    .map(column -> column + " ILIKE :pattern")
                    .reduce((a, b) -> a + " OR " + b)
                    .map(condition -> "(" + condition + ")")
                    .orElseThrow());
        }
        boolean backward = at.isPresent() && at.get().backward();
        String k = listing.key();
        // the row comparison (key, id) written out, so that the key's bound is an index condition
        if (at.isPresent()) {
            where.add(
                    backward
                            ? k + " <= :key AND (" + k + " < :key OR id < :id)"
                            : k + " >= :key AND (" + k + " > :key OR id > :id)");
        }
        String order = backward ? " ORDER BY " + k + " DESC, id DESC" : " ORDER BY " + k + ", id";
        Query query = entityManager.createNativeQuery(
                "SELECT * FROM " + listing.table()
                        + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                        + order + " LIMIT :limit",
                type);
        if (!needle.isEmpty()) {
            query.setParameter("pattern", "%" + escapeLike(needle) + "%");
        }
        if (at.isPresent()) {
            query.setParameter("key", key).setParameter("id", at.get().id());
        }
        query.setParameter("limit", size + 1);
        @SuppressWarnings("unchecked")
        List<T> rows = query.getResultList();
        return rows;
    }

    /** Text to find inside a LIKE pattern as typed: the wildcards and the escape character match themselves. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
