-- Wrong short codes typed at /activate, one row per failure: the throttle counts a client's failures in the last
-- 15 minutes and everyone's in the last hour. Rows older than a day are deleted as new ones arrive.
CREATE TABLE activation_code_failure (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_address text        NOT NULL,
    failed_at      timestamptz NOT NULL
);
CREATE INDEX activation_code_failure_client_ix ON activation_code_failure (client_address, failed_at);
CREATE INDEX activation_code_failure_at_ix ON activation_code_failure (failed_at);

-- When the administrators were last alerted of a flood of wrong codes, so that one alert stands for an hour.
CREATE TABLE activation_code_alert (
    id         integer     PRIMARY KEY CHECK (id = 1),
    alerted_at timestamptz NOT NULL
);
