/**
 * The publication date as the time annotator will use it: `--dct` ("given") beats page metadata
 * ("metadata"), which beats the text's own evidence ("inferred", with a range); else "none".
 */
import type { Annotator, Dct } from "../../types.js";
import { findTimes } from "./findTimes.js";
import { inferDct } from "./inferDct.js";
import { parseYmd } from "./calendar.js";

export const dctAnnotator: Annotator<"dct"> = {
  name: "dct",
  requires: [],
  assigns: "dct",
  run(doc, before): Dct {
    const d = doc.dct;
    if ((d.origin === "given" || d.origin === "metadata") && d.value && parseYmd(d.value)) return d;
    return inferDct(findTimes(doc, before).parsed);
  },
};
