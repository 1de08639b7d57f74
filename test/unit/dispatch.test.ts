import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../electron/backend/dispatch';
import type { HandlerContext, Handlers } from '../../electron/handlers/types';

/** Handlers where every call fails the way an unexpected SQLite error does. */
const failing = new Proxy({} as Handlers, {
  get: () => () => {
    throw new Error('CHECK constraint failed: length(trim(name)) BETWEEN 1 AND 60');
  },
});

describe('the dispatcher', () => {
  it('answers an unexpected failure with INTERNAL that names the call but never quotes the cause', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const envelope = await dispatch(failing, {} as HandlerContext, 'categories:create', { name: 'Phones', color: '#123456' });
    expect(envelope).toStrictEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'Offload could not complete “categories:create”, and nothing was changed by the failed step. The cause is in Offload’s log.',
      },
    });
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });

  it('refuses an input its schema refuses before any handler runs', async () => {
    const envelope = await dispatch(failing, {} as HandlerContext, 'tasks:create', { title: '\u0000Reset VPN' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ field: 'title', message: expect.stringMatching(/NUL/) }] } });
  });
});
