/*
 * The example course page's own script (course-example.html): builds the two
 * lab frames from ?app= (where the lab is served; default: this page's
 * folder) and wires the buttons to the message API through
 * window.ReplicaLab (replica-lab-embed.js).
 */
(() => {
  const params = new URLSearchParams(window.location.search);
  const appBase = new URL(params.get('app') || './', window.location.href);
  appBase.search = '';
  appBase.hash = '';
  // The origin the labs accept messages from: this page's own, unless ?allow= names another (to see them ignore us).
  const allowed = params.get('allow') || window.location.origin;
  const lang = params.get('lang') === 'ko' ? 'ko' : 'en';

  function labUrl(what) {
    const u = new URL(appBase.href);
    u.searchParams.set('embed', '1');
    for (const [k, v] of Object.entries(what)) u.searchParams.set(k, v);
    u.searchParams.set('lang', lang);
    u.searchParams.set('origin', allowed);
    return u.href;
  }

  function makeFrame(slotId, name, title, what) {
    const iframe = document.createElement('iframe');
    iframe.src = labUrl(what);
    iframe.title = title;
    iframe.name = name;
    iframe.width = '100%';
    iframe.height = '720';
    iframe.setAttribute('data-replica-lab', '');
    iframe.setAttribute('data-testid', name);
    document.getElementById(slotId).append(iframe);
    return iframe;
  }

  const config = document.getElementById('config');
  config.textContent = `Lab: ${appBase.href} — accepting messages from ${allowed}${allowed === window.location.origin ? ' (this page)' : ' (not this page: the buttons will get no answer)'}`;

  const lab1 = makeFrame('lab1-slot', 'lab1', 'Replica Lab: lesson 1, what is replication', { lesson: 'what-is-replication' });
  const lab2 = makeFrame('lab2-slot', 'lab2', 'Replica Lab: a chain of replicas', { scenario: 'chain' });

  function logger(id) {
    const pre = document.getElementById(id);
    return (line) => {
      pre.textContent = `${line}\n${pre.textContent}`.slice(0, 8000);
    };
  }
  const log1 = logger('lab1-log');
  const log2 = logger('lab2-log');

  for (const [frame, log] of [
    [lab1, log1],
    [lab2, log2],
  ]) {
    frame.addEventListener('replica-lab:ready', () => log('ready'));
    frame.addEventListener('replica-lab:resize', (e) => frame.setAttribute('data-height', String(e.detail.height)));
  }

  function summary(state) {
    const nodes = state.nodes.map((n) => `${n.name} ${n.role}${n.master ? ` of ${n.master}` : ''} ${n.up ? 'up' : 'down'} offset ${n.offset} keys ${n.keys}`).join('; ');
    const lesson = state.lesson ? ` — lesson ${state.lesson.id}, step ${state.lesson.step + 1} of ${state.lesson.steps}${state.lesson.passed ? ' (passed)' : ''}` : '';
    return `state at ${(state.viewMs / 1000).toFixed(3)} s${state.playing ? ', playing' : ', paused'}: ${nodes}${lesson}`;
  }

  function ask(frame, log, message, show) {
    window.ReplicaLab.request(frame, message, 15000).then(
      (answer) => log(show(answer)),
      (error) => log(`error: ${error.message}`),
    );
  }

  const on = (id, fn) => document.getElementById(id).addEventListener('click', fn);

  on('lab1-load-lesson1', () => ask(lab1, log1, { type: 'replica-lab:load', lesson: 'what-is-replication' }, (a) => `loaded lesson ${a.lesson}`));
  on('lab1-load-lesson2', () => ask(lab1, log1, { type: 'replica-lab:load', lesson: 'replicas-are-read-only' }, (a) => `loaded lesson ${a.lesson}`));
  on('lab1-command', () => ask(lab1, log1, { type: 'replica-lab:command', node: 'm', command: 'SET course:visits 1' }, (a) => `${a.node}> ${a.command}\n${a.output}`));
  on('lab1-state', () => ask(lab1, log1, { type: 'replica-lab:state' }, summary));

  on('lab2-step', () => {
    window.ReplicaLab.send(lab2, { type: 'replica-lab:step' });
    log2('step sent');
  });
  on('lab2-info', () => ask(lab2, log2, { type: 'replica-lab:command', node: 'r2', command: 'INFO replication' }, (a) => `${a.node}> ${a.command}\n${a.output}`));
  on('lab2-default', () => ask(lab2, log2, { type: 'replica-lab:load', preset: 'default' }, (a) => `loaded preset ${a.preset}`));
  on('lab2-state', () => ask(lab2, log2, { type: 'replica-lab:state' }, summary));
})();
