// "Open console" from a node menu has to reach the console's input, which
// lives elsewhere on the page: the mounted console registers how to focus
// itself here, and the menu asks for it.

let focusInput: (() => void) | null = null;

/** Called by the mounted Console; returns the unregister function. */
export function registerConsoleInput(focus: () => void): () => void {
  focusInput = focus;
  return () => {
    if (focusInput === focus) focusInput = null;
  };
}

/** Moves focus to the console's input; false when no console is on the page. */
export function focusConsole(): boolean {
  if (!focusInput) return false;
  focusInput();
  return true;
}
