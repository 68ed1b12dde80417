-- The generated patrons' identity codes as CSV lines g,id,code on standard output, for perf/SealIdentityCodes.java
-- to seal: the clear codes go through a pipe and never into the database. perf/generate.sh runs it.
-- Birth dates cycle over 1930-01-01 + 0..29,999 days (generate-data.sql gives patron g the same birth date), and
-- the individual number grows by one each cycle (2, 3, …), so every (date, number) pair, and so every identity
-- code, is unique. Patron g's id is md5('perf-patron-' || g).
COPY (
    SELECT g, md5('perf-patron-' || g)::uuid,
           to_char(d.birth, 'DDMMYY') || CASE WHEN d.birth < date '2000-01-01' THEN '-' ELSE 'A' END
             || lpad(d.individual::text, 3, '0')
             || substr('0123456789ABCDEFHJKLMNPRSTUVWXY',
                       ((to_char(d.birth, 'DDMMYY') || lpad(d.individual::text, 3, '0'))::bigint % 31)::int + 1, 1)
    FROM generate_series(1, :patrons) g
    CROSS JOIN LATERAL (
        SELECT date '1930-01-01' + (g % 30000) AS birth, 2 + g / 30000 AS individual
    ) d
) TO STDOUT (FORMAT csv);
