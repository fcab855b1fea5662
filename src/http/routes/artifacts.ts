import { Router } from 'express';
import { configurationFile } from '../../app/configuration-file';
import type { SnapshotOf } from '../../app/snapshot';
import { operationsOf, type Contract } from '../../contract/contract';

/**
 * GET /v1/artifacts/{file}: a configuration file a workaround calls for. The files are those of
 * the knowledge base being served (a file the contract does not describe is a 404 at the route
 * guard, and its query parameters are checked by the query guard). Each file
 * is a route of its own, as in the contract, so that metrics name it the same whether the route
 * answered or the request was refused before it (a 405).
 */
export function artifactRoutes(contract: Contract, snapshotOf: SnapshotOf): Router {
  const router = Router();
  for (const { path, method } of operationsOf(contract.document)) {
    if (method !== 'get' || !path.startsWith('/v1/artifacts/')) continue;
    const name = path.slice('/v1/artifacts/'.length);
    // The ports were checked against the contract's parameters by the query guard (see query-guard.ts).
    router.get(path, (req, res) => {
      const { kb } = snapshotOf(req);
      const ports = Object.fromEntries(Object.entries(req.query).map(([key, value]) => [key, Number(value)]));
      const { artifact, advice } = configurationFile(kb, name, ports);
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
  }
  return router;
}
