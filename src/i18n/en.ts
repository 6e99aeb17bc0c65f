// English texts of the page. Every other catalogue must provide the same keys
// (the type below is the contract), so a missing translation fails the build.

export const en = {
  title: 'Replica Lab',
  tagline:
    'A simulated Redis 7.0 master (m) and two replicas (r1, r2) run in your browser: send a command to any node and watch replication carry it.',
  languageNav: 'Language',
  nodesHeading: 'Nodes',
  roleMaster: 'master',
  roleReplica: 'replica',
  offsetLabel: 'offset',
  linkLabel: 'link to master',
  nodeDown: 'down',
  consoleHeading: 'Send a command',
  nodeField: 'Node',
  commandField: 'Command',
  commandHint: 'As in redis-cli, e.g. SET greeting hello, GET greeting, INFO replication, ROLE.',
  send: 'Send',
  repliesHeading: 'Replies, newest first',
  noReplies: 'No commands sent yet.',
  waiting: 'waiting for the reply…',
  starting: 'Starting the simulation…',
  emptyCommand: 'Type a command first, for example PING.',
  badArguments: 'Invalid argument(s): check the quotes and \\x escapes.',
  engineFailed: (detail: string): string =>
    `The simulation could not start or stopped working (${detail}). Reload the page to try again; if this keeps happening, use a current Chrome, Edge, Firefox or Safari, which run module Web Workers.`,
  noAnswer: 'no answer within 20 seconds',
  scriptFailed: 'the engine script could not be loaded',
  engineError: (detail: string): string => `The simulation reported a problem: ${detail}`,
  pageFailed: (detail: string): string => `Something went wrong while drawing the page (${detail}). Reload the page to start again.`,
  badLang: (value: string): string => `The language "${value}" (from ?lang=) is not available, so the page is in English. Use ?lang=en or ?lang=ko.`,
  badSeed: (value: string): string => `The seed "${value}" (from ?seed=) is not a whole number from 0 to 4294967295, so seed 1 is used.`,
};

export type Messages = typeof en;
