import { Router } from 'express';
import { ARTIFACTS, generateArtifact, type ArtifactName } from '../../artifacts/generate';
import type { Contract } from '../contract';
import { describeFieldErrors, Problem } from '../problem';
import type { Serving } from '../serving';
import { queryParameters } from '../validate';

export function artifactRoutes(contract: Contract, serving: Serving): Router {
  const router = Router();
  for (const name of ARTIFACTS) {
    const path = `/v1/artifacts/${name}`;
    router.get(path, queryParameters(contract, path, 'get'), (req, res) => {
      const ports = Object.fromEntries(Object.entries(req.query).map(([key, value]) => [key, Number(value)]));
      const result = generateArtifact(serving(req).kb, name as ArtifactName, ports);
      if (!result.ok) {
        throw new Problem(400, 'invalid_request', `The ports do not follow the articles' advice: ${describeFieldErrors(result.errors)}.`, result.errors);
      }
      res
        .status(200)
        // attachment() sets a type from the file extension, so the real type goes after it.
        .attachment(result.artifact.fileName)
        .type(result.artifact.mediaType)
        .set('X-Workaround', result.artifact.workaround)
        .send(result.artifact.content);
    });
  }
  return router;
}
