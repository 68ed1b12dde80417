-- 30 clubs with a year of monthly shipments and 100,000 subscriptions of patrons who have the CD service, and
-- the big club (below). Run by perf/generate.sh after generate-data.sql.
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

-- The big club md5('perf-big-club'): min(100,000, eligible) patrons with the CD service (the k-th such patron by
-- patron number), twelve monthly shipments from ten months back to next month (delivered on the 15th), members
-- joining over its first six shipments (a subscription starts on the delivery date of its first shipment).
BEGIN;
INSERT INTO book_club (id, name_fi, name_sv, name_en, description_fi, description_sv, description_en, format,
    lead_time_days, books_per_shipment, created_at, updated_at)
VALUES (md5('perf-big-club')::uuid, 'Iso kerho', 'Stora klubben', 'Big club',
        'Kuukauden kirjat kaikille CD-palvelun asiakkaille.', 'Månadens böcker för alla kunder med cd-tjänsten.',
        'The books of the month for every patron with the CD service.', 'DAISY_CD', 35, 2,
        now() - interval '13 months', now())
ON CONFLICT DO NOTHING;

INSERT INTO club_shipment (id, club_id, delivery_date, production_starts_on, titles, created_at, updated_at)
SELECT md5('perf-big-shipment-' || s)::uuid, md5('perf-big-club')::uuid, d.delivery, d.delivery - 35,
       'Kuukauden kirja ' || (s + 1) || E'\nToinen kirja ' || (s + 1), now() - interval '13 months', now()
FROM generate_series(0, 11) s
CROSS JOIN LATERAL (SELECT (date_trunc('month', current_date) + ((s - 10) || ' months')::interval)::date + 14 AS delivery) d
ON CONFLICT DO NOTHING;

INSERT INTO club_subscription (id, patron_id, club_id, state, starts_on, created_at, created_by, updated_at)
SELECT md5('perf-big-subscription-' || k)::uuid, p.id, md5('perf-big-club')::uuid, 'ACTIVE', sh.delivery_date,
       sh.delivery_date - interval '40 days', 'perf-staff', now()
FROM (SELECT id, row_number() OVER (ORDER BY patron_number) AS k FROM patron
      WHERE service_cd_clubs AND status = 'ACTIVE' ORDER BY patron_number LIMIT 100000) p
JOIN club_shipment sh ON sh.id = md5('perf-big-shipment-' || (p.k % 6))::uuid
ON CONFLICT DO NOTHING;

ANALYZE club_subscription, club_shipment, club_subscription_pause;

-- The frozen member lists of every generated club's shipments whose production has started, as the production
-- job freezes them (bookclubs.Production): each subscriber the membership rule gives the delivery date, active and
-- with a postal address, at the address the patron has; the shipment then records when and how many.
INSERT INTO shipment_member (shipment_id, patron_id, subscription_id, patron_number, name, street, postal_code, city, language)
SELECT sh.id, p.id, s.id, p.patron_number, p.first_name || ' ' || p.last_name, p.street_address, p.postal_code, p.city,
       p.language
FROM club_shipment sh
JOIN club_subscription s ON s.club_id = sh.club_id
     AND s.starts_on <= sh.delivery_date AND (s.ends_on IS NULL OR sh.delivery_date < s.ends_on)
     AND NOT EXISTS (SELECT 1 FROM club_subscription_pause ps WHERE ps.subscription_id = s.id
                     AND ps.paused_from <= sh.delivery_date AND (ps.resumed_from IS NULL OR sh.delivery_date < ps.resumed_from))
JOIN patron p ON p.id = s.patron_id AND p.status = 'ACTIVE'
     AND p.street_address IS NOT NULL AND p.postal_code IS NOT NULL AND p.city IS NOT NULL
WHERE sh.frozen_at IS NULL AND sh.production_starts_on <= current_date
  AND sh.club_id IN (SELECT md5('perf-club-' || c)::uuid FROM generate_series(1, 30) c UNION ALL SELECT md5('perf-big-club')::uuid)
ON CONFLICT DO NOTHING;

UPDATE club_shipment sh
SET frozen_at = greatest(sh.production_starts_on::timestamp AT TIME ZONE 'Europe/Helsinki', sh.created_at),
    member_count = (SELECT count(*) FROM shipment_member m WHERE m.shipment_id = sh.id),
    updated_at = now(), version = version + 1
WHERE sh.frozen_at IS NULL AND sh.production_starts_on <= current_date
  AND sh.club_id IN (SELECT md5('perf-club-' || c)::uuid FROM generate_series(1, 30) c UNION ALL SELECT md5('perf-big-club')::uuid);
COMMIT;
