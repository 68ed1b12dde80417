-- Fills a Celianet database with a national-scale data set, set-wise (generate_series, no per-row round trips):
--   :patrons patrons (default 1,000,000) across 300 libraries, realistic Finnish names, valid identity codes
--   sealed as Celianet seals them (see perf/generate.sh);
--   one registrar per library (perf-librarian-1 … 300, password celianet-perf; the simulations sign in as them);
--   'Perf Big Library' (md5('perf-big-library')) holding exactly 50,000 of the patrons, spread evenly over the
--   patron numbers, and the page load test's accounts perf-registrar (its REGISTRAR), perf-main-user (its
--   MAIN_USER), perf-staff (STAFF) and perf-admin (ADMIN), all with the password celianet-perf.
-- Run it with perf/generate.sh, which then runs the other perf/generate-*.sql (audit, mail, institutions, clubs,
-- maintenance).
\set ON_ERROR_STOP on
\timing on

BEGIN;

-- 300 libraries
INSERT INTO organisation (id, customer_number, name, type, city, postal_code, street_address, language, active, created_at, updated_at)
SELECT md5('perf-library-' || g)::uuid, 'P' || lpad(g::text, 6, '0'),
       'Perf Library ' || g, 'LIBRARY', (ARRAY['Helsinki','Espoo','Tampere','Vantaa','Oulu','Turku','Jyväskylä','Lahti','Kuopio','Pori'])[1 + g % 10],
       lpad((g * 37 % 99999)::text, 5, '0'), 'Kirjastokatu ' || g, 'fi', true, now(), now()
FROM generate_series(1, 300) g
ON CONFLICT DO NOTHING;

-- One registrar per library; perf-librarian-1..20 sign in during the load test.
INSERT INTO staff_account (id, username, display_name, email, language, role, organisation_id, password_hash, active, created_at, updated_at)
SELECT md5('perf-librarian-' || g)::uuid, 'perf-librarian-' || g, 'Perf Librarian ' || g, 'perf-librarian-' || g || '@perf.invalid',
       'fi', 'REGISTRAR', md5('perf-library-' || g)::uuid,
       '{argon2}$argon2id$v=19$m=19456,t=2,p=1$eGv4ilJdTNxPFWqyaqDXlg$zP7D8Gs7mJcpj0j9B47Ff1GAp1MfJm4UTh2n13eBqxk',
       true, now(), now()
FROM generate_series(1, 300) g
ON CONFLICT DO NOTHING;

-- The big library, and the accounts the page load test signs in as.
INSERT INTO organisation (id, customer_number, name, type, city, postal_code, street_address, email, language, active, created_at, updated_at)
VALUES (md5('perf-big-library')::uuid, 'P999999', 'Perf Big Library', 'LIBRARY', 'Helsinki', '00100',
        'Isokirjastonkatu 1', 'big-library@perf.invalid', 'fi', true, now() - interval '3 years', now())
ON CONFLICT DO NOTHING;

INSERT INTO staff_account (id, username, display_name, email, language, role, organisation_id, password_hash, active, created_at, updated_at)
SELECT md5(a.username)::uuid, a.username, a.display_name, a.username || '@perf.invalid', 'fi', a.role,
       CASE WHEN a.role IN ('REGISTRAR', 'MAIN_USER') THEN md5('perf-big-library')::uuid END,
       '{argon2}$argon2id$v=19$m=19456,t=2,p=1$eGv4ilJdTNxPFWqyaqDXlg$zP7D8Gs7mJcpj0j9B47Ff1GAp1MfJm4UTh2n13eBqxk',
       true, now() - interval '3 years', now()
FROM (VALUES ('perf-registrar', 'Perf Registrar', 'REGISTRAR'), ('perf-main-user', 'Perf Main User', 'MAIN_USER'),
             ('perf-staff', 'Perf Staff', 'STAFF'), ('perf-admin', 'Perf Admin', 'ADMIN')) a(username, display_name, role)
ON CONFLICT DO NOTHING;

COMMIT;

-- Patrons. Their identity codes come sealed: perf/generate.sh pipes perf/identity-codes.sql through
-- perf/SealIdentityCodes.java into the unlogged table perf_sealed_identity_code (g, id, sealed, key, index,
-- index key), which holds no clear code and goes at the end. Patron g is born 1930-01-01 + g % 30,000 days, as
-- the code says.
CREATE TEMP TABLE first_name (n int, name text);
INSERT INTO first_name SELECT ordinality - 1, name FROM unnest(ARRAY['Aino','Eino','Helmi','Väinö','Aada','Onni','Sofia','Leo','Olivia','Elias',
 'Eevi','Oliver','Linnea','Eetu','Emma','Lauri','Ella','Mikko','Maria','Juha','Anna','Timo','Kaarina','Matti','Liisa','Jukka','Marja',
 'Kari','Pirjo','Antti','Sari','Jari','Tuula','Pekka','Päivi','Heikki','Ritva','Seppo','Åsa','Björn','Sára','Áilu','Iida','Ville','Kerttu'])
 WITH ORDINALITY AS t(name, ordinality);
CREATE TEMP TABLE last_name (n int, name text);
INSERT INTO last_name SELECT ordinality - 1, name FROM unnest(ARRAY['Korhonen','Virtanen','Mäkinen','Nieminen','Mäkelä','Hämäläinen','Laine',
 'Heikkinen','Koskinen','Järvinen','Lehtonen','Lehtinen','Saarinen','Salminen','Heinonen','Niemi','Heikkilä','Kinnunen','Salonen',
 'Turunen','Salo','Laitinen','Tuominen','Rantanen','Karjalainen','Jokinen','Mattila','Savolainen','Lahtinen','Ahonen','Lindqvist',
 'Sjöberg','Öhman','Ylönen','Pääkkönen','Sammallahti','Valkeapää'])
 WITH ORDINALITY AS t(name, ordinality);

ALTER TABLE patron DROP CONSTRAINT IF EXISTS patron_registered_by_fk;
DROP INDEX IF EXISTS patron_search_name_trgm_ix;

INSERT INTO patron (id, patron_number, identity_code_sealed, identity_code_key, identity_code_index,
    identity_code_index_key, birth_date, first_name, last_name, search_name, email, phone,
    street_address, postal_code, city, language, channel, eligibility, service_online, service_cd_clubs, consent,
    organisation_id, registered_by, registered_by_name, registered_at, status, updated_at)
SELECT s.id,
       'C' || lpad((2000000 + g)::text, 7, '0'),
       s.sealed, s.key, s.index, s.index_key,
       date '1930-01-01' + (g % 30000), f.name, l.name, lower(f.name || ' ' || l.name),
       CASE WHEN g % 3 = 0 THEN NULL ELSE 'patron' || g || '@perf.invalid' END,
       '040' || lpad((g % 10000000)::text, 7, '0'),
       'Perfkatu ' || (g % 200 + 1), lpad((g * 7 % 99999)::text, 5, '0'), 'Helsinki',
       (ARRAY['fi','fi','fi','fi','sv','en'])[1 + g % 6], (ARRAY['IN_PERSON','PHONE','REMOTE'])[1 + g % 3],
       (ARRAY['VISUAL','READING','PHYSICAL','OTHER'])[1 + g % 4], g % 5 <> 0, g % 5 = 0 OR g % 7 = 0, true,
       CASE WHEN big THEN md5('perf-big-library')::uuid ELSE md5('perf-library-' || (1 + g % 300))::uuid END,
       CASE WHEN big THEN md5('perf-registrar')::uuid ELSE md5('perf-librarian-' || (1 + g % 300))::uuid END,
       CASE WHEN big THEN 'Perf Registrar' ELSE 'Perf Librarian ' || (1 + g % 300) END,
       now() - ((g % 365) || ' days')::interval, 'ACTIVE', now()
FROM perf_sealed_identity_code s
-- Patron g belongs to the big library when floor(g · 50,000 / patrons) steps up at g: exactly 50,000 of 1 … patrons.
CROSS JOIN LATERAL (SELECT g::bigint * 50000 / :patrons > (g - 1)::bigint * 50000 / :patrons AS big) b
JOIN first_name f ON f.n = g % (SELECT count(*) FROM first_name)
JOIN last_name l ON l.n = (g / 7) % (SELECT count(*) FROM last_name)
ON CONFLICT DO NOTHING;

SELECT setval('patron_number_seq', greatest((SELECT max(substr(patron_number, 2)::int) FROM patron), 2000000 + :patrons) + 1);
CREATE INDEX patron_search_name_trgm_ix ON patron USING gin (search_name gin_trgm_ops);
ALTER TABLE patron ADD CONSTRAINT patron_registered_by_fk FOREIGN KEY (registered_by) REFERENCES staff_account (id) NOT VALID;

-- A database filled before the big library existed: move the same 50,000 patrons there (a no-op otherwise).
UPDATE patron SET organisation_id = md5('perf-big-library')::uuid, updated_at = now()
WHERE patron_number IN (
    SELECT 'C' || lpad((2000000 + g)::text, 7, '0') FROM generate_series(1, :patrons) g
    WHERE g::bigint * 50000 / :patrons > (g - 1)::bigint * 50000 / :patrons)
  AND organisation_id <> md5('perf-big-library')::uuid;

DROP TABLE perf_sealed_identity_code;
