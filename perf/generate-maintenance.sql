-- Maintenance windows and service notices, so the maintenance pages and their audience counts have something to
-- show: one upcoming window (announced since two days ago, starting in ten days, a week long), two past ones
-- (announced to the patrons: perf/generate-mail.sql writes their sent mails), one cancelled, and four notices
-- (news, a known issue with its workaround, a Q&A session, and an expired news item).
-- Run by perf/generate.sh after generate-data.sql.
\set ON_ERROR_STOP on
\timing on
BEGIN;
INSERT INTO maintenance_window (id, starts_at, ends_at, announce_from, title_fi, title_sv, title_en, message_fi,
    message_sv, message_en, services, open_channels, cancelled_at, version, announced_version, created_at, created_by,
    updated_at, updated_by)
SELECT md5(w.key)::uuid, w.starts_at, w.starts_at + w.length, w.announce_from, w.title_fi, w.title_sv, w.title_en,
       'Palvelu ei ole käytettävissä huollon aikana. Pahoittelemme katkoa.',
       'Tjänsten är inte tillgänglig under underhållet. Vi beklagar avbrottet.',
       'The service is not available during the maintenance. We apologise for the break.',
       w.services, w.channels, w.cancelled_at, w.version, w.announced_version,
       w.announce_from - interval '7 days', 'perf-admin', w.announce_from - interval '7 days', 'perf-admin'
FROM (VALUES
    ('perf-maintenance-upcoming', date_trunc('hour', now()) + interval '10 days', interval '7 days',
     now() - interval '2 days', 'Järjestelmän päivitys', 'Systemuppdatering', 'System upgrade',
     ARRAY['REGISTRATION', 'PASSWORD_RESET', 'INSTITUTION_SIGNUP'], ARRAY['EMAIL', 'PHONE'], NULL::timestamptz, 1, NULL::int),
    ('perf-maintenance-past-1', date_trunc('hour', now()) - interval '60 days', interval '4 hours',
     date_trunc('hour', now()) - interval '74 days', 'Tietokannan huolto', 'Databasunderhåll', 'Database maintenance',
     ARRAY['REGISTRATION', 'PASSWORD_RESET'], ARRAY['EMAIL'], NULL, 1, 1),
    ('perf-maintenance-past-2', date_trunc('hour', now()) - interval '200 days', interval '6 hours',
     date_trunc('hour', now()) - interval '214 days', 'Palvelinsiirto', 'Serverflytt', 'Server move',
     ARRAY['REGISTRATION', 'PASSWORD_RESET', 'LENDING', 'INSTITUTION_SIGNUP'], ARRAY['EMAIL', 'PHONE', 'CHAT'], NULL, 1, 1),
    ('perf-maintenance-cancelled', date_trunc('hour', now()) - interval '120 days', interval '2 hours',
     date_trunc('hour', now()) - interval '130 days', 'Verkkohuolto', 'Nätverksunderhåll', 'Network maintenance',
     ARRAY['LENDING'], ARRAY['EMAIL'], date_trunc('hour', now()) - interval '125 days', 2, NULL))
    w(key, starts_at, length, announce_from, title_fi, title_sv, title_en, services, channels, cancelled_at, version,
      announced_version)
ON CONFLICT DO NOTHING;

INSERT INTO service_notice (id, kind, title_fi, title_sv, title_en, body_fi, body_sv, body_en, workaround_fi,
    workaround_sv, workaround_en, session_starts_at, join_link, summary_fi, publish_from, publish_until, created_at,
    created_by, updated_at, updated_by)
SELECT md5(n.key)::uuid, n.kind, n.title_fi, n.title_sv, n.title_en, n.body_fi, n.body_sv, n.body_en,
       n.workaround_fi, n.workaround_sv, n.workaround_en, n.session_starts_at, n.join_link, n.summary_fi,
       n.publish_from, n.publish_until, n.publish_from, 'perf-staff', n.publish_from, 'perf-staff'
FROM (VALUES
    ('perf-notice-news', 'NEWS', 'Uusi rekisteröintilomake', 'Nytt registreringsformulär', 'New registration form',
     'Asiakkaan rekisteröinti on nyt yhdellä sivulla.', 'Registreringen av en kund sker nu på en sida.',
     'Registering a patron now takes one page.', NULL, NULL, NULL, NULL::timestamptz, NULL,
     NULL, now() - interval '20 days', NULL::timestamptz),
    ('perf-notice-known-issue', 'KNOWN_ISSUE', 'Tunnuskirjeiden tulostus viivästyy', 'Utskriften av brev försenas',
     'Credentials letters are delayed', 'Tunnuskirjeet lähtevät tällä viikolla päivän myöhässä.',
     'Breven med inloggningsuppgifter skickas en dag senare denna vecka.', 'Credentials letters go out a day late this week.',
     'Anna tunnukset puhelimessa lyhyellä koodilla.', 'Ge uppgifterna per telefon med en kort kod.',
     'Give the credentials on the phone with a short code.', NULL, NULL, NULL, now() - interval '3 days', now() + interval '11 days'),
    ('perf-notice-qa', 'QA_SESSION', 'Kysy Celiasta -tilaisuus', 'Fråga Celia', 'Ask Celia session',
     'Kysymyksiä rekisteröinnistä ja kerhoista.', 'Frågor om registrering och klubbar.', 'Questions about registration and clubs.',
     NULL, NULL, NULL, date_trunc('day', now()) + interval '14 days 13 hours', 'https://meet.perf.invalid/celia-qa',
     NULL, now() - interval '5 days', now() + interval '15 days'),
    ('perf-notice-old-news', 'NEWS', 'Kesän aukioloajat', 'Sommarens öppettider', 'Summer opening hours',
     'Asiakaspalvelu palvelee kesällä klo 9–15.', 'Kundtjänsten betjänar kl. 9–15 under sommaren.',
     'Customer service is open 9–15 in the summer.', NULL, NULL, NULL, NULL, NULL, NULL,
     now() - interval '180 days', now() - interval '90 days'))
    n(key, kind, title_fi, title_sv, title_en, body_fi, body_sv, body_en, workaround_fi, workaround_sv, workaround_en,
      session_starts_at, join_link, summary_fi, publish_from, publish_until)
ON CONFLICT DO NOTHING;
COMMIT;
