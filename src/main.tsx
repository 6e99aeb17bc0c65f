// Entry point of the page: reads the URL (language, seed, theme, a shared
// session or a scenario), starts the engine worker and renders the lab. A
// rendering error shows a message in the page's language instead of leaving
// the page blank; a bad parameter shows a note and a working default.

import { Component, type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { chooseLanguage, type Messages, messagesFor } from './i18n';
import { startEmbedFromUrl } from './embed/api';
import { startEngine } from './state/engineClient';
import { frameStats } from './state/frameLoop';
import { lab, notify, type Theme, traceLog, useLab } from './state/lab';
import { lessons } from './state/lesson';
import { decodeSession } from './state/share';
import { readPageParams } from './state/urlParams';
import { App, type PageProblem } from './ui/App';
import './ui/styles/theme.css';

class PageErrorBoundary extends Component<{ messages: () => Messages; children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="app">
        <h1>Replica Lab</h1>
        <p className="failure" role="alert">
          {this.props.messages().pageFailed(error.message)}
        </p>
      </main>
    );
  }
}

function initialTheme(fromUrl: Theme | null): Theme {
  if (fromUrl) return fromUrl;
  try {
    const saved = localStorage.getItem('replica-lab:theme');
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // No storage (private mode, sandboxed iframe): fall through to the system's preference.
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

declare global {
  interface Window {
    /** A handle for the browser console, end-to-end tests and benchmarks: the store, its actions, the trace. */
    replicaLab?: { lab: typeof lab; state: typeof useLab.getState; traceLog: typeof traceLog; frameStats: typeof frameStats };
  }
}

async function main(): Promise<void> {
  window.replicaLab = { lab, state: useLab.getState, traceLog, frameStats };
  const search = window.location.search;
  const language = chooseLanguage(search, navigator.language);
  const params = readPageParams(search);
  const problems: PageProblem[] = [...params.problems];
  if (language.rejected !== null) problems.push({ kind: 'lang', value: language.rejected.slice(0, 40) });

  const motion = window.matchMedia?.('(prefers-reduced-motion: reduce)');
  useLab.setState({ lang: language.lang, theme: initialTheme(params.theme), reducedMotion: !!motion?.matches });
  motion?.addEventListener?.('change', (e) => useLab.setState({ reducedMotion: e.matches }));
  document.documentElement.lang = language.lang;
  document.documentElement.dataset.theme = useLab.getState().theme;
  // ?embed=1: the resize messages and the message API for the embedding page (allowed origins only).
  if (params.embed) startEmbedFromUrl(search);

  let session: Awaited<ReturnType<typeof decodeSession>> | null = null;
  if (params.session !== null) {
    session = await decodeSession(params.session);
    if (!session.ok) problems.push({ kind: 'session', detail: session.detail });
  }
  const root = createRoot(document.getElementById('root')!);
  const rerenderNotes = () =>
    root.render(
      <StrictMode>
        <PageErrorBoundary messages={() => messagesFor(useLab.getState().lang)}>
          <App problems={[...problems]} embed={params.embed} />
        </PageErrorBoundary>
      </StrictMode>,
    );
  rerenderNotes();

  const t = messagesFor(language.lang);
  const shared = session?.ok ? session.session : undefined;
  startEngine({
    seed: shared?.seed ?? params.seed,
    ...(shared ? { session: shared } : params.preset ? { preset: params.preset } : {}),
    ...(params.scenario !== null && !shared ? { scenario: params.scenario } : {}),
    // A shared moment opens paused on that moment; everything else starts playing.
    play: !shared,
    failed: { noAnswer: t.noAnswer, scriptFailed: t.scriptFailed },
  });
  // ?lesson=<id>: open the lesson (it sets up its own lab); an unknown id is said so, the sandbox stays.
  const lessonId = new URLSearchParams(search).get('lesson');
  if (lessonId !== null && !shared) {
    lessons.open(lessonId.trim()).then(
      (found) => {
        if (!found) {
          problems.push({ kind: 'lesson', id: lessonId.slice(0, 60) });
          rerenderNotes();
        }
      },
      (e: unknown) => notify('error', e instanceof Error ? e.message : String(e)),
    );
  }
}

main();
