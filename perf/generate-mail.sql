-- A year of sent mail: 2 per patron (2,000,000 at 1,000,000 patrons) in outbound_mail, state SENT, to the
-- patrons who have an e-mail address (patron<g>@perf.invalid, every g not divisible by 3), in their language, each
-- about its patron (reference PATRON) or its maintenance window: first every such patron's credentials mail
-- (sent when the patron was registered), then a password-reset mail each, then the rest are the announcements of
-- the two past maintenance windows of perf/generate-maintenance.sql. Ids and dedupe keys are deterministic, so a
-- rerun adds nothing. Run by perf/generate.sh after generate-data.sql and generate-maintenance.sql.
\set ON_ERROR_STOP on
\timing on
SET maintenance_work_mem = '1GB';

BEGIN;
-- Rebuilding the secondary indexes once is far cheaper than keeping them up to date row by row (the unique dedupe
-- key stays: it decides the conflicts).
DROP INDEX IF EXISTS outbound_mail_reference_ix, outbound_mail_created_ix, outbound_mail_recipient_trgm_ix,
    outbound_mail_subject_trgm_ix;

-- k: the mail (0 … 2 · patrons − 1); r = k / e: which round (0 credentials, 1 reset, 2 announcement), where e is
-- how many patrons have an address; j = k % e: the j-th patron with an address, g = 3 · (j / 2) + 1 + j % 2.
INSERT INTO outbound_mail (id, dedupe_key, recipient, language, subject, body, link_purpose, link_subject_id,
    reference_type, reference_id, state, priority, attempts, created_at, next_attempt_at, sent_at)
SELECT md5('perf-mail-' || k)::uuid,
       CASE r WHEN 0 THEN 'patron-credentials:' || md5('perf-mail-request-' || k)::uuid || ':' || m.recipient
              WHEN 1 THEN 'patron-reset:' || md5('perf-mail-request-' || k)::uuid || ':' || m.recipient
              ELSE 'maintenance-announcement:' || md5('perf-maintenance-past-' || w)::uuid || ':1:' || m.recipient END,
       m.recipient, m.language,
       CASE r WHEN 0 THEN (ARRAY['Celia-kirjaston tunnuksesi', 'Dina inloggningsuppgifter till Celia-biblioteket',
                                 'Your credentials for the Celia library'])[m.l]
              WHEN 1 THEN (ARRAY['Celia-kirjasto: uuden salasanan asettaminen', 'Celia-biblioteket: välj ett nytt lösenord',
                                 'Celia library: setting a new password'])[m.l]
              ELSE (ARRAY['Tauko palvelussa Celia-kirjasto: ', 'Avbrott i tjänsten Celia-biblioteket: ',
                          'Break in the Celia library: '])[m.l]
                   || (ARRAY[ARRAY['Tietokannan huolto', 'Databasunderhåll', 'Database maintenance'],
                             ARRAY['Palvelinsiirto', 'Serverflytt', 'Server move']])[w][m.l] END,
       CASE r WHEN 0 THEN (ARRAY['Hei ', 'Hej ', 'Hello '])[m.l] || m.name || E',\n\n'
                          || (ARRAY['Sinut on rekisteröity Celia-kirjaston asiakkaaksi. Asiakasnumerosi on ',
                                    'Du har registrerats som kund hos Celia-biblioteket. Ditt kundnummer är ',
                                    'You have been registered as a patron of the Celia library. Your patron number is '])[m.l]
                          || m.patron_number || E'.\n\n'
                          || (ARRAY['Aseta salasanasi 14 päivän kuluessa: ', 'Välj ditt lösenord inom 14 dagar: ',
                                    'Set your password within 14 days: '])[m.l]
                          || E'https://celianet.perf.invalid/account/activate/…\n\nCelia'
              WHEN 1 THEN (ARRAY['Hei ', 'Hej ', 'Hello '])[m.l] || m.name || E',\n\n'
                          || (ARRAY['Voit asettaa uuden salasanan vuorokauden ajan: ',
                                    'Du kan välja ett nytt lösenord under ett dygn: ',
                                    'You can set a new password for a day: '])[m.l]
                          || E'https://celianet.perf.invalid/account/reset/…\n\nCelia'
              ELSE (ARRAY['Palvelu ei ole käytettävissä huollon aikana. Pahoittelemme katkoa.',
                          'Tjänsten är inte tillgänglig under underhållet. Vi beklagar avbrottet.',
                          'The service is not available during the maintenance. We apologise for the break.'])[m.l]
                   || E'\n\nCelia' END,
       CASE r WHEN 0 THEN 'PATRON_ACTIVATION' WHEN 1 THEN 'PATRON_RESET' END,
       CASE WHEN r < 2 THEN m.patron_id END,
       CASE WHEN r < 2 THEN 'PATRON' ELSE 'MAINTENANCE_WINDOW' END,
       CASE WHEN r < 2 THEN m.patron_id ELSE md5('perf-maintenance-past-' || w)::uuid END,
       'SENT', CASE WHEN r < 2 THEN 0 ELSE 1 END, 1, t.created_at, t.created_at, t.created_at + interval '20 seconds'
FROM (SELECT :patrons - :patrons / 3 AS e) c
CROSS JOIN generate_series(0, 2 * :patrons - 1) k
CROSS JOIN LATERAL (SELECT k / c.e AS r, k % c.e AS j) q
CROSS JOIN LATERAL (SELECT 3 * (q.j / 2) + 1 + q.j % 2 AS g, 1 + q.j % 2 AS w) p
CROSS JOIN LATERAL (
    SELECT 'patron' || p.g || '@perf.invalid' AS recipient,
           (ARRAY['fi','fi','fi','fi','sv','en'])[1 + p.g % 6] AS language,
           (ARRAY[1, 1, 1, 1, 2, 3])[1 + p.g % 6] AS l,
           md5('perf-patron-' || p.g)::uuid AS patron_id,
           'C' || lpad((2000000 + p.g)::text, 7, '0') AS patron_number,
           f.name || ' ' || ln.name AS name
    FROM (SELECT (ARRAY['Aino','Eino','Helmi','Väinö','Aada','Onni','Sofia','Leo','Olivia','Elias','Eevi','Oliver',
                        'Linnea','Eetu','Emma','Lauri','Ella','Mikko','Maria','Juha','Anna','Timo','Kaarina','Matti',
                        'Liisa','Jukka','Marja','Kari','Pirjo','Antti','Sari','Jari','Tuula','Pekka','Päivi','Heikki',
                        'Ritva','Seppo','Åsa','Björn','Sára','Áilu','Iida','Ville','Kerttu'])[1 + p.g % 45] AS name) f,
         (SELECT (ARRAY['Korhonen','Virtanen','Mäkinen','Nieminen','Mäkelä','Hämäläinen','Laine','Heikkinen',
                        'Koskinen','Järvinen','Lehtonen','Lehtinen','Saarinen','Salminen','Heinonen','Niemi','Heikkilä',
                        'Kinnunen','Salonen','Turunen','Salo','Laitinen','Tuominen','Rantanen','Karjalainen','Jokinen',
                        'Mattila','Savolainen','Lahtinen','Ahonen','Lindqvist','Sjöberg','Öhman','Ylönen','Pääkkönen',
                        'Sammallahti','Valkeapää'])[1 + (p.g / 7) % 37] AS name) ln
) m
CROSS JOIN LATERAL (
    SELECT CASE q.r WHEN 0 THEN now() - ((p.g % 365) || ' days')::interval + interval '1 minute'
                    WHEN 1 THEN now() - (k::bigint * 104729 % 31536000) * interval '1 second'
                    ELSE date_trunc('hour', now()) - (ARRAY[interval '74 days', interval '214 days'])[p.w]
                         + (k % 3600) * interval '1 second' END AS created_at
) t
ON CONFLICT DO NOTHING;

CREATE INDEX IF NOT EXISTS outbound_mail_reference_ix ON outbound_mail (reference_type, reference_id, created_at DESC);
CREATE INDEX IF NOT EXISTS outbound_mail_created_ix ON outbound_mail (created_at DESC);
CREATE INDEX IF NOT EXISTS outbound_mail_recipient_trgm_ix ON outbound_mail USING gin (recipient gin_trgm_ops);
CREATE INDEX IF NOT EXISTS outbound_mail_subject_trgm_ix ON outbound_mail USING gin (subject gin_trgm_ops);

-- The sendings that queued the past windows' announcements, with as many mails as went out.
INSERT INTO announcement_sending (id, window_id, kind, window_version, audiences, scheduled_for, created_at, created_by,
    confirmed_count, queued_count, queued_at)
SELECT md5('perf-sending-past-' || w)::uuid, md5('perf-maintenance-past-' || w)::uuid, 'ANNOUNCEMENT', 1,
       ARRAY['PATRONS'], mw.announce_from, mw.announce_from - interval '1 day', 'perf-admin', s.sent, s.sent,
       mw.announce_from
FROM generate_series(1, 2) w
JOIN maintenance_window mw ON mw.id = md5('perf-maintenance-past-' || w)::uuid
CROSS JOIN LATERAL (SELECT count(*) AS sent FROM outbound_mail
                    WHERE reference_type = 'MAINTENANCE_WINDOW' AND reference_id = mw.id) s
ON CONFLICT DO NOTHING;
COMMIT;
