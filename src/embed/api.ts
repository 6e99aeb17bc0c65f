// The lab inside a course page's iframe (`?embed=1`): it tells the parent
// page how tall it is, and answers the `replica-lab:*` messages of
// docs/embedding.md — from the parent window only, and only when the
// parent's origin is one the iframe's URL allows (`?origin=`).
//
// Where the lab's own messages go (postMessage's targetOrigin):
//   - no `?origin=` given: `ready` and `resize` go to '*' — a height is no
//     secret — and no command is ever accepted;
//   - origins given: only to the allowed origin the parent has (known from
//     location.ancestorOrigins or the referrer, else tried against each; a
//     parent that is known not to be allowed gets nothing);
//   - answers (`loaded`, `reply`, `state`, `error`) go only to the origin
//     of the message they answer, which was checked first.

import { notify, useLab } from '../state/lab';
import { handleInbound, idOf } from './handlers';
import { EMBED_API_VERSION, type Outbound, parseInbound } from './messages';
import { parseAllowedOrigins, parseOriginList } from './origins';
import { embedText } from './text';
import './embed.css';

export interface EmbedApiOptions {
  /** Origins (https://course.example) whose pages may send commands. Not origins are dropped with a warning. */
  allowedOrigins: string[];
}

export interface EmbedApi {
  /** The origins commands are accepted from (normalised). */
  readonly origins: readonly string[];
  /** Whether the page is in a frame and talking to its parent. */
  readonly active: boolean;
  stop(): void;
}

const HEIGHT_POLL_MS = 1000;

/** Start the API from the page's own URL: `?origin=` as the allowed origins; bad ones are shown and skipped. */
export function startEmbedFromUrl(search: string): EmbedApi {
  const { origins, rejected } = parseAllowedOrigins(search);
  const t = embedText[useLab.getState().lang];
  for (const r of rejected) {
    console.warn(`replica-lab: ?origin=${r.value} is ignored: ${embedText.en.why[r.reason]}`);
    notify('info', t.rejectedOrigin(r.value, t.why[r.reason]));
  }
  return startEmbedApi({ allowedOrigins: origins });
}

export function startEmbedApi(opts: EmbedApiOptions): EmbedApi {
  const { origins, rejected } = parseOriginList(opts.allowedOrigins);
  for (const r of rejected) console.warn(`replica-lab: allowed origin ${JSON.stringify(r.value)} is ignored: ${embedText.en.why[r.reason]}`);
  const parent = window.parent;
  if (parent === window) return { origins, active: false, stop() {} };

  let targets = initialTargets(origins);
  const post = (msg: Outbound) => {
    for (const target of targets) parent.postMessage(msg, target);
  };

  // The height of the page's content: <html> is as tall as what it holds (no
  // element of the page is sized to the viewport in embed mode, see
  // embed.css), so setting the iframe to this height does not feed back.
  let lastHeight = -1;
  const reportHeight = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    post({ type: 'replica-lab:resize', height });
  };
  const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(reportHeight);
  observer?.observe(document.documentElement);
  observer?.observe(document.body);
  // Chrome does not render a cross-origin frame that is scrolled out of view,
  // and ResizeObserver only reports when rendering: a lab further down the
  // course page would keep a stale height until the reader scrolls to it (and
  // the page jumps). Measuring once a second (a layout the page needs anyway)
  // keeps such frames right.
  const poll = setInterval(reportHeight, HEIGHT_POLL_MS);
  reportHeight();

  let readySent = false;
  const sendReady = () => {
    if (readySent || useLab.getState().status.kind !== 'ready') return;
    readySent = true;
    post({ type: 'replica-lab:ready', version: EMBED_API_VERSION });
    // The parent may have sized the frame before it listened; say the height again with `ready`.
    lastHeight = -1;
    reportHeight();
  };
  const stopReady = useLab.subscribe(sendReady);
  sendReady();

  const warned = new Set<string>();
  const onMessage = (event: MessageEvent) => {
    if (event.source !== parent) return;
    if (!origins.includes(event.origin)) {
      if (parseInbound(event.data).kind !== 'ignore' && !warned.has(event.origin)) {
        warned.add(event.origin);
        console.warn(`replica-lab: ignored messages from ${event.origin}: it is not among the origins the embedding URL allows (?origin=)`);
      }
      return;
    }
    const parsed = parseInbound(event.data);
    if (parsed.kind === 'ignore') return;
    // The parent is now known: from here on, only its origin gets the lab's messages.
    targets = [event.origin];
    const answer = (msg: Outbound) => parent.postMessage(msg, event.origin);
    if (parsed.kind === 'invalid') {
      answer({ type: 'replica-lab:error', ...idOf(parsed.id), reason: parsed.reason, message: parsed.message });
      return;
    }
    if (parsed.msg.type === 'replica-lab:hello') {
      // Not ready yet: `ready` follows by itself once the engine is up (to this origin, now the only target).
      if (useLab.getState().status.kind === 'ready') {
        answer({ type: 'replica-lab:ready', version: EMBED_API_VERSION });
        lastHeight = -1;
        reportHeight();
      }
      return;
    }
    void handleInbound(parsed.msg, answer);
  };
  window.addEventListener('message', onMessage);

  return {
    origins,
    active: true,
    stop() {
      window.removeEventListener('message', onMessage);
      observer?.disconnect();
      clearInterval(poll);
      stopReady();
    },
  };
}

/** Where the lab's own messages go before the parent has said anything (see the top of this file). */
function initialTargets(origins: readonly string[]): string[] {
  if (origins.length === 0) return ['*'];
  const known = parentOrigin();
  if (known === null) return [...origins];
  return origins.includes(known) ? [known] : [];
}

function parentOrigin(): string | null {
  const ancestors = window.location.ancestorOrigins;
  if (ancestors && ancestors.length > 0) return ancestors[0];
  try {
    return document.referrer ? new URL(document.referrer).origin : null;
  } catch {
    return null;
  }
}

