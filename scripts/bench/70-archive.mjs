// The archive section of `npm run bench` (see archive.mjs): RASD_BENCH_ARCHIVE articles (default 5,000).
export { default } from "./archive.mjs";
