import { useEffect, useRef } from 'react';

/** Handlers by key; `g i` style sequences are written as 'g i'. */
export type KeyMap = Record<string, () => void>;

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    Boolean(target.closest('input, textarea, select, [role="combobox"]')));

/**
 * The page's keyboard shortcuts, inactive while the agent types in a field. A key that starts
 * a sequence (`g`) waits for the next key.
 */
export const useKeys = (keys: KeyMap) => {
  const latest = useRef(keys);
  latest.current = keys;

  useEffect(() => {
    let prefix = '';
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const key = event.key === 'ArrowDown' ? 'j' : event.key === 'ArrowUp' ? 'k' : event.key;
      const name = prefix ? `${prefix} ${key}` : key;
      prefix = '';
      const handler = latest.current[name];
      if (handler) {
        event.preventDefault();
        handler();
      } else if (Object.keys(latest.current).some((known) => known.startsWith(`${key} `))) {
        prefix = key;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
};
