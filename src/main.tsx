// Entry point of the page: reads the URL (language, seed), then renders the
// app. A rendering error shows a message in the page's language instead of
// leaving the page blank.

import { Component, type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { chooseLanguage, type Messages } from './i18n';
import { App } from './ui/App';

const DEFAULT_SEED = 1;
const MAX_SEED = 0xffff_ffff;

/** `?seed=<n>` picks the engine's random seed; the same seed replays the same run. */
function readSeed(search: string): { seed: number; rejected: string | null } {
  const raw = new URLSearchParams(search).get('seed');
  if (raw === null) return { seed: DEFAULT_SEED, rejected: null };
  const n = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  return Number.isSafeInteger(n) && n <= MAX_SEED ? { seed: n, rejected: null } : { seed: DEFAULT_SEED, rejected: raw };
}

class PageErrorBoundary extends Component<{ messages: Messages; children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="lab">
        <p className="failure" role="alert">
          {this.props.messages.pageFailed(error.message)}
        </p>
      </main>
    );
  }
}

const search = window.location.search;
const language = chooseLanguage(search, navigator.language);
const seed = readSeed(search);
const notes: string[] = [];
if (language.rejected !== null) notes.push(language.messages.badLang(language.rejected));
if (seed.rejected !== null) notes.push(language.messages.badSeed(seed.rejected));

document.documentElement.lang = language.lang;
document.title = language.messages.title;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PageErrorBoundary messages={language.messages}>
      <App lang={language.lang} messages={language.messages} search={search} seed={seed.seed} notes={notes} />
    </PageErrorBoundary>
  </StrictMode>,
);
