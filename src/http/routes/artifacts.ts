import { Router, type RequestHandler } from 'express';
import { configurationFile } from '../../app/configuration-file';
import type { SnapshotOf } from '../../app/snapshot';
import { operationsOf, type Contract } from '../../contract/contract';
import { queryParameters } from '../../contract/validate-request';

/**
 * GET /v1/artifacts/{file}: a configuration file a workaround calls for. The files are those of
 * the knowledge base being served; each one's query parameters are checked against the path the
 * contract gives it (a file the contract does not describe is a 404 at the route guard).
 */
export function artifactRoutes(contract: Contract, snapshotOf: SnapshotOf): Router {
  const checks = new Map<string, RequestHandler>();
  for (const { path, method } of operationsOf(contract.document)) {
    if (method === 'get' && path.startsWith('/v1/artifacts/')) checks.set(path.slice('/v1/artifacts/'.length), queryParameters(contract, path, 'get'));
  }
  const router = Router();
  router.get('/v1/artifacts/:name', (req, res, next) => {
    const check = checks.get(req.params.name);
    if (!check) return next();
    check(req, res, (error?: unknown) => {
      if (error) return next(error);
      const { kb } = snapshotOf(req);
      const ports = Object.fromEntries(Object.entries(req.query).map(([key, value]) => [key, Number(value)]));
      const { artifact, advice } = configurationFile(kb, req.params.name, ports);
      // A caller that asks for JSON (the diagnosis page) gets the file with the advice as data.
      if (req.accepts(['text/plain', 'application/json']) === 'application/json') {
        res.status(200).json({ fileName: artifact.fileName, mediaType: artifact.mediaType, workaround: artifact.workaround, advice, content: artifact.content.toString('base64') });
        return;
      }
      res
        .status(200)
        // attachment() sets a type from the file extension, so the real type goes after it.
        .attachment(artifact.fileName)
        .type(artifact.mediaType)
        .set('X-Workaround', artifact.workaround)
        .send(artifact.content);
    });
  });
  return router;
}
