-- Mail is queued in the outbox in the business transaction itself, and no module reacts to another's
-- events through Spring Modulith's publication registry any more: its table goes.
DROP TABLE event_publication;
