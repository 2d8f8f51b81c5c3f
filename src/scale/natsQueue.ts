/**
 * The work queue on NATS JetStream: one stream with work-queue retention (a message is removed once a
 * worker acks it), one durable pull consumer shared by every worker (each message goes to one worker;
 * unacked messages return after `ackWait`). Messages are inputs (SourceInput) as gzipped JSON, with a
 * message id so that enqueueing the same input twice within the duplicate window stores it once.
 */
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { jetstream, jetstreamManager, AckPolicy, RetentionPolicy, StorageType, type JetStreamClient, type JetStreamManager } from "@nats-io/jetstream";
import { gunzipSync, gzipSync } from "node:zlib";
import { createHash } from "node:crypto";
import type { SourceInput } from "../sources/index.js";
import { RasdError } from "../errors.js";

export const DEFAULT_STREAM = "RASD_DOCS";
export const CONSUMER = "rasd-workers";

export interface QueueOptions {
  stream?: string;
  /** Seconds a worker has to ack a message before it is delivered again (default 60). */
  ackWait?: number;
  /** Make sure the workers' consumer exists (workers do; enqueue does not need it). */
  consumer?: boolean;
}

export interface Queue {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  stream: string;
  subject: string;
}

export function subjectOf(stream: string): string {
  return stream === DEFAULT_STREAM ? "rasd.docs" : `rasd.docs.${stream.toLowerCase()}`;
}

const NS = 1_000_000_000;

/** Connects and makes sure the stream and the workers' consumer exist. */
export async function openQueue(url: string, options: QueueOptions = {}): Promise<Queue> {
  const stream = options.stream ?? DEFAULT_STREAM;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(stream)) throw new RasdError("RASD_USAGE", `--stream must be letters, digits, - or _, got "${stream}"`);
  let nc: NatsConnection;
  try {
    nc = await connect({ servers: url, timeout: 5000 });
  } catch (e) {
    throw new RasdError("RASD_STORE", `cannot reach NATS at ${url}: ${(e as Error).message}`, { cause: e });
  }
  const jsm = await jetstreamManager(nc).catch((e: Error) => {
    void nc.close();
    throw new RasdError("RASD_STORE", `NATS at ${url} has no JetStream (start nats-server with -js): ${e.message}`, { cause: e });
  });
  const subject = subjectOf(stream);
  try {
    await jsm.streams.info(stream);
  } catch {
    await jsm.streams.add({ name: stream, subjects: [subject], retention: RetentionPolicy.Workqueue, storage: StorageType.File, duplicate_window: 10 * 60 * NS, max_msg_size: 8 * 1024 * 1024 }).catch(async (e: Error) => {
      // Another process created it first.
      if (!(await jsm.streams.info(stream).then(() => true, () => false))) throw e;
    });
  }
  if (options.consumer === false) return { nc, js: jetstream(nc), jsm, stream, subject };
  const ackWait = Math.max(1, options.ackWait ?? 60) * NS;
  try {
    const info = await jsm.consumers.info(stream, CONSUMER);
    // A worker that asks for another ack wait gets it (the consumer is shared: the last one wins).
    if (options.ackWait !== undefined && info.config.ack_wait !== ackWait) await jsm.consumers.update(stream, CONSUMER, { ack_wait: ackWait });
  } catch {
    await jsm.consumers.add(stream, { durable_name: CONSUMER, ack_policy: AckPolicy.Explicit, ack_wait: ackWait, max_deliver: -1, max_ack_pending: 10000 }).catch(async (e: Error) => {
      if (!(await jsm.consumers.info(stream, CONSUMER).then(() => true, () => false))) throw e;
    });
  }
  return { nc, js: jetstream(nc), jsm, stream, subject };
}

/** An input as a message body: JSON, bytes as base64, gzipped. */
export function encodeInput(input: SourceInput): Uint8Array {
  const { bytes, ...rest } = input;
  const o = bytes ? { ...rest, bytes64: Buffer.from(bytes).toString("base64") } : rest;
  return gzipSync(Buffer.from(JSON.stringify(o), "utf8"));
}

export function decodeInput(data: Uint8Array): SourceInput {
  const o = JSON.parse(gunzipSync(data).toString("utf8")) as SourceInput & { bytes64?: string };
  const { bytes64, ...rest } = o;
  return bytes64 !== undefined ? { ...rest, bytes: new Uint8Array(Buffer.from(bytes64, "base64")) } : rest;
}

/** A message id for JetStream's duplicate window: the hash of the body. */
export function messageId(body: Uint8Array): string {
  return createHash("sha256").update(body).digest("hex").slice(0, 32);
}
