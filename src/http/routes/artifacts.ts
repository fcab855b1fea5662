import { Router } from 'express';
import { configurationFile } from '../../app/configuration-file';
import { ARTIFACTS, type ArtifactName } from '../../artifacts/generate';
import type { Contract } from '../../contract/contract';
import type { SnapshotOf } from '../../app/snapshot';
import { queryParameters } from '../../contract/validate-request';

export function artifactRoutes(contract: Contract, snapshotOf: SnapshotOf): Router {
  const router = Router();
  for (const name of ARTIFACTS) {
    const path = `/v1/artifacts/${name}`;
    router.get(path, queryParameters(contract, path, 'get'), (req, res) => {
      const ports = Object.fromEntries(Object.entries(req.query).map(([key, value]) => [key, Number(value)]));
      const { artifact, advice } = configurationFile(snapshotOf(req).kb, name as ArtifactName, ports);
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
