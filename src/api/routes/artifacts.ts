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
      const { artifact, advice } = result;
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
