/**
 * The tagger's emission sums as a small WebAssembly SIMD function, assembled here byte by byte (no
 * toolchain, nothing to build or ship). It probes the joint feature table of both passes (NerModel's
 * JointTable) and adds each found row's weights four lanes at a time with f32x4.add.
 *
 * Why it gives the same scores, bit for bit: f32x4.add is IEEE single-precision addition rounded to
 * nearest, even on ties, with subnormals kept (plain wasm SIMD, not relaxed SIMD), and that is
 * exactly `Math.fround(s + w)` of two float32 values (their double sum rounded once to float32: the
 * double-rounding is innocuous for a sum, since 53 ≥ 2·24 + 2). The additions run per lane in the
 * same order as the scalar loop, features in template order.
 *
 * Memory: [slots: cap × (hash i32, row i32)] [rows: 20 f32 each, 80 bytes, 16-byte aligned]
 * [features in] [sums out: 20 f32 a token]. A row holds the first pass's nine weights, the second
 * pass's nine, and two zeros; a token's sums are laid out alike.
 *
 * `run(feats, n, F, out, slots, mask, rows, mode)`: for each of n tokens, 5 × f32x4 sums start at
 * zero (mode 0) or at the token's 20 floats already at `out` (mode 1), add the row of each of the
 * token's F feature ids found in the table, and are stored back at `out`.
 */

/** Floats a row and a token's sums take (18 weights and 2 zeros: five f32x4 lanes). */
export const LANES = 20;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) { out.push(b); return out; }
    out.push(b | 0x80);
  }
}

const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const name = (s: string) => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];

// Opcodes.
const I32 = 0x7f, V128 = 0x7b, VOID = 0x40;
const BLOCK = 0x02, LOOP = 0x03, IF = 0x04, ELSE = 0x05, END = 0x0b, BR = 0x0c, BR_IF = 0x0d;
const GET = 0x20, SET = 0x21, TEE = 0x22;
const I32_LOAD = 0x28, I32_CONST = 0x41, I32_EQZ = 0x45, I32_EQ = 0x46, I32_GE_U = 0x4f;
const I32_ADD = 0x6a, I32_MUL = 0x6c, I32_AND = 0x71, I32_SHL = 0x74;
const SIMD = 0xfd;
const v128Load = (offset: number) => [SIMD, 0x00, 4, ...uleb(offset)];
const v128Store = (offset: number) => [SIMD, 0x0b, 4, ...uleb(offset)];
const v128Zero = [SIMD, 0x0c, ...new Array(16).fill(0)];
const F32X4_ADD = [SIMD, ...uleb(0xe4)];
const i32Load = (offset: number) => [I32_LOAD, 2, ...uleb(offset)];

// Parameters and locals.
const FEATS = 0, N = 1, F = 2, OUT = 3, SLOTS = 4, MASK = 5, ROWS = 6, MODE = 7;
const I = 8, KEND = 9, H = 10, S = 11, KEY = 12, O = 13, ACC = 14; // ACC … ACC + 4: v128

function body(): number[] {
  const c: number[] = [];
  const accs = [0, 1, 2, 3, 4];
  c.push(I32_CONST, 0, SET, I);
  c.push(BLOCK, VOID, LOOP, VOID);
  c.push(GET, I, GET, N, I32_GE_U, BR_IF, 1);
  // The sums' start.
  c.push(GET, MODE, IF, VOID);
  for (const a of accs) c.push(GET, OUT, ...v128Load(a * 16), SET, ACC + a);
  c.push(ELSE);
  for (const a of accs) c.push(...v128Zero, SET, ACC + a);
  c.push(END);
  // kend = feats + F·4
  c.push(GET, FEATS, GET, F, I32_CONST, 2, I32_SHL, I32_ADD, SET, KEND);
  c.push(BLOCK, VOID, LOOP, VOID);
  c.push(GET, FEATS, GET, KEND, I32_GE_U, BR_IF, 1);
  // h = feats[0]; s = h & mask
  c.push(GET, FEATS, ...i32Load(0), TEE, H, GET, MASK, I32_AND, SET, S);
  c.push(BLOCK, VOID, LOOP, VOID);
  // key = slots[s·8]
  c.push(GET, SLOTS, GET, S, I32_CONST, 3, I32_SHL, I32_ADD, ...i32Load(0), TEE, KEY, GET, H, I32_EQ, IF, VOID);
  // o = rows + row · 80
  c.push(GET, SLOTS, GET, S, I32_CONST, 3, I32_SHL, I32_ADD, ...i32Load(4), I32_CONST, ...sleb(LANES * 4), I32_MUL, GET, ROWS, I32_ADD, SET, O);
  for (const a of accs) c.push(GET, ACC + a, GET, O, ...v128Load(a * 16), ...F32X4_ADD, SET, ACC + a);
  c.push(BR, 2, END);
  c.push(GET, KEY, I32_EQZ, BR_IF, 1);
  c.push(GET, S, I32_CONST, 1, I32_ADD, GET, MASK, I32_AND, SET, S);
  c.push(BR, 0, END, END);
  c.push(GET, FEATS, I32_CONST, 4, I32_ADD, SET, FEATS);
  c.push(BR, 0, END, END);
  for (const a of accs) c.push(GET, OUT, GET, ACC + a, ...v128Store(a * 16));
  c.push(GET, OUT, I32_CONST, ...sleb(LANES * 4), I32_ADD, SET, OUT);
  c.push(GET, I, I32_CONST, 1, I32_ADD, SET, I);
  c.push(BR, 0, END, END);
  c.push(END);
  const locals = vec([[6, I32], [5, V128]]);
  const fn = [...locals, ...c];
  return [...uleb(fn.length), ...fn];
}

function moduleBytes(): Uint8Array<ArrayBuffer> {
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([[0x60, ...vec(new Array(8).fill([I32])), 0]])),
    ...section(2, vec([[...name("m"), ...name("mem"), 0x02, 0x00, ...uleb(1)]])),
    ...section(3, vec([[0]])),
    ...section(7, vec([[...name("run"), 0x00, 0]])),
    ...section(10, vec([body()])),
  ]);
}

export type ScoreRun = (feats: number, n: number, F: number, out: number, slots: number, mask: number, rows: number, mode: number) => void;

/** The kernel over the given memory, or undefined where WebAssembly SIMD is unavailable. */
export function scoreKernel(memory: WebAssembly.Memory): ScoreRun | undefined {
  try {
    const bytes = moduleBytes();
    if (typeof WebAssembly === "undefined" || !WebAssembly.validate(bytes)) return undefined;
    const inst = new WebAssembly.Instance(new WebAssembly.Module(bytes), { m: { mem: memory } });
    return inst.exports.run as ScoreRun;
  } catch {
    return undefined;
  }
}
