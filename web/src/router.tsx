/**
 * A small history router: the desk's pages are /, /article/ID, /entity/KEY and /analyze. Links are
 * real <a href> elements (keyboard, middle-click and copy work); plain clicks navigate in place.
 */
import { useEffect, useState } from "preact/hooks";
import type { AnchorHTMLAttributes, ComponentChildren } from "preact";

export type Route =
  | { page: "search"; params: URLSearchParams }
  | { page: "article"; id: string }
  | { page: "entity"; key: string }
  | { page: "analyze" }
  | { page: "missing"; path: string };

export function parseRoute(pathname: string, search: string): Route {
  const seg = pathname.split("/").filter(Boolean);
  try {
    if (seg.length === 0) return { page: "search", params: new URLSearchParams(search) };
    if (seg[0] === "article" && seg.length === 2) return { page: "article", id: decodeURIComponent(seg[1]!) };
    if (seg[0] === "entity" && seg.length === 2) return { page: "entity", key: decodeURIComponent(seg[1]!) };
    if (seg[0] === "analyze" && seg.length === 1) return { page: "analyze" };
  } catch {
    /* a malformed %-escape: fall through to "missing" */
  }
  return { page: "missing", path: pathname };
}

const listeners = new Set<() => void>();

export function navigate(href: string, replace = false): void {
  if (replace) history.replaceState(null, "", href);
  else history.pushState(null, "", href);
  for (const l of listeners) l();
  if (!replace) window.scrollTo(0, 0);
}

export function useRoute(): Route {
  const read = () => parseRoute(location.pathname, location.search);
  const [route, setRoute] = useState<Route>(read);
  useEffect(() => {
    const update = () => setRoute(read());
    listeners.add(update);
    window.addEventListener("popstate", update);
    return () => {
      listeners.delete(update);
      window.removeEventListener("popstate", update);
    };
  }, []);
  return route;
}

export const articleHref = (id: string) => `/article/${encodeURIComponent(id)}`;
export const entityHref = (key: string) => `/entity/${encodeURIComponent(key)}`;
export const searchHref = (q: string) => (q ? `/?q=${encodeURIComponent(q)}` : "/");

export function Link(props: { href: string; children: ComponentChildren } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href" | "children" | "role">) {
  const { href, children, ...rest } = props;
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
