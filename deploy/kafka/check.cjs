#!/usr/bin/env node
// End-to-end check of the local Kafka broker with kafkajs:
// create a 3-partition topic, produce 100 keyed messages, consume them with a consumer GROUP,
// commit offsets, verify all 100 arrived (and that the committed offsets add up to 100).
// Usage: node deploy/kafka/check.cjs [--brokers 127.0.0.1:9092] [--timeout 60]
// Exit 0 on success, 1 otherwise.
'use strict';

const path = require('node:path');
const { Kafka, logLevel, Partitioners } = require(
  require.resolve('kafkajs', { paths: [path.resolve(__dirname, '..', '..')] }),
);

function arg(name, dflt) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : dflt;
}

const brokers = arg('brokers', `127.0.0.1:${process.env.KAFKA_PORT || 9092}`).split(',');
const timeoutMs = Number(arg('timeout', '60')) * 1000;
const N = 100;
const PARTITIONS = 3;
const run = `${Date.now()}-${process.pid}`;
const topic = `kafka-local-check-${run}`;
const groupId = `kafka-local-check-group-${run}`;
const t0 = Date.now();
const ms = () => `${((Date.now() - t0) / 1000).toFixed(2)}s`;
const log = (...a) => console.log(`[check ${ms()}]`, ...a);

const kafka = new Kafka({
  clientId: 'kafka-local-check',
  brokers,
  logLevel: logLevel.WARN,
  retry: { retries: 8 },
});
const admin = kafka.admin();
const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
const consumer = kafka.consumer({ groupId, sessionTimeout: 10000, heartbeatInterval: 1000 });

let coordinatorErrors = 0;
consumer.on(consumer.events.CRASH, (e) => log('consumer crash:', e.payload.error && e.payload.error.message));

async function main() {
  await admin.connect();
  const cluster = await admin.describeCluster();
  log(`cluster ${cluster.clusterId}, brokers ${cluster.brokers.map((b) => `${b.host}:${b.port}`)}`);

  const created = await admin.createTopics({
    topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: 1 }],
    waitForLeaders: true,
  });
  if (!created) throw new Error(`topic ${topic} already existed`);
  const meta = await admin.fetchTopicMetadata({ topics: [topic] });
  const nParts = meta.topics[0].partitions.length;
  if (nParts !== PARTITIONS) throw new Error(`topic has ${nParts} partitions, expected ${PARTITIONS}`);
  log(`created topic ${topic} with ${nParts} partitions`);

  await producer.connect();
  const messages = Array.from({ length: N }, (_, i) => ({ key: `key-${i}`, value: `value-${i}` }));
  await producer.send({ topic, acks: -1, messages });
  log(`produced ${N} keyed messages`);

  const seen = new Map(); // key -> { value, partition }
  const perPartition = new Map();
  let resolveDone;
  const done = new Promise((r) => (resolveDone = r));

  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic: t, partition, message }) => {
      const key = message.key.toString();
      const prev = seen.get(key);
      if (prev && prev.partition !== partition) {
        throw new Error(`key ${key} seen on partitions ${prev.partition} and ${partition}`);
      }
      seen.set(key, { value: message.value.toString(), partition });
      perPartition.set(partition, (perPartition.get(partition) || 0) + 1);
      await consumer.commitOffsets([{ topic: t, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
      if (seen.size === N) resolveDone();
    },
  });

  let timer;
  const timeout = new Promise((_, rej) => {
    timer = setTimeout(() => rej(new Error(`timed out: consumed ${seen.size}/${N}`)), timeoutMs);
  });
  await Promise.race([done, timeout]);
  clearTimeout(timer);
  log(`consumed ${seen.size}/${N} via group ${groupId}; per partition ${JSON.stringify(Object.fromEntries(perPartition))}`);

  for (let i = 0; i < N; i++) {
    const got = seen.get(`key-${i}`);
    if (!got || got.value !== `value-${i}`) throw new Error(`missing or wrong message key-${i}`);
  }
  if (perPartition.size < 2) throw new Error('all messages landed on one partition; keyed partitioning looks broken');

  await consumer.stop();
  const offsets = await admin.fetchOffsets({ groupId, topics: [topic] });
  const committed = offsets[0].partitions.reduce((s, p) => s + Math.max(0, Number(p.offset)), 0);
  if (committed !== N) throw new Error(`committed offsets add up to ${committed}, expected ${N}`);
  log(`committed offsets for group add up to ${committed}`);
}

async function cleanup() {
  await consumer.disconnect().catch(() => {});
  await producer.disconnect().catch(() => {});
  await admin.deleteGroups([groupId]).catch(() => {});
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect().catch(() => {});
}

main()
  .then(async () => {
    await cleanup();
    log(`OK: ${N}/${N} messages through a ${PARTITIONS}-partition topic with consumer group and committed offsets`);
    process.exit(0);
  })
  .catch(async (e) => {
    console.error(`[check ${ms()}] FAILED: ${e && e.stack ? e.stack : e}`);
    await Promise.race([cleanup(), new Promise((r) => setTimeout(r, 5000))]);
    process.exit(1);
  });
