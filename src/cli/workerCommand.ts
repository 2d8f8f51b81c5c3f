/**
 * `rasd worker --nats nats://… --db postgres://… [--stream NAME] [--batch N] [--ack-wait S] [--idle-exit S] [--max N]`
 * Analyses documents from the JetStream work queue and writes them to the store; run any number, on
 * any number of machines. Stops cleanly on SIGINT/SIGTERM (the current batch is finished first).
 */
import { parseArgs } from "./args.js";
import { RasdError } from "../errors.js";
import { openStore, storeSpec } from "../store/openStore.js";
import { runWorker } from "../scale/runWorker.js";

export async function workerCommand(args: string[]): Promise<number> {
  const { flags } = parseArgs(args, { flags: ["help", "quiet"], options: ["nats", "db", "stream", "batch", "ack-wait", "idle-exit", "max"] });
  if (flags.help) {
    process.stdout.write("usage: rasd worker --nats nats://HOST:4222 --db postgres://… [--stream NAME] [--batch N] [--ack-wait SECONDS] [--idle-exit SECONDS] [--max N]\n");
    return 0;
  }
  const nats = typeof flags.nats === "string" ? flags.nats : process.env.RASD_NATS;
  if (!nats) throw new RasdError("RASD_USAGE", "--nats nats://HOST:4222 is needed (or $RASD_NATS)");
  const num = (k: string) => {
    if (typeof flags[k] !== "string") return undefined;
    const n = Number(flags[k]);
    if (!Number.isFinite(n) || n < 0) throw new RasdError("RASD_USAGE", `--${k} must be a number, got "${flags[k]}"`);
    return n;
  };
  const store = openStore(storeSpec(typeof flags.db === "string" ? flags.db : undefined));
  const ac = new AbortController();
  const stop = () => ac.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    const batch = num("batch"), ackWait = num("ack-wait"), idleExit = num("idle-exit"), max = num("max");
    const s = await runWorker(nats, store, {
      ...(typeof flags.stream === "string" ? { stream: flags.stream } : {}),
      ...(batch !== undefined ? { batch } : {}),
      ...(ackWait !== undefined ? { ackWait } : {}),
      ...(idleExit !== undefined ? { idleExit } : {}),
      ...(max !== undefined ? { max } : {}),
      signal: ac.signal,
      onBatch: (x) => {
        if (!flags.quiet) process.stderr.write(`rasd worker: ${x.messages} messages, ${x.inserted} new, ${x.skipped} already stored, ${x.failed} failed\n`);
      },
      onError: (where, message) => process.stderr.write(`rasd worker: ${where}: ${message}\n`),
    });
    process.stdout.write(`worker done: ${s.messages} messages, ${s.inserted} new, ${s.skipped} already stored, ${s.failed} failed\n`);
    return 0;
  } finally {
    await store.close();
  }
}
