import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyImport, keptReads, previewImport, type ImportInput, type KeptReads } from '../../electron/services/data/import-engine';
import { openTestBackend, type TestBackend } from '../support/temp-backend';
import { IMPORT_FIXTURES } from '../support/uploads';

/**
 * The data worker keeps the rows an import's preview parsed, and the apply that follows on the
 * same thread uses them instead of parsing the file again — only while nothing the parse depends
 * on has changed. To see which rows an apply used, it is given a file of the same length whose
 * first note differs: an apply that reused the preview's rows writes the preview's note.
 */

const NEW_YORK = 'America/New_York';
const FILE = fs.readFileSync(path.join(IMPORT_FIXTURES, 'toggl-detailed-us-12h.csv'), 'utf8');
const NOTE = 'Core switch firmware, stack 2';
const OTHER_NOTE = 'Core router firmware, stack 9';
const CHANGED_FILE = FILE.replace(NOTE, OTHER_NOTE);
const mapping = {
  categories: { 'project:desktop support': 3, 'project:server admin': 2, 'tag:after-hours': 9 },
  workers: { 'email:gail@northwind.example': { worker: 'me' as const, technicianId: null } },
};

let app: TestBackend;
let kept: KeptReads;
beforeEach(async () => {
  app = openTestBackend();
  await app.call('settings:update', { timeZone: NEW_YORK });
  await app.call('technicians:create', { name: 'Sam Patel', role: 'Desktop', email: 'sam@bluefin-msp.example' });
  kept = keptReads();
});
afterEach(() => app.close());

const input = (text: string, request: Partial<ImportInput['request']> = {}): ImportInput => ({
  request: { uploadId: 'upload-1', kind: 'time-entries', timeZone: NEW_YORK, mapping, ...request },
  fileName: 'toggl.csv',
  fileBytes: Buffer.byteLength(text),
  text,
  settings: app.settings.get(),
  herZone: NEW_YORK,
  now: app.now(),
  today: '2026-11-16',
  kept,
});
const firstNote = () => app.backend.db!.prepare<[], string>('SELECT note FROM time_entries ORDER BY start_at LIMIT 1').pluck().get();

describe('an import’s apply and the rows its preview parsed', () => {
  it('uses the preview’s rows when nothing changed in between', () => {
    expect(CHANGED_FILE.length).toBe(FILE.length);
    previewImport(app.backend.db!, input(FILE));
    expect(applyImport(app.backend.db!, input(CHANGED_FILE)).created).toBe(5);
    expect(firstNote()).toBe(NOTE);
  });

  it('reads the file again when she changed the mapping after the preview', () => {
    previewImport(app.backend.db!, input(FILE));
    const result = applyImport(app.backend.db!, input(CHANGED_FILE, { mapping: { ...mapping, categories: { ...mapping.categories, 'project:desktop support': 2 } } }));
    expect(result.created).toBe(5);
    expect(firstNote()).toBe(OTHER_NOTE);
  });

  it('uses them for the apply the import screen sends: every name’s choice as the preview showed it', () => {
    const preview = previewImport(app.backend.db!, input(FILE));
    if (preview.status !== 'ready') throw new Error(preview.status);
    // As renderer/features/data/import/import-screen.tsx startImport builds it: suggested ones become chosen.
    const everything = { categories: {} as Record<string, unknown>, workers: {} as Record<string, unknown> };
    for (const name of preview.categories) if (name.choice !== null) everything.categories[name.key] = name.choice;
    for (const name of preview.users) if (name.choice !== null) everything.workers[name.key] = name.choice;
    expect([...preview.categories, ...preview.users].map((name) => name.from)).toContain('suggested');
    applyImport(app.backend.db!, input(CHANGED_FILE, { mapping: everything as never }));
    expect(firstNote()).toBe(NOTE);
  });

  it('uses them when a category the file does not name was added in between', async () => {
    previewImport(app.backend.db!, input(FILE));
    await app.call('categories:create', { name: 'Printers', color: '#336699' });
    applyImport(app.backend.db!, input(CHANGED_FILE));
    expect(firstNote()).toBe(NOTE);
  });

  it('reads the file again when a category was renamed in between, so another name is suggested', async () => {
    // "Network" in the file is suggested as the category Network (id 4) by its name; renamed, nothing is.
    previewImport(app.backend.db!, input(FILE));
    await app.call('categories:update', { id: 4, name: 'LAN' });
    expect(() => applyImport(app.backend.db!, input(CHANGED_FILE))).toThrow('rows wait for a mapping: choose what “Network”');
    expect(firstNote()).toBeUndefined();
  });

  it('reads the file again for another upload, or another zone', () => {
    previewImport(app.backend.db!, input(FILE));
    applyImport(app.backend.db!, input(CHANGED_FILE, { uploadId: 'upload-2' }));
    expect(firstNote()).toBe(OTHER_NOTE);
    app.backend.db!.exec('DELETE FROM time_entries');
    previewImport(app.backend.db!, input(FILE));
    applyImport(app.backend.db!, input(CHANGED_FILE, { timeZone: 'America/Chicago' }));
    expect(firstNote()).toBe(OTHER_NOTE);
  });

  it('decides duplicates again under the write lock: rows imported since the preview are not added twice', () => {
    previewImport(app.backend.db!, input(FILE));
    expect(applyImport(app.backend.db!, input(FILE)).created).toBe(5);
    const again = applyImport(app.backend.db!, input(FILE));
    expect([again.created, again.duplicates]).toStrictEqual([0, 5]);
  });
});
