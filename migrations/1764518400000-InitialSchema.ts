import { MigrationInterface, QueryRunner } from 'typeorm';

/** The thin end-to-end slice: events, dead letters, stream checkpoints, alerts and the notification outbox. */
export class InitialSchema1764518400000 implements MigrationInterface {
  name = 'InitialSchema1764518400000';

  async up(q: QueryRunner): Promise<void> {
    // Partitioned by event time from day one so retention can drop whole partitions; the default
    // partition takes everything until daily partitions are managed.
    await q.query(`
      CREATE TABLE security_events (
        id uuid NOT NULL,
        ts timestamptz NOT NULL,
        ingested_at timestamptz NOT NULL,
        source_id text NOT NULL,
        transport text NOT NULL,
        dataset text,
        action text,
        outcome text,
        source_ip inet,
        user_name text,
        host_name text,
        doc jsonb NOT NULL,
        PRIMARY KEY (ts, id)
      ) PARTITION BY RANGE (ts)`);
    await q.query(`CREATE TABLE security_events_default PARTITION OF security_events DEFAULT`);
    await q.query(`CREATE INDEX security_events_source_ip_ts_idx ON security_events (source_ip, ts DESC)`);
    await q.query(`CREATE INDEX security_events_user_name_ts_idx ON security_events (user_name, ts DESC)`);
    await q.query(`CREATE INDEX security_events_source_id_ts_idx ON security_events (source_id, ts DESC)`);

    await q.query(`
      CREATE TABLE dead_letters (
        id bigserial PRIMARY KEY,
        received_at timestamptz NOT NULL,
        source_id text NOT NULL,
        transport text NOT NULL,
        stream text NOT NULL,
        stream_offset bigint,
        reason text NOT NULL,
        raw bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX dead_letters_source_id_created_at_idx ON dead_letters (source_id, created_at DESC)`);

    // One row per consumed stream (Kafka topic/partition, or the in-process bus): the next offset to
    // read and the detection state as of that offset, written in the same transaction as the events.
    await q.query(`
      CREATE TABLE stream_checkpoints (
        stream text PRIMARY KEY,
        next_offset bigint,
        detection_state jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE alerts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fingerprint text NOT NULL UNIQUE,
        rule_id text NOT NULL,
        title text NOT NULL,
        severity text NOT NULL,
        status text NOT NULL DEFAULT 'new',
        source_ip inet,
        first_seen timestamptz NOT NULL,
        last_seen timestamptz NOT NULL,
        event_count integer NOT NULL,
        event_ids uuid[] NOT NULL,
        details jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX alerts_created_at_id_idx ON alerts (created_at DESC, id DESC)`);

    // Every live message gets its sequence number here, inside the transaction that caused it.
    await q.query(`
      CREATE TABLE outbox (
        seq bigserial PRIMARY KEY,
        type text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['outbox', 'alerts', 'stream_checkpoints', 'dead_letters', 'security_events']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
