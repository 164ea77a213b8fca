-- Rate limits shared by every gateway replica: one row per key ("writes:<user id>", "auth:<address>", ...)
-- holding the generic cell rate algorithm's theoretical arrival time (TAT), the moment the key's budget is whole
-- again. One upsert per limited request reads and moves it atomically (RateLimitStore).
--
-- UNLOGGED: no WAL for a row that changes on every write request. The price is that a crash or a failover
-- empties the table, which only gives every caller a full budget again; the state is worth a minute at most.
-- No index on tat: the periodic sweep of rows whose tat has passed reads a small table, and with tat in no
-- index every update can be a HOT update (fillfactor leaves room on the page for it).
CREATE UNLOGGED TABLE rate_limit (
    key  TEXT         PRIMARY KEY,
    tat  TIMESTAMPTZ  NOT NULL
) WITH (fillfactor = 70);
