-- A year of audit records: 10 per patron (10,000,000 at 1,000,000 patrons), spread over the last 365 days, in a
-- mix of what a national service's trail holds: librarians viewing, searching, registering and editing patrons
-- (with the access purpose and their library as the actor's organisation), institution staff, the service's own
-- staff and administrators (actor_service), patrons setting passwords, applicants, failed sign-ins and the system.
-- The actions are AuditEvent names. The trail is append-only and its ids are generated, so a rerun only tops it
-- up to 10 per patron. Run by perf/generate.sh after generate-data.sql and generate-institutions.sql.
\set ON_ERROR_STOP on
\timing on
SET maintenance_work_mem = '1GB';

SELECT count(*) AS audit_have, 10 * :patrons::bigint AS audit_want FROM audit_event \gset
SELECT :audit_have >= :audit_want AS audit_done \gset
\if :audit_done
\echo audit_event already holds :audit_have records: nothing to add
\else
-- What happens, per 100 records: action, who (actor kind), about what (target kind), outcome, purpose.
CREATE TEMP TABLE audit_mix (action text, actor_kind text, target_kind text, outcome text, purpose text, weight int);
INSERT INTO audit_mix VALUES
    ('PATRON_VIEWED',                       'LIBRARIAN',   'PATRON',      'SUCCESS', 'VIEW',             15),
    ('PATRON_VIEWED',                       'LIBRARIAN',   'PATRON',      'SUCCESS', 'SEARCH_RESULT',    10),
    ('PATRON_SEARCH_BY_IDENTITY_CODE',      'LIBRARIAN',   'PATRON',      'SUCCESS', 'SEARCH',           10),
    ('SIGN_IN',                             'LIBRARIAN',   'SELF',        'SUCCESS', NULL,               10),
    ('PATRON_REGISTERED',                   'LIBRARIAN',   'PATRON',      'SUCCESS', 'REGISTRATION',      5),
    ('PATRON_CHANGED',                      'LIBRARIAN',   'PATRON',      'SUCCESS', 'EDIT',              6),
    ('PATRON_PASSWORD_SET',                 'PATRON',      'PATRON',      'SUCCESS', NULL,                5),
    ('PATRON_PASSWORD_RESET_REQUESTED',     'LIBRARIAN',   'PATRON',      'SUCCESS', 'CREDENTIALS_HELP',  3),
    ('PATRON_CREDENTIALS_RESENT',           'LIBRARIAN',   'PATRON',      'SUCCESS', 'CREDENTIALS_HELP',  2),
    ('PATRON_CREDENTIALS_LETTER_REQUESTED', 'LIBRARIAN',   'PATRON',      'SUCCESS', 'CREDENTIALS_HELP',  1),
    ('PATRON_LIST_VIEWED',                  'LIBRARIAN',   'ORGANISATION','SUCCESS', NULL,                3),
    ('PATRON_TRANSFERRED',                  'LIBRARIAN',   'PATRON',      'SUCCESS', 'TRANSFER',          1),
    ('PATRON_CLOSED',                       'LIBRARIAN',   'PATRON',      'SUCCESS', 'EDIT',              1),
    ('ACCESS_DENIED',                       'LIBRARIAN',   'PATH',        'DENIED',  NULL,                1),
    ('SIGN_IN',                             'INSTITUTION', 'SELF',        'SUCCESS', NULL,                5),
    ('PATRON_VIEWED',                       'INSTITUTION', 'PATRON',      'SUCCESS', 'VIEW',              3),
    ('STAFF_UPDATED',                       'INST_MAIN',   'STAFF',       'SUCCESS', NULL,                1),
    ('SIGN_IN',                             'STAFF',       'SELF',        'SUCCESS', NULL,                2),
    ('SECOND_FACTOR',                       'STAFF',       'SELF',        'SUCCESS', NULL,                1),
    ('BOOKCLUB_SUBSCRIBED',                 'STAFF',       'PATRON',      'SUCCESS', 'CLUB_WORK',         3),
    ('BOOKCLUB_PAUSED',                     'STAFF',       'PATRON',      'SUCCESS', 'CLUB_WORK',         1),
    ('BOOKCLUB_ENDED',                      'STAFF',       'PATRON',      'SUCCESS', 'CLUB_WORK',         1),
    ('BOOKCLUB_MEMBERS_CSV',                'STAFF',       'SHIPMENT',    'SUCCESS', NULL,                1),
    ('INSTITUTION_APPLICATION_TAKEN',       'STAFF',       'APPLICATION', 'SUCCESS', NULL,                1),
    ('INSTITUTION_APPLICATION_SUBMITTED',   'APPLICANT',   'APPLICATION', 'SUCCESS', NULL,                1),
    ('CUSTOMER_PASSWORD_SET',               'CUSTOMER',    'CUSTOMER',    'SUCCESS', NULL,                1),
    ('SIGN_IN',                             'ADMIN',       'SELF',        'SUCCESS', NULL,                1),
    ('PATRON_DATA_REPORT',                  'ADMIN',       'PATRON',      'SUCCESS', NULL,                1),
    ('SIGN_IN',                             'TYPED',       'NONE',        'FAILURE', NULL,                3),
    ('RETENTION_PURGED',                    'SYSTEM',      'NONE',        'SUCCESS', NULL,                1);
-- Bucket b (0 … 99) of the mix; record g falls in bucket g % 100.
CREATE TEMP TABLE audit_bucket AS
SELECT b, m.* FROM (SELECT *, sum(weight) OVER (ORDER BY ctid) AS upto FROM audit_mix) m
JOIN generate_series(0, 99) b ON b >= m.upto - m.weight AND b < m.upto;
SELECT CASE WHEN count(*) = 100 THEN 'audit mix: 100 buckets' ELSE 'audit mix weights must add up to 100' END FROM audit_bucket;

BEGIN;
-- Rebuilding the secondary indexes once is far cheaper than keeping them up to date row by row.
DROP INDEX IF EXISTS audit_event_occurred_at_ix, audit_event_target_ix, audit_event_actor_ix, audit_event_action_ix,
    audit_event_actor_trgm_ix, audit_event_actor_action_ix;

INSERT INTO audit_event (occurred_at, actor, actor_organisation_id, actor_service, action, target_type, target_id,
    outcome, details, purpose)
SELECT now() - (g * 104729 % 31536000) * interval '1 second',
       a.actor, a.organisation_id, a.service, m.action,
       CASE m.target_kind WHEN 'PATRON' THEN 'PATRON' WHEN 'SELF' THEN 'STAFF_ACCOUNT' WHEN 'STAFF' THEN 'STAFF_ACCOUNT'
            WHEN 'ORGANISATION' THEN 'ORGANISATION' WHEN 'PATH' THEN 'PATH' WHEN 'SHIPMENT' THEN 'CLUB_SHIPMENT'
            WHEN 'APPLICATION' THEN 'INSTITUTION_APPLICATION' WHEN 'CUSTOMER' THEN 'CUSTOMER_ACCOUNT'
            WHEN 'NONE' THEN CASE WHEN m.action = 'SIGN_IN' THEN 'STAFF_ACCOUNT' END END,
       CASE m.target_kind WHEN 'PATRON' THEN md5('perf-patron-' || x.p)::uuid::text
            WHEN 'SELF' THEN md5(a.actor)::uuid::text
            WHEN 'STAFF' THEN md5('perf-inst-' || x.i || '-reg-' || (1 + g % 2))::uuid::text
            WHEN 'ORGANISATION' THEN a.organisation_id::text
            WHEN 'PATH' THEN '/admin/audit'
            WHEN 'SHIPMENT' THEN md5('perf-shipment-' || (1 + g % 30) || '-' || (g / 100 % 12))::uuid::text
            WHEN 'APPLICATION' THEN md5('perf-application-' || (1 + g / 100 % 5500))::uuid::text
            WHEN 'CUSTOMER' THEN md5('perf-customer-' || x.i)::uuid::text END,
       m.outcome,
       CASE m.action
            WHEN 'SIGN_IN' THEN 'address 10.' || (g % 250) || '.' || (g / 250 % 250) || '.' || (1 + g / 62500 % 250)
            WHEN 'PATRON_REGISTERED' THEN 'organisation ' || a.organisation_id || ', channel '
                 || (ARRAY['IN_PERSON','PHONE','REMOTE'])[1 + x.p % 3]
            WHEN 'PATRON_CHANGED' THEN (ARRAY['email', 'phone', 'street_address, postal_code, city', 'language',
                 'service_cd_clubs'])[1 + g % 5]
            WHEN 'PATRON_LIST_VIEWED' THEN 'status=ACTIVE page=' || (g % 5) || ' rows=' || (1000 + g % 3000)
            WHEN 'ACCESS_DENIED' THEN 'GET /admin/audit'
            WHEN 'SECOND_FACTOR' THEN 'authenticator app'
            WHEN 'INSTITUTION_APPLICATION_SUBMITTED' THEN 'L-2025-' || lpad((1 + g / 100 % 5500)::text, 5, '0')
            WHEN 'RETENTION_PURGED' THEN 'mails=' || (g % 900) || ' tokens=' || (g % 300) || ' submissions=0 searches='
                 || (g % 2000) || ' patrons=0'
       END,
       m.purpose
FROM generate_series(:audit_have::bigint + 1, :audit_want::bigint) g
JOIN audit_bucket m ON m.b = g % 100
-- p: the patron concerned; big: whether the big library holds it (as generate-data.sql decides); n: its library;
-- i: an institution customer
CROSS JOIN LATERAL (SELECT p, p * 50000 / :patrons > (p - 1) * 50000 / :patrons AS big, 1 + p % 300 AS n,
                           1 + g / 100 % 5000 AS i
                    FROM (SELECT 1 + g * 7919 % :patrons AS p) q) x
CROSS JOIN LATERAL (
    SELECT CASE m.actor_kind
             WHEN 'LIBRARIAN' THEN CASE WHEN x.big THEN 'perf-registrar' ELSE 'perf-librarian-' || x.n END
             WHEN 'INSTITUTION' THEN CASE WHEN g % 3 = 0 THEN 'perf-inst-' || x.i || '-main'
                                          ELSE 'perf-inst-' || x.i || '-reg-' || (1 + g % 3) END
             WHEN 'INST_MAIN' THEN 'perf-inst-' || x.i || '-main'
             WHEN 'STAFF' THEN 'perf-staff'
             WHEN 'ADMIN' THEN 'perf-admin'
             WHEN 'PATRON' THEN 'C' || lpad((2000000 + x.p)::text, 7, '0')
             WHEN 'APPLICANT' THEN 'applicant'
             WHEN 'CUSTOMER' THEN 'customer'
             WHEN 'SYSTEM' THEN 'system'
             WHEN 'TYPED' THEN (ARRAY['perf-librarian-' || x.n, 'admin', 'kirjasto' || x.n, 'perf-staff'])[1 + g % 4]
           END AS actor,
           CASE m.actor_kind
             WHEN 'LIBRARIAN' THEN CASE WHEN x.big THEN md5('perf-big-library')::uuid ELSE md5('perf-library-' || x.n)::uuid END
             WHEN 'INSTITUTION' THEN md5('perf-institution-' || x.i)::uuid
             WHEN 'INST_MAIN' THEN md5('perf-institution-' || x.i)::uuid
           END AS organisation_id,
           m.actor_kind IN ('STAFF', 'ADMIN') AS service) a;

CREATE INDEX audit_event_occurred_at_ix ON audit_event (occurred_at DESC);
CREATE INDEX audit_event_target_ix ON audit_event (target_type, target_id, occurred_at DESC);
CREATE INDEX audit_event_actor_ix ON audit_event (actor, occurred_at DESC);
CREATE INDEX audit_event_action_ix ON audit_event (action, occurred_at DESC);
CREATE INDEX audit_event_actor_trgm_ix ON audit_event USING gin (actor gin_trgm_ops);
CREATE INDEX audit_event_actor_action_ix ON audit_event (actor, action, occurred_at DESC);
COMMIT;
\endif
