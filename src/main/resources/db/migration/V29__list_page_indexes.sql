-- The lists of organisations (administrators', and the customer list of service staff) and of staff accounts, a page
-- at a time: in a fixed order, each page read from the index that gives the order, starting where the page before
-- ended; and a search for any part of a name, whatever the case, that does not read the table through (trigrams;
-- pg_trgm is there since V2).

-- Organisations by name whatever its case, then id. It covers what the index on lower(name) served.
CREATE INDEX organisation_name_id_ix ON organisation (lower(name), id);
DROP INDEX organisation_name_ix;

-- Any part of the name, the customer number, the business ID or the city. One index a column: the plan combines
-- them (BitmapOr), which it does not do for one index over the four columns.
CREATE INDEX organisation_name_trgm_ix ON organisation USING gin (name gin_trgm_ops);
CREATE INDEX organisation_customer_number_trgm_ix ON organisation USING gin (customer_number gin_trgm_ops);
CREATE INDEX organisation_business_id_trgm_ix ON organisation USING gin (business_id gin_trgm_ops);
CREATE INDEX organisation_city_trgm_ix ON organisation USING gin (city gin_trgm_ops);

-- Staff accounts by user name (unique: its constraint's index gives the order); any part of the user name or the
-- name.
CREATE INDEX staff_account_username_trgm_ix ON staff_account USING gin (username gin_trgm_ops);
CREATE INDEX staff_account_display_name_trgm_ix ON staff_account USING gin (display_name gin_trgm_ops);
