#!/usr/bin/env node
// Waits until the local Kafka broker answers a kafkajs admin describeCluster() (with an active
// controller) and a group coordinator is available.
// Usage: node wait-ready.cjs [--brokers 127.0.0.1:9092] [--timeout 90] [--pid 1234]
//   --pid: give up early if that process exits (the broker died while starting).
// Exit 0 when ready, 1 on timeout / broker death.
'use strict';

const path = require('node:path');
// kafkajs comes from the project's node_modules (deploy/kafka -> project root).
const { Kafka, logLevel } = require(
  require.resolve('kafkajs', { paths: [path.resolve(__dirname, '..', '..')] }),
);

function arg(name, dflt) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : dflt;
}

const brokers = arg('brokers', `127.0.0.1:${process.env.KAFKA_PORT || 9092}`).split(',');
const timeoutMs = Number(arg('timeout', '90')) * 1000;
const pid = arg('pid', '') ? Number(arg('pid', '')) : undefined;
const quiet = process.argv.includes('--quiet');

function alive(p) {
  try {
    process.kill(p, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function attempt() {
  const kafka = new Kafka({
    clientId: 'kafka-local-wait-ready',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    requestTimeout: 5000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    if (!cluster.brokers || cluster.brokers.length === 0) throw new Error('no brokers in metadata');
    if (cluster.controller === null || cluster.controller === undefined || cluster.controller < 0) {
      throw new Error('no active controller yet');
    }
    // Also wait for a group coordinator: the first FindCoordinator creates __consumer_offsets,
    // so clients started after us don't hit "The group coordinator is not available" retries.
    await admin.describeGroups(['kafka-local-ready-probe']);
    return cluster;
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

async function main() {
  const started = Date.now();
  let lastErr = 'no attempt made';
  while (Date.now() - started < timeoutMs) {
    if (pid !== undefined && !alive(pid)) {
      console.error(`[kafka] broker process ${pid} exited while waiting for readiness`);
      process.exit(1);
    }
    try {
      const cluster = await attempt();
      if (!quiet) {
        const secs = ((Date.now() - started) / 1000).toFixed(1);
        console.error(
          `[kafka] ready after ${secs}s: cluster ${cluster.clusterId}, brokers ${cluster.brokers
            .map((b) => `${b.host}:${b.port}`)
            .join(',')}, controller ${cluster.controller}`,
        );
      }
      process.exit(0);
    } catch (e) {
      lastErr = (e && (e.message || String(e))) || 'unknown error';
    }
    await sleep(500);
  }
  console.error(`[kafka] broker at ${brokers.join(',')} not ready after ${timeoutMs / 1000}s (last error: ${lastErr})`);
  process.exit(1);
}

main();
