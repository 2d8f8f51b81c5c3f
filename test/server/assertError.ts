/** Every error reply is a coded error from the one table, with the table's status and no stack. */
import assert from "node:assert/strict";
import { ERRORS, type ErrorCode } from "../../src/errors.js";

export function assertError(res: { statusCode: number; body: string; headers: Record<string, unknown> }, code: ErrorCode): { code: string; status: number; message: string } {
  assert.match(String(res.headers["content-type"]), /^application\/json/);
  const body = JSON.parse(res.body) as { error: { code: ErrorCode; status: number; message: string } };
  assert.equal(body.error.code, code, `expected ${code}, got ${body.error.code}: ${body.error.message}`);
  assert.equal(res.statusCode, ERRORS[code].status);
  assert.equal(body.error.status, ERRORS[code].status);
  assert.ok(body.error.message.length > 0);
  assert.doesNotMatch(res.body, /\bat \S+ \(|node_modules|\.ts:\d+/, "no stack trace in an error reply");
  return body.error;
}
