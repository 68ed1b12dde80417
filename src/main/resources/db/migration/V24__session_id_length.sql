-- Session ids of 256 random bits (43 base64url characters) no longer fit the 36 of a UUID.
ALTER TABLE spring_session ALTER COLUMN session_id TYPE varchar(64);
