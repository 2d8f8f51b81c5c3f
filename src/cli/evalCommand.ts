/**
 * `rasd eval KIND FILE`: scores rasd against an annotated file. One case per kind; each lives in
 * src/eval/.
 */
import { RasdError } from "../errors.js";

const KINDS: Record<string, () => Promise<(args: string[]) => Promise<number>>> = {
  ner: async () => (await import("../eval/ner.js")).nerEvalCommand,
  quotes: async () => (await import("../eval/quotes.js")).quotesEvalCommand,
  events: async () => (await import("../eval/events.js")).eventsEvalCommand,
  times: async () => (await import("../eval/times.js")).timesEvalCommand,
};

export const EVAL_USAGE = `usage: rasd eval KIND FILE   (KIND: ${Object.keys(KINDS).join(", ")})`;

export async function evalCommand(args: string[]): Promise<number> {
  const [kind, ...rest] = args;
  const load = kind ? KINDS[kind] : undefined;
  if (!load) throw new RasdError("RASD_USAGE", `${kind ? `unknown eval kind "${kind}"; ` : ""}${EVAL_USAGE}`);
  return (await load())(rest);
}
