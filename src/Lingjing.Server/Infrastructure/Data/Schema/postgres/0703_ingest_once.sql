-- Exactly once, whichever node a reading or an alarm goes through. A device that sends a batch again (its node died
-- before answering) finds its readings there already: raw readings are unique per series and timestamp, and the
-- writers skip what is there. Two nodes that both see a rule broken raise one alarm: one open alarm per rule and twin.

-- Readings stored twice before this rule: the first written stays.
DELETE FROM telemetry_raw a USING telemetry_raw b
WHERE a.series_id = b.series_id AND a.ts = b.ts AND a.seq > b.seq;
DROP INDEX ix_telemetry_raw_series_id_ts;
CREATE UNIQUE INDEX ux_telemetry_raw_series_id_ts ON telemetry_raw (series_id, ts);

-- Alarms open twice before this rule: the earliest stays open.
UPDATE alarms SET state = 'cleared', cleared_at = raised_at
WHERE state <> 'cleared' AND EXISTS (
    SELECT 1 FROM alarms earlier
    WHERE earlier.rule_id = alarms.rule_id AND earlier.twin_id = alarms.twin_id AND earlier.state <> 'cleared'
      AND (earlier.raised_at, earlier.id) < (alarms.raised_at, alarms.id));
CREATE UNIQUE INDEX ux_alarms_open_rule_id_twin_id ON alarms (rule_id, twin_id) WHERE state <> 'cleared';
