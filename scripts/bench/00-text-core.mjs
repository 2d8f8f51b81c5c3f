// The text core alone: normaliser with its offset map, tokeniser, sentence splitter.
export default {
  name: "text core (normalize + tokenize + sentences)",
  async run({ lib, articles, measure }) {
    const { normalizeWithMap, tokenize, splitSentences } = lib;
    return measure(articles, (a) => {
      const t = a.text ?? "";
      normalizeWithMap(t);
      tokenize(t);
      splitSentences(t);
    });
  },
};
