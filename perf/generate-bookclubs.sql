-- 30 clubs with a year of monthly shipments and 100,000 subscriptions of patrons who have the CD service.
-- Run by perf/generate.sh after generate-data.sql.
\set ON_ERROR_STOP on
\timing on
BEGIN;
INSERT INTO book_club (id, name_fi, name_sv, name_en, format, lead_time_days, books_per_shipment, created_at, updated_at)
SELECT md5('perf-club-' || c)::uuid, 'Kerho ' || c, 'Klubb ' || c, 'Club ' || c,
       CASE WHEN c % 2 = 0 THEN 'CD' ELSE 'DAISY_CD' END, 35, 1 + c % 2, now(), now()
FROM generate_series(1, 30) c
ON CONFLICT DO NOTHING;

INSERT INTO club_shipment (id, club_id, delivery_date, production_starts_on, titles, created_at, updated_at)
SELECT md5('perf-shipment-' || c || '-' || m)::uuid, md5('perf-club-' || c)::uuid,
       (date_trunc('month', now())::date + (m || ' months')::interval + ((c % 28) || ' days')::interval)::date,
       (date_trunc('month', now())::date + (m || ' months')::interval + ((c % 28) || ' days')::interval - interval '35 days')::date,
       '', now(), now()
FROM generate_series(1, 30) c, generate_series(0, 11) m
ON CONFLICT DO NOTHING;

-- The k-th subscription goes to the k-th patron with the CD service, in club 1 + k % 30.
INSERT INTO club_subscription (id, patron_id, club_id, state, starts_on, created_at, created_by, updated_at)
SELECT md5('perf-subscription-' || k)::uuid, p.id, md5('perf-club-' || (1 + k % 30))::uuid, 'ACTIVE',
       current_date, now(), 'perf', now()
FROM (SELECT id, row_number() OVER (ORDER BY patron_number) AS k FROM patron WHERE service_cd_clubs LIMIT 100000) p
ON CONFLICT DO NOTHING;
COMMIT;
