/*
** rasd_bm25(fts, n0, n1, ...): FTS5's bm25 with the document counts of the query's phrases given by
** the caller instead of counted again for every query.
**
** Why: FTS5's built-in bm25() starts every query by running each phrase alone over the whole index
** to count the documents that hold it (the IDF), which for the common words of news is a scan of a
** doclist of tens of thousands of rows: about half of what an uncached search costs on a large
** archive. Those counts change only when the archive does, so SqliteStore keeps them (keyed on the
** archive's change stamp) and passes them in; everything else is bm25() line for line (SQLite
** 3.53 ext/fts5/fts5_aux.c: k1 1.2, b 0.75, the same IDF floor, the row length over all columns),
** with column weights 1 for the first column and 0 for the others, as rasd calls bm25(fts, 1.0, 0.0, 0.0).
** Phrases without a count argument (the publication-date tokens) weigh nothing, as in that call.
** A phrase's frequency is counted in the first column (the words) and the third (month words, the
** same words joined to the article's month at the same positions), so a word matched as a month word
** scores as the word itself would; the row length is over all columns, as bm25() takes it.
**
** Built by scripts/build-native.mjs; when it cannot be built SqliteStore uses bm25() itself, which
** gives the same scores (test/store/nativeRank.test.ts checks that they agree).
*/
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1
#include <math.h>
#include <string.h>

typedef struct RankData {
  int nPhrase;
  double avgdl;
  double *aIDF;
  double *aFreq;
} RankData;

static RankData *rankData(const Fts5ExtensionApi *pApi, Fts5Context *pFts, int nVal, sqlite3_value **apVal, int *pRc) {
  RankData *p = (RankData *)pApi->xGetAuxdata(pFts, 0);
  if (p) return p;
  int nPhrase = pApi->xPhraseCount(pFts);
  sqlite3_int64 nRow = 0, nToken = 0;
  p = (RankData *)sqlite3_malloc64(sizeof(RankData) + (sqlite3_int64)nPhrase * 2 * sizeof(double));
  if (!p) { *pRc = SQLITE_NOMEM; return 0; }
  memset(p, 0, sizeof(RankData) + (size_t)nPhrase * 2 * sizeof(double));
  p->nPhrase = nPhrase;
  p->aIDF = (double *)&p[1];
  p->aFreq = &p->aIDF[nPhrase];
  int rc = pApi->xRowCount(pFts, &nRow);
  if (rc == SQLITE_OK) rc = pApi->xColumnTotalSize(pFts, -1, &nToken);
  if (rc == SQLITE_OK) p->avgdl = nRow > 0 ? (double)nToken / (double)nRow : 1.0;
  for (int i = 0; rc == SQLITE_OK && i < nPhrase; i++) {
    if (i >= nVal) { p->aIDF[i] = 0.0; continue; }
    double nHit = sqlite3_value_double(apVal[i]);
    double idf = log(((double)nRow - nHit + 0.5) / (nHit + 0.5));
    if (idf <= 0.0) idf = 1e-6;
    p->aIDF[i] = idf;
  }
  if (rc == SQLITE_OK) rc = pApi->xSetAuxdata(pFts, p, sqlite3_free);
  else sqlite3_free(p);
  *pRc = rc;
  return rc == SQLITE_OK ? p : 0;
}

static void rasdBm25(const Fts5ExtensionApi *pApi, Fts5Context *pFts, sqlite3_context *pCtx, int nVal, sqlite3_value **apVal) {
  const double k1 = 1.2, b = 0.75;
  int rc = SQLITE_OK, nInst = 0, nTok = 0;
  RankData *p = rankData(pApi, pFts, nVal, apVal, &rc);
  if (p) {
    memset(p->aFreq, 0, sizeof(double) * p->nPhrase);
    rc = pApi->xInstCount(pFts, &nInst);
  }
  for (int i = 0; rc == SQLITE_OK && i < nInst; i++) {
    int ip, ic, io;
    rc = pApi->xInst(pFts, i, &ip, &ic, &io);
    if (rc == SQLITE_OK && (ic == 0 || ic == 2)) p->aFreq[ip] += 1.0;
  }
  if (rc == SQLITE_OK) rc = pApi->xColumnSize(pFts, -1, &nTok);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(pCtx, rc);
    return;
  }
  double D = (double)nTok, score = 0.0;
  for (int i = 0; i < p->nPhrase; i++) {
    score += p->aIDF[i] * ((p->aFreq[i] * (k1 + 1.0)) / (p->aFreq[i] + k1 * (1 - b + b * D / p->avgdl)));
  }
  sqlite3_result_double(pCtx, -1.0 * score);
}

/* The FTS5 API of this connection, as the FTS5 documentation says to obtain it. */
static fts5_api *fts5Api(sqlite3 *db) {
  fts5_api *pRet = 0;
  sqlite3_stmt *pStmt = 0;
  if (sqlite3_prepare(db, "SELECT fts5(?1)", -1, &pStmt, 0) == SQLITE_OK) {
    sqlite3_bind_pointer(pStmt, 1, (void *)&pRet, "fts5_api_ptr", 0);
    sqlite3_step(pStmt);
  }
  sqlite3_finalize(pStmt);
  return pRet;
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_rasdfts_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi) {
  SQLITE_EXTENSION_INIT2(pApi);
  fts5_api *api = fts5Api(db);
  if (!api || api->iVersion < 2) {
    *pzErrMsg = sqlite3_mprintf("rasd_fts5: this SQLite has no FTS5 API version 2");
    return SQLITE_ERROR;
  }
  return api->xCreateFunction(api, "rasd_bm25", 0, rasdBm25, 0);
}
