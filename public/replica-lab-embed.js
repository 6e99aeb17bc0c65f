/*
 * Replica Lab embed helper — put it on a course page that embeds the lab:
 *
 *   <iframe src="https://lab.example/?embed=1&amp;lesson=what-is-replication&amp;origin=https://course.example"
 *           title="Replica Lab" width="100%" height="720" data-replica-lab></iframe>
 *   <script src="https://lab.example/replica-lab-embed.js" defer></script>
 *
 * It does two things, for every <iframe data-replica-lab> on the page:
 *  1. keeps the frame as tall as the lab: the lab posts
 *     {type: "replica-lab:resize", height} and the frame's height follows;
 *  2. offers window.ReplicaLab to talk to a lab (docs/embedding.md):
 *       ReplicaLab.send(iframe, {type: "replica-lab:step"})
 *       ReplicaLab.request(iframe, {type: "replica-lab:command", node: "m", command: "SET k v"})
 *         .then((reply) => reply.output)          // "OK"
 *     Messages wait until the lab said it is ready. The lab accepts them only
 *     when this page's origin is in the iframe URL's ?origin=.
 *
 * Messages are taken only from the frames' own windows, and only from the
 * origin of each frame's src. No inline code and no inline styles (the
 * height is set through the style object), so a strict Content-Security-
 * Policy on the course page (script-src naming this file's host) is enough.
 * Frames emit DOM events: "replica-lab:ready", "replica-lab:resize" and
 * "replica-lab:message" (every message; the data is event.detail).
 */
(() => {
  if (window.ReplicaLab) return;

  const PREFIX = 'replica-lab:';
  const MAX_HEIGHT_PX = 100000;
  /** iframe -> { ready, queue, pending: Map<id, {resolve, reject, timer}> } */
  const frames = new WeakMap();
  let nextId = 1;

  function stateOf(iframe) {
    let s = frames.get(iframe);
    if (!s) {
      s = { ready: false, queue: [], pending: new Map() };
      frames.set(iframe, s);
    }
    return s;
  }

  function originOf(iframe) {
    try {
      return new URL(iframe.getAttribute('src') || '', document.baseURI).origin;
    } catch {
      return null;
    }
  }

  function labFrames() {
    return Array.from(document.querySelectorAll('iframe[data-replica-lab]'));
  }

  function frameOf(source) {
    return labFrames().find((f) => f.contentWindow === source) || null;
  }

  function post(iframe, message) {
    const origin = originOf(iframe);
    if (origin && origin !== 'null' && iframe.contentWindow) iframe.contentWindow.postMessage(message, origin);
  }

  function hello(iframe) {
    post(iframe, { type: 'replica-lab:hello' });
  }

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || typeof data !== 'object' || typeof data.type !== 'string' || data.type.indexOf(PREFIX) !== 0) return;
    const iframe = frameOf(event.source);
    if (!iframe || event.origin !== originOf(iframe)) return;
    const s = stateOf(iframe);
    if (data.type === 'replica-lab:resize') {
      const h = Number(data.height);
      if (Number.isFinite(h) && h > 0 && h <= MAX_HEIGHT_PX) {
        iframe.style.height = `${Math.ceil(h)}px`;
        iframe.dispatchEvent(new CustomEvent('replica-lab:resize', { detail: { height: Math.ceil(h) } }));
      }
    } else if (data.type === 'replica-lab:ready') {
      if (!s.ready) {
        s.ready = true;
        const queued = s.queue.splice(0);
        for (const m of queued) post(iframe, m);
        iframe.dispatchEvent(new CustomEvent('replica-lab:ready', { detail: data }));
      }
    } else if (data.id !== undefined && s.pending.has(data.id)) {
      const p = s.pending.get(data.id);
      s.pending.delete(data.id);
      clearTimeout(p.timer);
      if (data.type === 'replica-lab:error') {
        const error = new Error(`${data.reason}: ${data.message}`);
        error.reason = data.reason;
        p.reject(error);
      } else p.resolve(data);
    }
    iframe.dispatchEvent(new CustomEvent('replica-lab:message', { detail: data }));
  });

  // A frame that (re)loads says "ready" again once its lab is up; ask, in
  // case the lab was quicker than this script. Load events do not bubble:
  // listen in the capture phase, which also sees frames added later.
  document.addEventListener(
    'load',
    (event) => {
      const t = event.target;
      if (t instanceof HTMLIFrameElement && t.hasAttribute('data-replica-lab')) {
        stateOf(t).ready = false;
        hello(t);
      }
    },
    true,
  );
  if (document.readyState === 'complete') for (const f of labFrames()) hello(f);

  window.ReplicaLab = {
    /** Post a message to the lab in `iframe` (queued until the lab is ready). */
    send(iframe, message) {
      const s = stateOf(iframe);
      if (s.ready) post(iframe, message);
      else s.queue.push(message);
    },
    /** Post a message and resolve with the lab's answer to it (rejects on replica-lab:error or after timeoutMs). */
    request(iframe, message, timeoutMs = 30000) {
      const id = message.id !== undefined ? message.id : `req-${nextId++}`;
      const s = stateOf(iframe);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          s.pending.delete(id);
          const error = new Error(`timeout: no answer from the lab within ${timeoutMs} ms (is this page's origin in the iframe's ?origin=?)`);
          error.reason = 'timeout';
          reject(error);
        }, timeoutMs);
        s.pending.set(id, { resolve, reject, timer });
        window.ReplicaLab.send(iframe, Object.assign({}, message, { id }));
      });
    },
    /** Whether the lab in `iframe` said it is ready. */
    isReady(iframe) {
      return stateOf(iframe).ready;
    },
  };
})();
