import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { annotationTree, treeText, type Mark, type TreeNode } from "../../web/src/annotationTree.js";

const TEXT = "وكتب ترامب في تغريدة على حسابه في «تويتر»: القضاء على دولة الخلافة وشيك. وأمس الأول، أكد دانيال كوتس ذلك.";
const at = (s: string, from = 0) => {
  const i = TEXT.indexOf(s, from);
  assert.ok(i >= 0, s);
  return { start: i, end: i + s.length };
};

function flat(nodes: TreeNode[], depth = 0, out: Array<{ layer: string; text: string; depth: number; first: boolean }> = []) {
  for (const n of nodes) {
    if (n.kind === "mark") {
      out.push({ layer: n.mark.layer, text: TEXT.slice(n.start, n.end), depth, first: n.first });
      flat(n.children, depth + 1, out);
    }
  }
  return out;
}

test("a quote holds the entity mentions inside it; the text is rebuilt exactly", () => {
  const marks: Mark[] = [
    { ...at("ترامب"), layer: "entity", ref: 0 },
    { ...at("القضاء على دولة الخلافة وشيك"), layer: "quote", ref: 0 },
    { ...at("دولة الخلافة"), layer: "entity", ref: 1 },
    { ...at("أمس الأول"), layer: "time", ref: 0 },
    { ...at("دانيال كوتس"), layer: "entity", ref: 2 },
  ];
  const tree = annotationTree(0, TEXT.length, marks);
  assert.equal(treeText(TEXT, tree), TEXT);
  assert.deepEqual(flat(tree), [
    { layer: "entity", text: "ترامب", depth: 0, first: true },
    { layer: "quote", text: "القضاء على دولة الخلافة وشيك", depth: 0, first: true },
    { layer: "entity", text: "دولة الخلافة", depth: 1, first: true },
    { layer: "time", text: "أمس الأول", depth: 0, first: true },
    { layer: "entity", text: "دانيال كوتس", depth: 0, first: true },
  ]);
});

test("a mark crossing its parent's edge is cut in two; only the first piece is 'first'", () => {
  const q = at("القضاء على دولة");
  const marks: Mark[] = [
    { ...q, layer: "quote", ref: 0 },
    { ...at("دولة الخلافة"), layer: "entity", ref: 1 },
  ];
  const tree = annotationTree(0, TEXT.length, marks);
  assert.equal(treeText(TEXT, tree), TEXT);
  assert.deepEqual(flat(tree), [
    { layer: "quote", text: "القضاء على دولة", depth: 0, first: true },
    { layer: "entity", text: "دولة", depth: 1, first: true },
    { layer: "entity", text: " الخلافة", depth: 0, first: false },
  ]);
});

test("overlapping marks of one level: the earlier keeps its span, the later only what is past it", () => {
  const marks: Mark[] = [
    { ...at("دانيال كوتس"), layer: "entity", ref: 0 },
    { ...at("كوتس ذلك"), layer: "entity", ref: 1 },
  ];
  const tree = annotationTree(0, TEXT.length, marks);
  assert.equal(treeText(TEXT, tree), TEXT);
  assert.deepEqual(flat(tree).map((m) => [m.text, m.first]), [["دانيال كوتس", true], [" ذلك", false]]);
});

test("a block range clips marks; marks outside it or empty are ignored", () => {
  const block = at("وأمس الأول، أكد دانيال كوتس ذلك.");
  const marks: Mark[] = [
    { ...at("ترامب"), layer: "entity", ref: 0 },
    { ...at("أمس الأول"), layer: "time", ref: 0 },
    { start: block.start + 2, end: block.start + 2, layer: "entity", ref: 3 },
  ];
  const tree = annotationTree(block.start, block.end, marks);
  assert.equal(treeText(TEXT, tree), TEXT.slice(block.start, block.end));
  assert.deepEqual(flat(tree).map((m) => m.text), ["أمس الأول"]);
});

test("property: for any marks, the leaves rebuild the range exactly, in order, with no overlap", () => {
  const layers = ["quote", "framing", "entity", "time", "quantity", "event"] as const;
  const mark = fc.record({
    start: fc.integer({ min: 0, max: TEXT.length }),
    len: fc.integer({ min: 0, max: 40 }),
    layer: fc.constantFrom(...layers),
    ref: fc.nat(5),
  }).map(({ start, len, layer, ref }) => ({ start, end: Math.min(TEXT.length, start + len), layer, ref }) as Mark);
  fc.assert(
    fc.property(fc.array(mark, { maxLength: 30 }), fc.integer({ min: 0, max: TEXT.length }), fc.integer({ min: 0, max: TEXT.length }), (marks, a, b) => {
      const [s, e] = a <= b ? [a, b] : [b, a];
      const tree = annotationTree(s, e, marks);
      assert.equal(treeText(TEXT, tree), TEXT.slice(s, e));
      const leaves: Array<[number, number]> = [];
      const walk = (ns: TreeNode[]) => ns.forEach((n) => (n.kind === "text" ? leaves.push([n.start, n.end]) : walk(n.children)));
      walk(tree);
      let pos = s;
      for (const [ls, le] of leaves) {
        assert.equal(ls, pos);
        assert.ok(le > ls);
        pos = le;
      }
      assert.equal(pos, e === s ? s : e);
    }),
    { numRuns: 300 },
  );
});

test("a thousand marks over a long text build in linear-ish time (no blow-up)", () => {
  const long = TEXT.repeat(200);
  const marks: Mark[] = [];
  for (let i = 0; i + 10 < long.length; i += 20) marks.push({ start: i, end: i + 8, layer: i % 40 ? "entity" : "time", ref: 0 });
  for (let i = 0; i + 300 < long.length; i += 400) marks.push({ start: i, end: i + 300, layer: "quote", ref: 0 });
  const tree = annotationTree(0, long.length, marks);
  assert.equal(treeText(long, tree), long);
});
