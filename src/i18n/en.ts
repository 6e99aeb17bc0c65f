// English texts of the page shell. Every other catalogue must provide the same
// keys (the type below is the contract), so a missing translation fails the
// build. Components in src/ui/* keep their own texts next to them (text.ts).

export const en = {
  title: 'Replica Lab',
  tagline: 'Watch and break Redis 7.0 replication: a simulated master and replicas run in your browser.',
  languageNav: 'Language',
  toolbar: 'Lab controls',
  starting: 'Starting the simulation…',
  engineFailed: (detail: string): string =>
    `The simulation could not start or stopped working (${detail}). Reload the page to try again; if this keeps happening, use a current Chrome, Edge, Firefox or Safari, which run module Web Workers.`,
  noAnswer: 'no answer within 20 seconds',
  scriptFailed: 'the engine script could not be loaded',
  engineError: (detail: string): string => `The simulation reported a problem: ${detail}`,
  pageFailed: (detail: string): string => `Something went wrong while drawing the page (${detail}). Reload the page to start again.`,
  badLang: (value: string): string => `The language "${value}" (from ?lang=) is not available, so the page is in English. Use ?lang=en or ?lang=ko.`,
  badSeed: (value: string): string => `The seed "${value}" (from ?seed=) is not a whole number from 0 to 4294967295, so seed 1 is used.`,
  badTheme: (value: string): string => `The theme "${value}" (from ?theme=) is not light or dark, so your system's theme is used.`,
  scenarioTooLong: (chars: number): string => `The scenario in the link is ${chars} characters long, more than the lab reads from a link; the default lab is shown.`,
  sessionTooLong: (chars: number): string => `The shared session in the link is ${chars} characters long, too long to be a link the lab made; the default lab is shown.`,
  sessionBad: (detail: string): string => `The shared session in the link could not be read (${detail}); the default lab is shown. Ask for the link again, copied in full.`,
  viewNav: 'View',
  viewTopology: 'Topology',
  viewSpacetime: 'Space-time',
  share: 'Share',
  shareTitle: 'Share this session',
  shareHelp: 'Whoever opens this link gets this exact session, at this moment: the same nodes, commands and faults.',
  shareCopy: 'Copy link',
  shareCopied: 'Copied.',
  shareCopyFailed: 'Could not copy automatically: select the link and copy it.',
  shareTooLong: 'This session is too long to fit in a link (it has too many inputs). Go back to an earlier moment and branch, or start a new lab.',
  shareWorking: 'Making the link…',
  close: 'Close',
  themeToDark: 'Dark theme',
  themeToLight: 'Light theme',
  dismiss: 'Dismiss',
  stageLabel: 'The simulated nodes',
  sideLabel: 'Console and INFO',
};

export type Messages = typeof en;
