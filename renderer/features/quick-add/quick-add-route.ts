import { normaliseQuickAddText, quickAddTextProblem } from '../../../shared/domain/quick-add-link';

/**
 * The line and the Interrupt box the quick-add window was opened with
 * (`#/quick-add-window?text=…&interrupt=1`). The shell validated the link already; the same limits
 * apply again here, since a route is input too.
 */
export function quickAddFromHash(hash: string): { text: string; interrupt: boolean } {
  const query = hash.indexOf('?');
  const params = new URLSearchParams(query === -1 ? '' : hash.slice(query + 1));
  const text = params.get('text') ?? '';
  return { text: quickAddTextProblem(text) === null ? normaliseQuickAddText(text) : '', interrupt: params.get('interrupt') === '1' };
}
