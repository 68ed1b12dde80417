-- A patron search's result, kept for 30 minutes so that the results page is a plain GET (/patrons/search/{id})
-- that the browser's Back button and the patron page's "back to search" reach again without sending the search
-- anew. What is kept is the result, never an identity code: the matched patrons in order, and for a search by
-- identity code only the code masked (131052-****). The query itself is kept only when it is a name, a patron
-- number or an e-mail address, to show it in the search box again. Only the staff account that searched reads
-- its rows. Expired rows are deleted as new searches are kept; erasing a patron deletes every row naming it.
CREATE TABLE kept_search (
    id                   uuid        PRIMARY KEY,
    staff_account_id     uuid        NOT NULL,
    query_text           text,
    masked_code          text,
    organisation_filter  uuid,
    page                 integer     NOT NULL,
    has_next             boolean     NOT NULL,
    -- an identity code registered by an organisation whose patrons the searcher may not see
    registered_elsewhere uuid,
    created_at           timestamptz NOT NULL,
    expires_at           timestamptz NOT NULL,
    CONSTRAINT kept_search_staff_account_fk FOREIGN KEY (staff_account_id) REFERENCES staff_account (id)
        ON DELETE CASCADE,
    CONSTRAINT kept_search_registered_elsewhere_fk FOREIGN KEY (registered_elsewhere) REFERENCES patron (id)
        ON DELETE CASCADE,
    CONSTRAINT kept_search_query_or_code_ck CHECK (query_text IS NULL OR masked_code IS NULL),
    CONSTRAINT kept_search_masked_code_ck CHECK (masked_code IS NULL OR masked_code ~ '^[0-9]{6}.\*{4}$'),
    CONSTRAINT kept_search_page_ck CHECK (page >= 0)
);
CREATE INDEX kept_search_expires_ix ON kept_search (expires_at);
CREATE INDEX kept_search_staff_account_ix ON kept_search (staff_account_id, created_at DESC);
CREATE INDEX kept_search_registered_elsewhere_ix ON kept_search (registered_elsewhere);

-- The patrons a kept search found, in the order shown.
CREATE TABLE kept_search_patron (
    kept_search_id uuid    NOT NULL,
    position       integer NOT NULL,
    patron_id      uuid    NOT NULL,
    CONSTRAINT kept_search_patron_pk PRIMARY KEY (kept_search_id, position),
    CONSTRAINT kept_search_patron_search_fk FOREIGN KEY (kept_search_id) REFERENCES kept_search (id)
        ON DELETE CASCADE,
    CONSTRAINT kept_search_patron_patron_fk FOREIGN KEY (patron_id) REFERENCES patron (id) ON DELETE CASCADE
);
CREATE INDEX kept_search_patron_patron_ix ON kept_search_patron (patron_id);

-- The right to take over a patron that a search by exact identity code found registered elsewhere: single use,
-- bound to the kept search, the patron and the staff account, and lives as long as the kept search. The take-over
-- form sends the grant's random id in place of the identity code.
CREATE TABLE takeover_grant (
    id               uuid        PRIMARY KEY,
    kept_search_id   uuid        NOT NULL,
    patron_id        uuid        NOT NULL,
    staff_account_id uuid        NOT NULL,
    expires_at       timestamptz NOT NULL,
    used_at          timestamptz,
    CONSTRAINT takeover_grant_search_fk FOREIGN KEY (kept_search_id) REFERENCES kept_search (id) ON DELETE CASCADE,
    CONSTRAINT takeover_grant_patron_fk FOREIGN KEY (patron_id) REFERENCES patron (id) ON DELETE CASCADE,
    CONSTRAINT takeover_grant_staff_account_fk FOREIGN KEY (staff_account_id) REFERENCES staff_account (id)
        ON DELETE CASCADE,
    CONSTRAINT takeover_grant_search_uk UNIQUE (kept_search_id)
);
CREATE INDEX takeover_grant_patron_ix ON takeover_grant (patron_id);
