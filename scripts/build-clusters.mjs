#!/usr/bin/env node
// Learns word clusters for the entity tagger from the unlabelled news in ../shared/data/news:
//   1. tokenise every article as the tagger does (whole words, clitics attached, normalised);
//   2. keep the most frequent words, describe each by counts of its left and right neighbours
//      (the most frequent context words), weighted by positive PMI;
//   3. project to a few dozen dimensions with a seeded random Gaussian matrix, normalise;
//   4. k-means (seeded, k-means++ init) at three granularities: K_FINE clusters over the words,
//      K_COARSE clusters over the fine centroids, and K_FINER clusters over the words;
//   5. put the less frequent words (EXT_MIN occurrences or more) in their nearest clusters.
// Output: resources/clusters/clusters.tsv (word TAB fine TAB coarse TAB finer), the clustered words
// by frequency, then the others by frequency.
// Runs in a few minutes on one core: `npm run build:clusters` (node --import tsx, for src/text).
import { mkdirSync, writeFileSync } from "node:fs";
import { tokenize } from "../src/text/tokenize.js";
import { resourcePath } from "../src/resources.js";
import { newsArticles } from "./lib/newsArticles.mjs";

const VOCAB = 40000;
const CONTEXT = 600;
const DIM = 96;
const K_FINE = 384;
const K_COARSE = 48;
// A third, finer granularity, clustered last so the first two columns stay what they were: with
// 384 clusters a rare surname shares its id with hundreds of words; at 1024 the groups are tighter
// (first names, surnames, club names, company names), which the tagger uses beside the coarser ids.
const K_FINER = 1024;
const ITER = 14;
// The words past the VOCAB most frequent that occur at least EXT_MIN times are not clustered but
// put in the nearest fine and finer cluster afterwards (their vectors weighted with the PPMI
// statistics of the VOCAB rows, so the clusters of the frequent words stay as they were). A rare
// surname, village or club then shares an id with the names it is used like: 30% of ANERcorp's
// person tokens had no cluster at 40,000 words, and the tagger gained most on places and
// organisations (scripts/train-ner.mjs, Dec 2, 2026).
const EXT_MIN = 5;

const t0 = Date.now();
const log = (m) => console.error(`[clusters ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

// A seeded PRNG so the committed file is reproducible.
let seed = 0x9e3779b9;
function rand() {
  seed ^= seed << 13; seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5; seed >>>= 0;
  return seed / 4294967296;
}
function gauss() {
  const u = Math.max(rand(), 1e-12), v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Sentences as arrays of normalised tokens; digits collapse to one symbol. */
function tokens(text) {
  return tokenize(text).map((t) => (t.kind === "number" ? "<num>" : t.kind === "latin" ? "<lat>" : t.norm));
}

// Pass 1: frequencies. The corpus is small enough to hold the token streams in memory as ids.
const ids = new Map();
const idFreq = [];
const docs = [];
for await (const text of newsArticles()) {
  const toks = tokens(text);
  const arr = new Int32Array(toks.length);
  for (let i = 0; i < toks.length; i++) {
    let id = ids.get(toks[i]);
    if (id === undefined) { id = idFreq.length; ids.set(toks[i], id); idFreq.push(0); }
    idFreq[id]++;
    arr[i] = id;
  }
  docs.push(arr);
}
const freq = new Map([...ids.entries()].map(([w, id]) => [w, idFreq[id]]));
log(`${docs.length} articles, ${freq.size} types`);
const byFreq = [...freq.entries()].filter(([w]) => w !== "<num>" && w !== "<lat>").sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const vocab = byFreq.slice(0, VOCAB).map(([w]) => w);
const ext = byFreq.slice(VOCAB).filter(([, f]) => f >= EXT_MIN).map(([w]) => w);
const all = vocab.concat(ext);
const vIndex = new Int32Array(idFreq.length).fill(-1);
all.forEach((w, i) => { vIndex[ids.get(w)] = i; });
const ctxWords = [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, CONTEXT).map(([w]) => w);
const cIndex = new Int32Array(idFreq.length).fill(-1);
ctxWords.forEach((w, i) => { cIndex[ids.get(w)] = i; });

// Pass 2: left/right context counts (dense: one row of 2·CONTEXT per word, VOCAB and the rest).
const C2 = 2 * CONTEXT;
const counts = new Float32Array(all.length * C2);
for (const toks of docs) {
  for (let i = 0; i < toks.length; i++) {
    const v = vIndex[toks[i]];
    if (v < 0) continue;
    const base = v * C2;
    if (i > 0) { const c = cIndex[toks[i - 1]]; if (c >= 0) counts[base + c] += 1; }
    if (i + 1 < toks.length) { const c = cIndex[toks[i + 1]]; if (c >= 0) counts[base + CONTEXT + c] += 1; }
  }
}
docs.length = 0;
log("context counts done");

// PPMI.
const rowSum = new Float64Array(all.length), colSum = new Float64Array(C2);
let total = 0;
for (let v = 0; v < vocab.length; v++) for (let c = 0; c < C2; c++) {
  const x = counts[v * C2 + c];
  rowSum[v] += x; colSum[c] += x; total += x;
}
for (let v = vocab.length; v < all.length; v++) for (let c = 0; c < C2; c++) rowSum[v] += counts[v * C2 + c];
for (let v = 0; v < all.length; v++) for (let c = 0; c < C2; c++) {
  const x = counts[v * C2 + c];
  if (x === 0 || colSum[c] === 0) { counts[v * C2 + c] = 0; continue; }
  const pmi = Math.log((x * total) / (rowSum[v] * colSum[c]));
  counts[v * C2 + c] = pmi > 0 ? pmi : 0;
}

// Random projection to DIM, then unit length.
const R = new Float32Array(C2 * DIM);
for (let i = 0; i < R.length; i++) R[i] = gauss();
const X = new Float32Array(all.length * DIM);
for (let v = 0; v < all.length; v++) {
  const row = v * C2, out = v * DIM;
  for (let c = 0; c < C2; c++) {
    const x = counts[row + c];
    if (x === 0) continue;
    const r = c * DIM;
    for (let d = 0; d < DIM; d++) X[out + d] += x * R[r + d];
  }
  let n = 0;
  for (let d = 0; d < DIM; d++) n += X[out + d] * X[out + d];
  n = Math.sqrt(n) || 1;
  for (let d = 0; d < DIM; d++) X[out + d] /= n;
}
log("projection done");

/** The nearest of the k centroids in `cent` to row i of `data` (squared Euclidean distance). */
function nearest(data, i, cent, k) {
  let best = 0, bestD = Infinity;
  for (let j = 0; j < k; j++) {
    let d = 0;
    for (let t = 0; t < DIM; t++) { const z = data[i * DIM + t] - cent[j * DIM + t]; d += z * z; }
    if (d < bestD) { bestD = d; best = j; }
  }
  return best;
}

/** k-means over the rows of `data` (n × DIM), k-means++ init; returns assignments and centroids. */
function kmeans(data, n, k, iters) {
  const cent = new Float32Array(k * DIM);
  const dist = new Float64Array(n).fill(Infinity);
  let first = Math.floor(rand() * n);
  cent.set(data.subarray(first * DIM, first * DIM + DIM), 0);
  for (let j = 1; j < k; j++) {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      let d = 0;
      for (let t = 0; t < DIM; t++) { const z = data[i * DIM + t] - cent[(j - 1) * DIM + t]; d += z * z; }
      if (d < dist[i]) dist[i] = d;
      sum += dist[i];
    }
    let r = rand() * sum, pick = n - 1;
    for (let i = 0; i < n; i++) { r -= dist[i]; if (r <= 0) { pick = i; break; } }
    cent.set(data.subarray(pick * DIM, pick * DIM + DIM), j * DIM);
  }
  const assign = new Int32Array(n);
  for (let it = 0; it < iters; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const best = nearest(data, i, cent, k);
      if (assign[i] !== best) moved++;
      assign[i] = best;
    }
    cent.fill(0);
    const size = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      size[assign[i]]++;
      for (let t = 0; t < DIM; t++) cent[assign[i] * DIM + t] += data[i * DIM + t];
    }
    for (let j = 0; j < k; j++) if (size[j]) for (let t = 0; t < DIM; t++) cent[j * DIM + t] /= size[j];
    log(`k=${k} iteration ${it + 1}: ${moved} moved`);
    if (moved === 0) break;
  }
  return { assign, cent };
}

const fine = kmeans(X, vocab.length, K_FINE, ITER);
const coarse = kmeans(fine.cent, K_FINE, K_COARSE, 30);
const finer = kmeans(X, vocab.length, K_FINER, ITER);
const lines = vocab.map((w, i) => `${w}\t${fine.assign[i]}\t${coarse.assign[fine.assign[i]]}\t${finer.assign[i]}`);
for (let i = vocab.length; i < all.length; i++) {
  // No neighbour among the context words: no vector, so no cluster either.
  if (rowSum[i] === 0) continue;
  const f = nearest(X, i, fine.cent, K_FINE);
  lines.push(`${all[i]}\t${f}\t${coarse.assign[f]}\t${nearest(X, i, finer.cent, K_FINER)}`);
}
mkdirSync(resourcePath("clusters"), { recursive: true });
writeFileSync(resourcePath("clusters/clusters.tsv"), lines.join("\n") + "\n");
log(`wrote ${lines.length} words to resources/clusters/clusters.tsv`);
