import type { Handlers } from './types';

export const appHandlers = {
  'app:status': (_input, { status }) => status(),
  'settings:get': (_input, { settings }) => settings.get(),
  'settings:update': (patch, { settings }) => settings.update(patch),
} satisfies Partial<Handlers>;
