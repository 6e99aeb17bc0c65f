// The lab page: toolbar, the diagram (topology or space-time) with playback
// under it, and the console and INFO of the selected node beside it. The page
// never computes replication; every part draws what the engine reported.

import { lazy, Suspense, useEffect, useState } from 'react';
import { LANGUAGE_NAMES, LANGUAGES, type Lang, messagesFor } from '../i18n';
import { lab, useLab } from '../state/lab';
import type { UrlProblem } from '../state/urlParams';
import { withParam } from '../state/urlParams';
import { embedText } from '../embed/text';
import { exportText } from '../export/text';
import { importText } from '../import/text';
import { lessons, useLesson } from '../state/lesson';
import { TopologyDiagram } from './diagram/TopologyDiagram';
import { lessonText } from './lessons/text';
import { Console } from './panels/Console';
import { InfoPanel } from './panels/InfoPanel';
import { LinkMenu } from './panels/LinkMenu';
import { NodeMenu } from './panels/NodeMenu';
import { TopologyBar } from './panels/TopologyBar';
import { Notices } from './shell/Notices';
import { ShareDialog } from './shell/ShareDialog';
import './shell/shell.css';
import { BranchDialog } from './timeline/BranchDialog';
import { PlaybackBar } from './timeline/PlaybackBar';
import { Timeline } from './timeline/Timeline';

// Parts not needed to open the lab come in their own chunks, loaded on first use.
const SpaceTimeDiagram = lazy(() => import('./timeline/SpaceTimeDiagram').then((m) => ({ default: m.SpaceTimeDiagram })));
const LessonPanel = lazy(() => import('./lessons/LessonPanel').then((m) => ({ default: m.LessonPanel })));
const EmbedDialog = lazy(() => import('../embed/EmbedDialog').then((m) => ({ default: m.EmbedDialog })));
const ImportDialog = lazy(() => import('../import/ImportDialog').then((m) => ({ default: m.ImportDialog })));
const ExportDialog = lazy(() => import('../export/ExportDialog').then((m) => ({ default: m.ExportDialog })));
const LessonList = lazy(() => import('./lessons/LessonList').then((m) => ({ default: m.LessonList })));

export type PageProblem = UrlProblem | { kind: 'lang'; value: string } | { kind: 'session'; detail: string } | { kind: 'lesson'; id: string };

type Menu = { kind: 'node'; node: string; anchor: DOMRect } | { kind: 'link'; a: string; b: string; anchor: DOMRect } | null;

export function App({ problems, embed }: { problems: PageProblem[]; embed: boolean }) {
  const lang = useLab((s) => s.lang);
  const theme = useLab((s) => s.theme);
  const status = useLab((s) => s.status);
  const mainView = useLab((s) => s.mainView);
  const t = messagesFor(lang);
  const [menu, setMenu] = useState<Menu>(null);
  const [sharing, setSharing] = useState(false);
  const [choosingLesson, setChoosingLesson] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [embedding, setEmbedding] = useState(false);
  const [importing, setImporting] = useState(false);
  const activeLesson = useLesson((s) => s.active?.lesson.id ?? null);
  const progressReset = useLesson((s) => s.progressReset);
  const lt = lessonText[lang];

  // The URL names the lesson being taken, so a reload or a shared link opens it again.
  useEffect(() => {
    const current = new URL(window.location.href).searchParams.get('lesson');
    if (current !== activeLesson) window.history.replaceState(null, '', withParam(window.location.href, 'lesson', activeLesson));
  }, [activeLesson]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dataset.theme = theme;
    document.title = t.title;
  }, [lang, theme, t]);

  const notes = problems.map((p) => problemText(p, t, lang));
  const switchLang = (l: Lang) => {
    lab.setLang(l);
    window.history.replaceState(null, '', withParam(window.location.href, 'lang', l));
  };
  const toggleTheme = () => {
    const next = theme === 'dark' ? 'light' : 'dark';
    lab.setTheme(next);
    try {
      localStorage.setItem('replica-lab:theme', next);
    } catch {
      // Storage may be off (private mode, embedded); the theme still switches for this page.
    }
  };

  return (
    <div className={embed ? 'app app-embed' : 'app'}>
      <header className="app-header">
        <div className="brand">
          <h1>{t.title}</h1>
          {!embed && <p className="tagline">{t.tagline}</p>}
        </div>
        <div className="toolbar" role="toolbar" aria-label={t.toolbar}>
          <fieldset className="segmented" aria-label={t.viewNav}>
            <button type="button" aria-pressed={mainView === 'topology'} onClick={() => lab.setMainView('topology')}>
              {t.viewTopology}
            </button>
            <button type="button" aria-pressed={mainView === 'spacetime'} onClick={() => lab.setMainView('spacetime')}>
              {t.viewSpacetime}
            </button>
          </fieldset>
          <button type="button" onClick={() => setChoosingLesson(true)} aria-haspopup="dialog" data-testid="lessons-button">
            {lt.lessons}
          </button>
          <button type="button" onClick={() => setSharing(true)} disabled={status.kind !== 'ready'} data-testid="share-button">
            {t.share}
          </button>
          <button type="button" onClick={() => setEmbedding(true)} disabled={status.kind !== 'ready'} aria-haspopup="dialog" data-testid="embed-button">
            {embedText[lang].embed}
          </button>
          <button type="button" onClick={() => setImporting(true)} disabled={status.kind !== 'ready'} aria-haspopup="dialog" title={importText[lang].openTitle} data-testid="import-button">
            {importText[lang].open}
          </button>
          <button type="button" onClick={() => setExporting(true)} disabled={status.kind !== 'ready'} aria-haspopup="dialog" data-testid="export-button">
            {exportText[lang].openButton}
          </button>
          <button type="button" onClick={toggleTheme} aria-label={theme === 'dark' ? t.themeToLight : t.themeToDark} title={theme === 'dark' ? t.themeToLight : t.themeToDark}>
            {theme === 'dark' ? '☀' : '☾'}
          </button>
          <nav aria-label={t.languageNav} className="languages">
            {LANGUAGES.map((l) => (
              <button key={l} type="button" lang={l} aria-pressed={l === lang} onClick={() => switchLang(l)}>
                {LANGUAGE_NAMES[l]}
              </button>
            ))}
          </nav>
        </div>
      </header>

      <Notices t={t} notes={notes} />
      {progressReset && (
        <p className="note" role="status">
          <span>{lt.progressReset}</span>
          <button type="button" className="dismiss" aria-label={t.dismiss} onClick={lessons.dismissProgressReset}>
            ×
          </button>
        </p>
      )}
      {status.kind === 'failed' && (
        <p className="failure" role="alert" data-testid="engine-failure">
          {t.engineFailed(status.detail)}
        </p>
      )}
      {status.kind === 'starting' && (
        <p role="status" className="starting">
          {t.starting}
        </p>
      )}

      <main className={activeLesson ? 'workspace with-lesson' : 'workspace'}>
        {activeLesson && (
          <div className="lesson-slot">
            <Suspense fallback={<p role="status">{lt.loading}</p>}>
              <LessonPanel />
            </Suspense>
          </div>
        )}
        <section className="stage" aria-label={t.stageLabel}>
          <TopologyBar />
          <div className="view">
            {mainView === 'topology' ? (
              <TopologyDiagram onNodeActivate={(node, anchor) => setMenu({ kind: 'node', node, anchor })} onLinkActivate={(a, b, anchor) => setMenu({ kind: 'link', a, b, anchor })} />
            ) : (
              <Suspense fallback={<p role="status">{t.starting}</p>}>
                <SpaceTimeDiagram />
              </Suspense>
            )}
          </div>
          <PlaybackBar />
          <Timeline />
        </section>
        <aside className="side" aria-label={t.sideLabel}>
          <Console />
          <InfoPanel />
        </aside>
      </main>

      {menu?.kind === 'node' && <NodeMenu node={menu.node} anchor={menu.anchor} onClose={() => setMenu(null)} />}
      {menu?.kind === 'link' && <LinkMenu a={menu.a} b={menu.b} anchor={menu.anchor} onClose={() => setMenu(null)} />}
      <BranchDialog />
      {choosingLesson && (
        <Suspense fallback={null}>
          <LessonList onClose={() => setChoosingLesson(false)} />
        </Suspense>
      )}
      {sharing && <ShareDialog t={t} onClose={() => setSharing(false)} />}
      {embedding && (
        <Suspense fallback={null}>
          <EmbedDialog onClose={() => setEmbedding(false)} />
        </Suspense>
      )}
      {importing && (
        <Suspense fallback={null}>
          <ImportDialog onClose={() => setImporting(false)} />
        </Suspense>
      )}
      {exporting && (
        <Suspense fallback={null}>
          <ExportDialog onClose={() => setExporting(false)} />
        </Suspense>
      )}
    </div>
  );
}

function problemText(p: PageProblem, t: ReturnType<typeof messagesFor>, _lang: Lang): string {
  switch (p.kind) {
    case 'lang':
      return t.badLang(p.value);
    case 'seed':
      return t.badSeed(p.value);
    case 'theme':
      return t.badTheme(p.value);
    case 'scenario-too-long':
      return t.scenarioTooLong(p.chars);
    case 'session-too-long':
      return t.sessionTooLong(p.chars);
    case 'session':
      return t.sessionBad(p.detail);
    case 'lesson':
      return lessonText[_lang].unknownLesson(p.id);
  }
}
