/**
 * The annotators, in run order. The folder names (01-structure, 02-entities, …) say the same order.
 */
import type { Annotator } from "../types.js";
import { structureAnnotator } from "./01-structure/index.js";
import { entitiesAnnotator } from "./02-entities/index.js";
import { dctAnnotator, timeAnnotator } from "./03-time/index.js";
import { quantitiesAnnotator } from "./04-quantities/index.js";
import { quotesAnnotator } from "./05-quotes/index.js";
import { eventsAnnotator } from "./06-events/index.js";
import { framingAnnotator } from "./07-framing/index.js";
import { toneAnnotator } from "./08-tone/index.js";
import { topicsAnnotator } from "./09-topics/index.js";

export const ANNOTATORS: readonly Annotator[] = [
  structureAnnotator,
  entitiesAnnotator,
  dctAnnotator,
  timeAnnotator,
  quantitiesAnnotator,
  quotesAnnotator,
  eventsAnnotator,
  framingAnnotator,
  toneAnnotator,
  topicsAnnotator,
];
