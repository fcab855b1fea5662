import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { BoundedCache } from '../../consult/bounded-cache';
import { answerCaches, answerKey, type EncodedAnswer } from '../answer-cache';
import type { Contract } from '../../contract/contract';
import { encodedDiagnoseAnswer } from '../answer-cache';
import type { DecisionRecorder } from '../../decisions/recorder';
import { callerOf } from './decisions';
import { fieldPriors } from '../../app/field-priors';
import type { SnapshotOf } from '../../app/snapshot';
import type { DiagnoseInput } from '../../app/diagnose';
import { jsonBody, queryParameters } from '../../contract/validate-request';

/** POST /v1/diagnose. `answerCacheBytes`: room for cached answers per knowledge base (0: none). */
export function diagnoseRoutes(contract: Contract, snapshotOf: SnapshotOf, answerCacheBytes: number, decisions?: DecisionRecorder): Router {
  const router = Router();
  const answerCacheOf = answerCaches(answerCacheBytes);
  // Every answer is a decision, one from the cache too: recorded (off the request path) and its id sent.
  const sendAnswer = (res: Response, answer: EncodedAnswer) => {
    if (!decisions || !answer.decision) return sendBody(res, answer.body);
    const id = decisions.record(answer.decision, callerOf(res));
    res.setHeader('X-Decision-Id', id);
    sendWithDecisionId(res, answer.body, id);
  };
  router.post(
    '/v1/diagnose',
    queryParameters(contract, '/v1/diagnose', 'post'),
    // Before validation: see answerCaches.
    answeredBefore(snapshotOf, answerCacheOf, sendAnswer),
    jsonBody(contract, 'DiagnoseRequest', { at: '/facts', vocabularyOf: (req) => snapshotOf(req).kb.vocabulary }),
    async (req, res) => {
      const snapshot = snapshotOf(req);
      const priors = withPriors(req) ? await fieldPriors(decisions) : undefined;
      const answer = await encodedDiagnoseAnswer(snapshot, req.body as DiagnoseInput, { ...optionsOf(req), priors }, decisions !== undefined);
      if (res.locals.answerKey) answerCacheOf(snapshot.kb)?.set(res.locals.answerKey as string, answer);
      sendAnswer(res, answer);
    },
  );
  return router;
}

const optionsOf = (req: Request) => ({ includeCandidates: req.query.include === 'candidates' });
// Answers ranked by the field's priors change as the log grows: they are never cached.
const withPriors = (req: Request) => req.query.priors === 'field';

/**
 * Answers a request from the knowledge base's answer cache when it was answered before; otherwise
 * leaves its key in res.locals.answerKey, for the answer to be stored under once it is built.
 */
function answeredBefore(snapshotOf: SnapshotOf, answerCacheOf: (kb: object) => BoundedCache<EncodedAnswer> | undefined, sendAnswer: (res: Response, answer: EncodedAnswer) => void): RequestHandler {
  return (req, res, next) => {
    const snapshot = snapshotOf(req);
    const cache = answerCacheOf(snapshot.kb);
    // Without a parsed body (not JSON, or none), jsonBody has the answer: a 415.
    if (!cache || req.body === undefined || withPriors(req)) return next();
    const key = answerKey(req.body, optionsOf(req));
    if (key === undefined) return next();
    const hit = cache.get(key);
    if (!hit) {
      res.locals.answerKey = key;
      return next();
    }
    snapshot.diagnoser.observed(hit.diagnoses);
    sendAnswer(res, hit);
  };
}

/**
 * What res.json would send for the same answer. The header is set as is: express's res.type would
 * look the media type up and parse it again on every request.
 */
function sendBody(res: Response, body: Buffer): void {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.send(body);
}

/**
 * The encoded answer with the decision's id as its first property, sent in two pieces in one
 * write (corked) rather than copied into a new buffer: answers run to tens of kilobytes, and a
 * copy of each, thousands a second, was most of what the decision log cost a cached answer.
 */
function sendWithDecisionId(res: Response, body: Buffer, decisionId: string): void {
  const head = `{"decisionId":"${decisionId}",`;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', head.length + body.length - 1);
  res.cork();
  res.write(head);
  res.end(body.subarray(1));
}
