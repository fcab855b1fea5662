import { Router } from 'express';
import type { KnowledgeBaseHolder } from '../../app/holder';
import { Problem } from '../../contract/problem';

/**
 * POST /admin/reload: loads rules/ again. Only with admin keys configured (the key check in front
 * of it, which wants an admin key here, is what makes it authenticated); an invalid knowledge
 * base is a 422 and the old one keeps serving.
 */
export function adminRoutes(holder: KnowledgeBaseHolder | undefined, adminKeysConfigured: boolean): Router {
  const router = Router();
  router.post('/admin/reload', (_req, res) => {
    if (!holder || !adminKeysConfigured) throw new Problem(403, 'forbidden', 'Reloading over HTTP needs ADMIN_API_KEYS to be set; send SIGHUP to the process instead.');
    res.json(holder.reload());
  });
  return router;
}
