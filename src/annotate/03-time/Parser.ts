/**
 * A parser finds one kind of time expression that starts at a token (chrono's Parser: a pattern and
 * an extract step). It returns nothing, one candidate or several ("5 و6 آذار").
 */
import type { ParseContext } from "./ParseContext.js";
import type { Parsed } from "./Parsed.js";

export interface Parser {
  name: string;
  parse(ctx: ParseContext, i: number): Parsed | Parsed[] | null;
}

/** A refiner turns the list of candidates into a better list: it merges, extends or drops (chrono's Refiner). */
export interface Refiner {
  name: string;
  refine(ctx: ParseContext, found: Parsed[]): Parsed[];
}
