import { useCallback, useState } from 'react';

/**
 * A choice of hers the screen keeps between visits (the timesheet's view and whose entries it
 * shows): a preference of this window, not data, so it lives in the page's storage. Storage that
 * is unavailable or holds something else gives the fallback, never an error.
 */
export function useRemembered<Choice extends string>(key: string, choices: readonly Choice[], fallback: Choice): [Choice, (choice: Choice) => void] {
  const [value, setValue] = useState<Choice>(() => {
    try {
      const stored = window.localStorage.getItem(key);
      return choices.find((choice) => choice === stored) ?? fallback;
    } catch {
      return fallback;
    }
  });
  const remember = useCallback(
    (choice: Choice) => {
      setValue(choice);
      try {
        window.localStorage.setItem(key, choice);
      } catch {
        // Storage full or disabled: the choice holds for this visit.
      }
    },
    [key],
  );
  return [value, remember];
}
