/**
 * The annotators, in run order. The folder names (01-structure, 02-entities, …) say the same order.
 */
import type { Annotator } from "../types.js";
import { structureAnnotator } from "./01-structure/index.js";

export const ANNOTATORS: readonly Annotator[] = [
  structureAnnotator,
];
