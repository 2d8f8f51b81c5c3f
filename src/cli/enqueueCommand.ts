/**
 * `rasd enqueue PATH... --nats nats://… [--stream NAME] [--dct YYYY-MM-DD]`
 * Publishes the inputs of files (JSON Lines, feeds, WARC, single files) to the JetStream work queue.
 */
import { parseArgs } from "./args.js";
import { RasdError } from "../errors.js";
import { enqueue } from "../scale/enqueue.js";
import { validDct } from "../sources/index.js";

export async function enqueueCommand(args: string[]): Promise<number> {
  const { positionals, flags } = parseArgs(args, { flags: ["help"], options: ["nats", "stream", "dct"] });
  if (flags.help || positionals.length === 0) {
    process.stdout.write("usage: rasd enqueue PATH... --nats nats://HOST:4222 [--stream NAME] [--dct YYYY-MM-DD]\n");
    return flags.help ? 0 : 2;
  }
  const nats = typeof flags.nats === "string" ? flags.nats : process.env.RASD_NATS;
  if (!nats) throw new RasdError("RASD_USAGE", "--nats nats://HOST:4222 is needed (or $RASD_NATS)");
  const dct = typeof flags.dct === "string" ? flags.dct : undefined;
  if (dct !== undefined && !validDct(dct)) throw new RasdError("RASD_DCT_FORMAT", `got "${dct}"`);
  let shown = 0;
  const s = await enqueue(positionals, nats, {
    ...(typeof flags.stream === "string" ? { stream: flags.stream } : {}),
    ...(dct ? { dct } : {}),
    onError: (where, message) => {
      if (shown++ < 20) process.stderr.write(`rasd enqueue: ${where}: ${message}\n`);
    },
  });
  process.stdout.write(`enqueued ${s.published} documents from ${s.files} files (${s.duplicates} already queued, ${s.failed} unreadable)\n`);
  return s.failed > 0 ? 1 : 0;
}
