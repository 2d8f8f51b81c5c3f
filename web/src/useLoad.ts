/** Loads something when its key changes; aborts the previous request; keeps error and loading state. */
import { useEffect, useState } from "preact/hooks";

export type Loaded<T> = { state: "loading" } | { state: "error"; message: string; status: number } | { state: "done"; value: T };

export function useLoad<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const [res, setRes] = useState<Loaded<T>>({ state: "loading" });
  useEffect(() => {
    if (key === null) return;
    const ctl = new AbortController();
    setRes({ state: "loading" });
    load(ctl.signal).then(
      (value) => !ctl.signal.aborted && setRes({ state: "done", value }),
      (e: { name?: string; message?: string; status?: number }) => {
        if (!ctl.signal.aborted && e?.name !== "AbortError") setRes({ state: "error", message: e?.message ?? String(e), status: e?.status ?? 0 });
      },
    );
    return () => ctl.abort();
  }, [key]);
  return res;
}
