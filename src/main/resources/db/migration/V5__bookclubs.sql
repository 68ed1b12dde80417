-- CD book clubs: clubs, their shipment calendars, subscriptions (with pauses) and the frozen member lists of
-- shipments in production. Dates are Helsinki calendar dates; production of a shipment starts at the start of
-- its production_starts_on day (delivery date minus the club's lead time when the shipment was scheduled).

CREATE TABLE book_club (
    id                 uuid        PRIMARY KEY,
    name_fi            text        NOT NULL,
    name_sv            text        NOT NULL,
    name_en            text        NOT NULL,
    description_fi     text        NOT NULL DEFAULT '',
    description_sv     text        NOT NULL DEFAULT '',
    description_en     text        NOT NULL DEFAULT '',
    format             text        NOT NULL,
    lead_time_days     integer     NOT NULL DEFAULT 35,
    books_per_shipment integer     NOT NULL DEFAULT 1,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    CONSTRAINT book_club_format_ck CHECK (format IN ('CD', 'DAISY_CD')),
    CONSTRAINT book_club_lead_time_ck CHECK (lead_time_days BETWEEN 1 AND 120),
    CONSTRAINT book_club_books_ck CHECK (books_per_shipment BETWEEN 1 AND 5)
);

CREATE TABLE club_shipment (
    id                     uuid        PRIMARY KEY,
    club_id                uuid        NOT NULL,
    delivery_date          date        NOT NULL,
    production_starts_on   date        NOT NULL,
    titles                 text        NOT NULL DEFAULT '',
    frozen_at              timestamptz,
    member_count           integer,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    CONSTRAINT club_shipment_club_fk FOREIGN KEY (club_id) REFERENCES book_club (id),
    CONSTRAINT club_shipment_delivery_uk UNIQUE (club_id, delivery_date),
    CONSTRAINT club_shipment_production_ck CHECK (production_starts_on < delivery_date)
);
CREATE INDEX club_shipment_to_freeze_ix ON club_shipment (production_starts_on) WHERE frozen_at IS NULL;

-- A subscription receives the shipments delivered on or after starts_on and before ends_on, except those
-- inside a pause. Each date is the delivery date of the first shipment the change applied to.
CREATE TABLE club_subscription (
    id          uuid        PRIMARY KEY,
    patron_id   uuid        NOT NULL,
    club_id     uuid        NOT NULL,
    state       text        NOT NULL DEFAULT 'ACTIVE',
    starts_on   date        NOT NULL,
    ends_on     date,
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL,
    CONSTRAINT club_subscription_club_fk FOREIGN KEY (club_id) REFERENCES book_club (id),
    CONSTRAINT club_subscription_state_ck CHECK (state IN ('ACTIVE', 'ENDED')),
    CONSTRAINT club_subscription_end_ck CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE UNIQUE INDEX club_subscription_active_uk ON club_subscription (patron_id, club_id) WHERE state = 'ACTIVE';
CREATE INDEX club_subscription_club_ix ON club_subscription (club_id, starts_on);
CREATE INDEX club_subscription_patron_ix ON club_subscription (patron_id);

CREATE TABLE club_subscription_pause (
    id              uuid        PRIMARY KEY,
    subscription_id uuid        NOT NULL,
    paused_from     date        NOT NULL,
    resumed_from    date,
    created_at      timestamptz NOT NULL,
    CONSTRAINT club_subscription_pause_subscription_fk FOREIGN KEY (subscription_id) REFERENCES club_subscription (id),
    CONSTRAINT club_subscription_pause_order_ck CHECK (resumed_from IS NULL OR resumed_from > paused_from)
);
CREATE INDEX club_subscription_pause_subscription_ix ON club_subscription_pause (subscription_id);

-- The frozen member list: who was in the shipment when its production started, at the address they had then.
CREATE TABLE shipment_member (
    shipment_id     uuid NOT NULL,
    patron_id       uuid NOT NULL,
    subscription_id uuid NOT NULL,
    patron_number   text NOT NULL,
    name            text NOT NULL,
    street          text NOT NULL,
    postal_code     text NOT NULL,
    city            text NOT NULL,
    language        text NOT NULL,
    CONSTRAINT shipment_member_pk PRIMARY KEY (shipment_id, patron_id),
    CONSTRAINT shipment_member_shipment_fk FOREIGN KEY (shipment_id) REFERENCES club_shipment (id)
);
