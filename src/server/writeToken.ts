/**
 * Who may call a write endpoint. On a loopback address the server trusts the machine; bound anywhere
 * else it refuses to start without a token, and every write endpoint then checks it (constant time).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { RasdError } from "../errors.js";

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h) || h === "::ffff:127.0.0.1";
}

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/** A checker for the token a request carries (`Authorization: Bearer …` or `X-Rasd-Token: …`). */
export function writeTokenChecker(host: string, token: string | undefined): (headers: Record<string, string | string[] | undefined>) => void {
  if (token !== undefined && token.length < 16) throw new RasdError("RASD_USAGE", "the token must be at least 16 characters");
  if (!token) {
    if (!isLoopback(host)) {
      throw new RasdError("RASD_USAGE", `binding to ${host} exposes the server beyond this machine; give a write token (--token or RASD_TOKEN) or bind 127.0.0.1`);
    }
    return () => {};
  }
  const want = digest(token);
  return (headers) => {
    const auth = headers["authorization"];
    const alt = headers["x-rasd-token"];
    const given = typeof auth === "string" && /^Bearer\s+/i.test(auth) ? auth.replace(/^Bearer\s+/i, "") : typeof alt === "string" ? alt : undefined;
    if (given === undefined || !timingSafeEqual(digest(given), want)) {
      throw new RasdError("RASD_HTTP_UNAUTHORIZED", "send it as \"Authorization: Bearer TOKEN\"");
    }
  };
}
