package fi.celia.celianet.institutions.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The references people read, L-YYYY-NNNNN: one counter per year. */
@Component
public class ReferenceCounter {

    private final JdbcClient jdbc;

    ReferenceCounter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of the year; locks the year's counter until the transaction ends. */
    public int next(int year) {
        // Not JPA: one idempotent upsert (INSERT … ON CONFLICT … RETURNING) that creates or bumps the row under its
        // lock.
        return jdbc.sql(
                        """
                INSERT INTO institution_reference_counter (year, last_value) VALUES (:year, 1)
                ON CONFLICT (year) DO UPDATE SET last_value = institution_reference_counter.last_value + 1
                RETURNING last_value""")
                .param("year", year)
                .query(Integer.class)
                .single();
    }
}
