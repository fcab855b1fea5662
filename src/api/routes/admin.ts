import { Router } from 'express';
import { KnowledgeBaseError } from '../../kb/errors';
import type { KnowledgeBaseHolder } from '../../service/holder';
import { Problem } from '../problem';

/**
 * POST /admin/reload: loads rules/ again. Only with admin keys configured (the key check in front
 * of it, which wants an admin key here, is what makes it authenticated); an invalid knowledge
 * base is a 422 and the old one keeps serving.
 */
export function adminRoutes(holder: KnowledgeBaseHolder | undefined, adminKeysConfigured: boolean): Router {
  const router = Router();
  router.post('/admin/reload', (_req, res) => {
    if (!holder || !adminKeysConfigured) throw new Problem(403, 'forbidden', 'Reloading over HTTP needs ADMIN_API_KEYS to be set; send SIGHUP to the process instead.');
    try {
      res.json(holder.reload());
    } catch (error) {
      if (error instanceof KnowledgeBaseError) throw new Problem(422, 'reload_failed', `The new knowledge base is invalid, so the old one (${holder.current().kb.revision}) keeps serving: ${error.message}`);
      throw error;
    }
  });
  return router;
}
