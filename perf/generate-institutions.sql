-- 5,000 institution customers (schools, care homes, libraries, others), each with its approved application, its
-- history and its staff: a main user perf-inst-<g>-main and two registrars perf-inst-<g>-reg-1 and -2 (password
-- celianet-perf), the application's proposed registrars in that order. And 500 open applications (5001 … 5500):
-- half received, 30 % in review by perf-staff, 20 % waiting for the applicant's answer to perf-staff's question,
-- with their proposed registrars and their history (submitted, taken, questions and answers).
-- Run by perf/generate.sh after generate-data.sql.
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

-- Open applications (g > 5000) were sent 3 to 42 days ago; the status cycles over g % 10.
INSERT INTO institution_application (id, reference, tracking_token, submission_token, status, organisation_name,
    organisation_type, business_id, no_business_id_reason, contact_name, email, phone, street_address, postal_code, city,
    message, language, submitted_at, assignee_id, assignee_name, waiting_since, paused_working_days,
    decided_at, decided_by, working_days_to_decision, organisation_id)
SELECT md5('perf-application-' || g)::uuid, 'L-2025-' || lpad(g::text, 5, '0'), md5('perf-tracking-' || g),
       md5('perf-submission-' || g), CASE WHEN g > 5000 THEN o.status ELSE 'APPROVED' END,
       (ARRAY['Koulu','Hoivakoti','Lähikirjasto','Yhdistys'])[1 + g % 4] || ' ' || g,
       CASE WHEN b.check_digit IS NULL THEN 'OTHER' ELSE (ARRAY['SCHOOL','CARE_HOME','LIBRARY','OTHER'])[1 + g % 4] END,
       CASE WHEN b.check_digit IS NULL THEN NULL ELSE b.body || '-' || b.check_digit END,
       CASE WHEN b.check_digit IS NULL THEN 'generated for the load test' END,
       'Yhteys Henkilö', 'institution' || g || '@perf.invalid', '0401234567', 'Laitoskatu ' || g, '33100', 'Tampere',
       CASE WHEN g % 3 = 0 THEN 'Haluamme aloittaa syyslukukauden alussa.' END,
       (ARRAY['fi','fi','fi','sv','en'])[1 + g % 5],
       o.submitted_at,
       CASE WHEN g > 5000 AND o.status <> 'RECEIVED' THEN md5('perf-staff')::uuid END,
       CASE WHEN g > 5000 AND o.status <> 'RECEIVED' THEN 'Perf Staff' END,
       CASE WHEN g > 5000 AND o.status = 'WAITING_FOR_APPLICANT' THEN o.submitted_at + interval '2 days' END,
       CASE WHEN g > 5000 AND o.status = 'IN_REVIEW' AND g % 3 = 0 THEN 2 ELSE 0 END,
       CASE WHEN g > 5000 THEN NULL ELSE now() - ((g % 700) || ' days')::interval END,
       CASE WHEN g > 5000 THEN NULL ELSE 'perf-staff' END,
       CASE WHEN g > 5000 THEN NULL ELSE 1 + g % 3 END,
       CASE WHEN g > 5000 THEN NULL ELSE md5('perf-institution-' || g)::uuid END
FROM generate_series(1, 5500) g
CROSS JOIN LATERAL (
    SELECT CASE WHEN g % 10 < 5 THEN 'RECEIVED' WHEN g % 10 < 8 THEN 'IN_REVIEW' ELSE 'WAITING_FOR_APPLICANT' END AS status,
           CASE WHEN g > 5000 THEN now() - interval '3 days' - ((g * 7919 % 56160) || ' minutes')::interval
                ELSE now() - ((g % 700 + 3) || ' days')::interval END AS submitted_at
) o
CROSS JOIN LATERAL (SELECT lpad((1000000 + g * 7)::text, 7, '0') AS body) d
CROSS JOIN LATERAL (
    SELECT d.body, CASE r WHEN 0 THEN '0' WHEN 1 THEN NULL ELSE (11 - r)::text END AS check_digit
    FROM (SELECT (substr(d.body,1,1)::int*7 + substr(d.body,2,1)::int*9 + substr(d.body,3,1)::int*10
                 + substr(d.body,4,1)::int*5 + substr(d.body,5,1)::int*8 + substr(d.body,6,1)::int*4
                 + substr(d.body,7,1)::int*2) % 11 AS r) x
) b
ON CONFLICT DO NOTHING;

-- A database filled when the queue held 40 received applications: they are open applications too, now with the
-- same mix of states as the rest (only those still as the generator left them).
UPDATE institution_application a
SET status = o.status,
    submitted_at = now() - interval '3 days' - ((o.g * 7919 % 56160) || ' minutes')::interval,
    assignee_id = CASE WHEN o.status <> 'RECEIVED' THEN md5('perf-staff')::uuid END,
    assignee_name = CASE WHEN o.status <> 'RECEIVED' THEN 'Perf Staff' END,
    waiting_since = CASE WHEN o.status = 'WAITING_FOR_APPLICANT'
                         THEN now() - interval '3 days' - ((o.g * 7919 % 56160) || ' minutes')::interval + interval '2 days' END
FROM (SELECT g, CASE WHEN g % 10 < 5 THEN 'RECEIVED' WHEN g % 10 < 8 THEN 'IN_REVIEW' ELSE 'WAITING_FOR_APPLICANT' END AS status
      FROM generate_series(5001, 5040) g) o
WHERE a.id = md5('perf-application-' || o.g)::uuid AND a.status = 'RECEIVED' AND a.assignee_id IS NULL
  AND o.status <> 'RECEIVED' AND NOT EXISTS (SELECT 1 FROM institution_application_event e WHERE e.application_id = a.id);

-- The customers' staff: the main user and two registrars of each organisation.
INSERT INTO staff_account (id, username, display_name, email, language, role, organisation_id, password_hash, active, created_at, updated_at)
SELECT md5(u.username)::uuid, u.username, u.display_name, u.username || '@perf.invalid', 'fi', u.role,
       md5('perf-institution-' || g)::uuid,
       '{argon2}$argon2id$v=19$m=19456,t=2,p=1$eGv4ilJdTNxPFWqyaqDXlg$zP7D8Gs7mJcpj0j9B47Ff1GAp1MfJm4UTh2n13eBqxk',
       true, now() - ((g % 700) || ' days')::interval, now()
FROM generate_series(1, 5000) g
CROSS JOIN LATERAL (VALUES (1, 'perf-inst-' || g || '-main', 'Pääkäyttäjä ' || g, 'MAIN_USER'),
                           (2, 'perf-inst-' || g || '-reg-1', 'Rekisteröijä ' || g || ' A', 'REGISTRAR'),
                           (3, 'perf-inst-' || g || '-reg-2', 'Rekisteröijä ' || g || ' B', 'REGISTRAR'))
    u(position, username, display_name, role)
ON CONFLICT DO NOTHING;

-- The registrars each application proposes, the first the main user: three on an approved one (now staff
-- accounts), one to three on an open one. Positions count from 0, as the application's list is ordered.
INSERT INTO institution_application_registrar (application_id, position, name, email, staff_account_id)
SELECT md5('perf-application-' || g)::uuid, r.position - 1, r.name, r.email, r.staff_account_id
FROM generate_series(1, 5500) g
CROSS JOIN LATERAL (VALUES
    (1, 'Pääkäyttäjä ' || g, CASE WHEN g <= 5000 THEN 'perf-inst-' || g || '-main' ELSE 'applicant-' || g || '-1' END),
    (2, 'Rekisteröijä ' || g || ' A', CASE WHEN g <= 5000 THEN 'perf-inst-' || g || '-reg-1' ELSE 'applicant-' || g || '-2' END),
    (3, 'Rekisteröijä ' || g || ' B', CASE WHEN g <= 5000 THEN 'perf-inst-' || g || '-reg-2' ELSE 'applicant-' || g || '-3' END))
    p(position, name, username)
CROSS JOIN LATERAL (SELECT p.position, p.name, p.username || '@perf.invalid' AS email,
                           CASE WHEN g <= 5000 THEN md5(p.username)::uuid END AS staff_account_id) r
WHERE g <= 5000 OR r.position <= 1 + g % 3
ON CONFLICT DO NOTHING;

-- Each application's history, written once (an application that has any keeps it): submitted; taken by
-- perf-staff; for some a question and the applicant's answer; the decision of an approved one.
INSERT INTO institution_application_event (application_id, occurred_at, actor, kind, text)
SELECT a.id, e.occurred_at, e.actor, e.kind, e.text
FROM institution_application a
LEFT JOIN organisation o ON o.id = a.organisation_id
CROSS JOIN LATERAL (VALUES
    (1, a.submitted_at, a.contact_name, 'SUBMITTED', NULL),
    (2, a.submitted_at + interval '1 day', 'Perf Staff', 'TAKEN', NULL),
    (3, a.submitted_at + interval '2 days', 'Perf Staff', 'INFO_REQUESTED',
        'Voisitteko lähettää vielä rekisteröijien puhelinnumerot ja kertoa, keitä asiakkaita palvelette?'),
    (4, a.submitted_at + interval '3 days', a.contact_name, 'REPLIED',
        'Rekisteröijien numerot ovat 040 123 4567 ja 040 765 4321. Palvelemme koululaisia, joilla on lukivaikeus.'),
    (5, a.decided_at, 'Perf Staff', 'APPROVED', o.customer_number)) e(n, occurred_at, actor, kind, text)
WHERE a.id IN (SELECT md5('perf-application-' || g)::uuid FROM generate_series(1, 5500) g)
  AND NOT EXISTS (SELECT 1 FROM institution_application_event x WHERE x.application_id = a.id)
  AND CASE a.status
        WHEN 'RECEIVED' THEN e.n = 1
        WHEN 'IN_REVIEW' THEN e.n <= 2 OR (e.n <= 4 AND a.paused_working_days > 0)
        WHEN 'WAITING_FOR_APPLICANT' THEN e.n <= 3
        WHEN 'APPROVED' THEN e.n <> 5 OR a.decided_at IS NOT NULL
        ELSE false END
  AND (a.status <> 'APPROVED' OR e.n IN (1, 2, 5) OR abs(hashtext(a.id::text)) % 5 = 0)
ORDER BY a.id, e.n;
COMMIT;
