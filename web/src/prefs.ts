/**
 * The reader's preferences (digit shapes, layers shown), kept in localStorage and shared by every
 * component through a tiny subscription.
 */
import { useEffect, useState } from "preact/hooks";
import { LAYERS, type Layer } from "./annotationTree";

export type Digits = "latn" | "arab";

export interface Prefs {
  digits: Digits;
  layers: Layer[];
}

const KEY = "rasd.prefs";

function load(): Prefs {
  const dflt: Prefs = { digits: "latn", layers: [...LAYERS] };
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? "null") as Partial<Prefs> | null;
    if (!raw) return dflt;
    return {
      digits: raw.digits === "arab" ? "arab" : "latn",
      layers: Array.isArray(raw.layers) ? LAYERS.filter((l) => raw.layers!.includes(l)) : dflt.layers,
    };
  } catch {
    return dflt;
  }
}

let current: Prefs = load();
const listeners = new Set<(p: Prefs) => void>();

export function getPrefs(): Prefs {
  return current;
}

export function setPrefs(patch: Partial<Prefs>): void {
  current = { ...current, ...patch };
  try {
    localStorage.setItem(KEY, JSON.stringify(current));
  } catch {
    /* storage refused: the choice lasts for this page */
  }
  document.documentElement.dataset.digits = current.digits;
  for (const l of listeners) l(current);
}

export function usePrefs(): Prefs {
  const [p, setP] = useState(current);
  useEffect(() => {
    listeners.add(setP);
    return () => void listeners.delete(setP);
  }, []);
  return p;
}
