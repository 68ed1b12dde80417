-- 5,000 institution customers (schools, care homes, libraries, others), each with its approved application,
-- and 40 applications waiting in the queue. Run by perf/generate.sh after generate-data.sql.
\set ON_ERROR_STOP on
\timing on
BEGIN;
INSERT INTO organisation (id, customer_number, name, type, business_id, email, city, postal_code, street_address, language, active, created_at, updated_at)
SELECT md5('perf-institution-' || g)::uuid, 'I' || lpad(g::text, 6, '0'),
       (ARRAY['Koulu','Hoivakoti','Lähikirjasto','Yhdistys'])[1 + g % 4] || ' ' || g,
       (ARRAY['SCHOOL','CARE_HOME','LIBRARY','OTHER'])[1 + g % 4], NULL,
       'institution' || g || '@perf.invalid', 'Tampere', '33100', 'Laitoskatu ' || g, 'fi', true,
       now() - ((g % 700) || ' days')::interval, now()
FROM generate_series(1, 5000) g
ON CONFLICT DO NOTHING;

INSERT INTO institution_application (id, reference, tracking_token, submission_token, status, organisation_name,
    organisation_type, business_id, no_business_id_reason, contact_name, email, phone, street_address, postal_code, city,
    language, submitted_at, decided_at, decided_by, working_days_to_decision, organisation_id)
SELECT md5('perf-application-' || g)::uuid, 'L-2025-' || lpad(g::text, 5, '0'), md5('perf-tracking-' || g),
       md5('perf-submission-' || g), CASE WHEN g > 5000 THEN 'RECEIVED' ELSE 'APPROVED' END,
       (ARRAY['Koulu','Hoivakoti','Lähikirjasto','Yhdistys'])[1 + g % 4] || ' ' || g,
       CASE WHEN b.check_digit IS NULL THEN 'OTHER' ELSE (ARRAY['SCHOOL','CARE_HOME','LIBRARY','OTHER'])[1 + g % 4] END,
       CASE WHEN b.check_digit IS NULL THEN NULL ELSE b.body || '-' || b.check_digit END,
       CASE WHEN b.check_digit IS NULL THEN 'generated for the load test' END,
       'Yhteys Henkilö', 'institution' || g || '@perf.invalid', '0401234567', 'Laitoskatu ' || g, '33100', 'Tampere', 'fi',
       now() - ((g % 700 + 3) || ' days')::interval,
       CASE WHEN g > 5000 THEN NULL ELSE now() - ((g % 700) || ' days')::interval END,
       CASE WHEN g > 5000 THEN NULL ELSE 'perf' END,
       CASE WHEN g > 5000 THEN NULL ELSE 1 + g % 3 END,
       CASE WHEN g > 5000 THEN NULL ELSE md5('perf-institution-' || g)::uuid END
FROM generate_series(1, 5040) g
CROSS JOIN LATERAL (SELECT lpad((1000000 + g * 7)::text, 7, '0') AS body) d
CROSS JOIN LATERAL (
    SELECT d.body, CASE r WHEN 0 THEN '0' WHEN 1 THEN NULL ELSE (11 - r)::text END AS check_digit
    FROM (SELECT (substr(d.body,1,1)::int*7 + substr(d.body,2,1)::int*9 + substr(d.body,3,1)::int*10
                 + substr(d.body,4,1)::int*5 + substr(d.body,5,1)::int*8 + substr(d.body,6,1)::int*4
                 + substr(d.body,7,1)::int*2) % 11 AS r) x
) b
ON CONFLICT DO NOTHING;
COMMIT;
