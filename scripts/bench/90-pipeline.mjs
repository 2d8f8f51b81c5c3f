// The whole pipeline as `analyze()` runs it: sources and every registered annotator.
export default {
  name: "full pipeline (analyze)",
  async run({ lib, articles, measure }) {
    const names = new lib.Pipeline().annotators.map((a) => a.name).join(", ");
    return { ...measure(articles, (a) => lib.analyze(a)), annotators: names };
  },
};
