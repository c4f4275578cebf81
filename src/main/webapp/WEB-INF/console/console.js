// mcp-cluster console: plain JavaScript, no build step, no library. Every text from the server is put
// into the page with textContent, never as HTML.
'use strict';
(() => {
  const TOKEN = 'mcp-console-token';
  const KIND = 'mcp-console-kind';
  const PALETTE = ['#6aa8ff', '#3ecf8e', '#f5b942', '#c792ea', '#ff8a65', '#4dd0e1', '#f06292', '#aed581'];
  const SERIES = [ // index into a point [t, sessions, streams, listen, tasks, req/s, err/s]
    { key: 1, title: 'Sessions', unit: '' },
    { key: 2, title: 'Open streams', unit: '' },
    { key: 5, title: 'Requests', unit: '/s' },
    { key: 6, title: 'Errors', unit: '/s' },
    { key: 3, title: 'Listen streams', unit: '' },
    { key: 4, title: 'Tasks', unit: '', onlyWhenCounted: true },
  ];
  const $ = (id) => document.getElementById(id);
  const svgNs = 'http://www.w3.org/2000/svg';

  const state = { nodes: new Map(), self: '', windowMillis: 300000, clockOffset: 0, colors: new Map() };
  let abort = null;
  let retryMillis = 1000;

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = String(text);
    return e;
  }
  function svg(tag, attrs) {
    const e = document.createElementNS(svgNs, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    return e;
  }
  const now = () => Date.now() + state.clockOffset;
  const clock = (t) => new Date(t - state.clockOffset).toLocaleTimeString([], { hour12: false });
  const ago = (t) => {
    const s = Math.max(0, Math.round((now() - t) / 1000));
    return s < 60 ? s + ' s ago' : Math.round(s / 60) + ' min ago';
  };
  function color(name) {
    if (!state.colors.has(name)) state.colors.set(name, PALETTE[state.colors.size % PALETTE.length]);
    return state.colors.get(name);
  }
  function authHeaders() {
    const token = sessionStorage.getItem(TOKEN) || '';
    return sessionStorage.getItem(KIND) === 'bearer'
      ? { Authorization: 'Bearer ' + token } : { 'X-Health-Token': token };
  }
  function setLink(s, text) { $('link').dataset.state = s; $('link').textContent = text; }
  function banner(text) { $('banner').hidden = !text; $('banner').textContent = text || ''; }

  // ---- signing in and out ----
  function showSignIn(problem) {
    if (abort) abort.abort();
    $('console').hidden = true; $('sign-out').hidden = true; $('sign-in').hidden = false;
    $('sign-in-problem').textContent = problem || '';
    setLink('idle', 'not connected');
    $('token').focus();
  }
  function showConsole() {
    $('sign-in').hidden = true; $('console').hidden = false; $('sign-out').hidden = false;
    connect();
  }
  $('sign-in-form').addEventListener('submit', (e) => {
    e.preventDefault();
    sessionStorage.setItem(TOKEN, $('token').value.trim());
    sessionStorage.setItem(KIND, $('token-kind').value);
    $('token').value = '';
    showConsole();
  });
  $('sign-out').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN); sessionStorage.removeItem(KIND);
    showSignIn('');
  });

  // ---- the live feed: fetch, because EventSource cannot send the token header ----
  async function connect() {
    if (abort) abort.abort();
    const mine = new AbortController();
    abort = mine;
    setLink('retrying', 'connecting…');
    try {
      const resp = await fetch('api/events', { headers: authHeaders(), cache: 'no-store', signal: mine.signal });
      if (resp.status === 401 || resp.status === 403) {
        showSignIn(resp.status === 401 ? 'This token is not accepted.' : 'This token does not open the console.');
        return;
      }
      if (resp.status === 404) { banner('The console is off on this node (no health token, no authorization).'); }
      if (!resp.ok || !resp.body) throw new Error('HTTP ' + resp.status);
      retryMillis = 1000;
      setLink('live', 'live');
      banner('');
      await readEvents(resp.body.getReader(), handle);
      throw new Error('the node ended the feed');
    } catch (err) {
      if (mine.signal.aborted) return;
      setLink('retrying', 'reconnecting…');
      banner('Lost the feed (' + err.message + '); reconnecting. Through a balancer, another node answers.');
      setTimeout(() => { if (abort === mine) connect(); }, retryMillis);
      retryMillis = Math.min(retryMillis * 2, 5000);
    }
  }
  async function readEvents(reader, onEvent) {
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = frame.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).replace(/^ /, ''));
        if (data.length) onEvent(JSON.parse(data.join('\n')));
      }
    }
  }

  // ---- the model ----
  function handle(msg) {
    state.self = msg.self;
    state.windowMillis = msg.windowMillis;
    state.clockOffset = msg.now - Date.now();
    const seen = new Set();
    for (const n of msg.nodes) {
      seen.add(n.name);
      const node = state.nodes.get(n.name) || { points: [] };
      node.state = n.state; node.leftAt = n.leftAt; node.latest = n.latest || node.latest;
      if (msg.type === 'history') node.points = n.points.slice();
      else if (n.point && (!node.points.length || n.point[0] > node.points[node.points.length - 1][0])) node.points.push(n.point);
      state.nodes.set(n.name, node);
    }
    for (const name of [...state.nodes.keys()]) if (!seen.has(name)) state.nodes.delete(name);
    const from = msg.now - state.windowMillis;
    for (const node of state.nodes.values()) node.points = node.points.filter((p) => p[0] >= from);
    render();
  }

  // ---- drawing ----
  function render() {
    renderSummary(); renderMembers(); renderCharts(); renderErrors();
  }
  function renderSummary() {
    const all = [...state.nodes.values()];
    const up = all.filter((n) => n.state === 'up').length;
    const left = all.filter((n) => n.state === 'left').length;
    const s = $('summary');
    s.replaceChildren(el('strong', '', up), document.createTextNode(' of ' + (all.length - left) + ' members up'),
      document.createTextNode(left ? ' · ' + left + ' left recently' : ''),
      document.createTextNode(' · served by '), el('strong', 'mono', state.self));
  }
  function figure(key, value, bad) {
    const f = el('div', 'figure' + (bad ? ' bad' : ''));
    f.append(el('div', 'v', value), el('div', 'k', key));
    return f;
  }
  function renderMembers() {
    const box = $('members');
    box.replaceChildren();
    const countsTasks = [...state.nodes.values()].some((n) => n.latest && n.latest.tasks !== undefined);
    for (const [name, n] of state.nodes) {
      const card = el('article', 'member');
      card.dataset.node = name; card.dataset.state = n.state;
      card.style.setProperty('--node-color', color(name));
      const head = el('div', 'head');
      const dot = el('span', 'dot'); dot.dataset.state = n.state;
      head.append(dot, el('span', 'name', name));
      if (name === state.self) head.append(el('span', 'badge', 'this node'));
      if (n.state === 'left') head.append(el('span', 'badge gone', 'left'));
      if (n.state === 'silent') head.append(el('span', 'badge quiet', 'silent'));
      card.append(head);
      const l = n.latest;
      const figs = el('div', 'figures');
      if (l) {
        card.dataset.sessions = l.sessions; card.dataset.streams = l.streams;
        figs.append(figure('sessions', l.sessions), figure('streams', l.streams), figure('listen', l.listenStreams),
          figure('req/s', l.requestsPerSec), figure('err/s', l.errorsPerSec, l.errorsPerSec > 0),
          countsTasks ? figure('tasks', l.tasks === undefined ? '–' : l.tasks) : figure('running', l.running + (l.waiting ? ' +' + l.waiting : '')));
      }
      card.append(figs);
      if (n.state === 'left') card.append(el('div', 'note', 'Left the cluster at ' + clock(n.leftAt) + ' (' + ago(n.leftAt) + ')'));
      else if (n.state === 'silent') card.append(el('div', 'note', 'A member, but its figures stopped coming.'));
      else if (!l) card.append(el('div', 'note', 'Waiting for its first figures…'));
      box.append(card);
    }
  }
  function niceMax(v) {
    if (v <= 1) return 1;
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    return [1, 2, 2.5, 5, 10].map((m) => m * p).find((m) => m >= v);
  }
  function renderCharts() {
    const box = $('charts');
    box.replaceChildren();
    const nodes = [...state.nodes.entries()];
    const countsTasks = nodes.some(([, n]) => n.points.some((p) => p[4] >= 0));
    const t1 = now();
    // The whole window once there is that much to show; before, from the first point (at least a minute).
    const first = Math.min(t1, ...nodes.filter(([, n]) => n.points.length).map(([, n]) => n.points[0][0]));
    const t0 = t1 - Math.min(state.windowMillis, Math.max(60000, t1 - first));
    const W = 600; const H = 150; const L = 34; const B = 16;
    for (const s of SERIES) {
      if (s.onlyWhenCounted && !countsTasks) continue;
      const card = el('section', 'card chart');
      const title = el('h2');
      const latestSum = nodes.reduce((a, [, n]) => a + (n.state !== 'left' && n.points.length ? Math.max(0, n.points[n.points.length - 1][s.key]) : 0), 0);
      title.append(el('span', '', s.title), el('span', 'mono', (Math.round(latestSum * 100) / 100) + s.unit + ' in all'));
      const max = niceMax(Math.max(0, ...nodes.flatMap(([, n]) => n.points.map((p) => p[s.key]))));
      const g = svg('svg', { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: 'none', role: 'img', 'aria-label': s.title });
      for (let i = 0; i <= 4; i++) {
        const y = 4 + (H - B - 4) * i / 4;
        g.append(svg('line', { x1: L, x2: W, y1: y, y2: y, class: 'grid' }));
        const label = svg('text', { x: L - 4, y: y + 3, 'text-anchor': 'end', class: 'axis' });
        label.textContent = String(Math.round(max * (4 - i) / 4 * 100) / 100);
        g.append(label);
      }
      const xl = svg('text', { x: L, y: H - 3, class: 'axis' }); xl.textContent = '−' + Math.round((t1 - t0) / 60000) + ' min';
      const xr = svg('text', { x: W, y: H - 3, class: 'axis', 'text-anchor': 'end' }); xr.textContent = 'now';
      g.append(xl, xr);
      for (const [name, n] of nodes) {
        let segment = [];
        const flush = () => { if (segment.length) g.append(svg('polyline', { points: segment.join(' '), stroke: color(name) })); segment = []; };
        let lastT = 0;
        for (const p of n.points) {
          if (p[s.key] < 0 || p[0] < t0) continue;
          if (lastT && p[0] - lastT > 15000) flush(); // no figures for a while: no line across the gap
          const x = L + (W - L) * (p[0] - t0) / (t1 - t0);
          const y = 4 + (H - B - 4) * (1 - p[s.key] / max);
          segment.push(x.toFixed(1) + ',' + y.toFixed(1));
          lastT = p[0];
        }
        flush();
      }
      card.append(title, g);
      const legend = el('div', 'legend');
      for (const [name, n] of nodes) {
        const item = el('span', '', name + (n.state === 'left' ? ' (left)' : ''));
        const swatch = el('i'); swatch.style.setProperty('background', color(name));
        item.prepend(swatch);
        legend.append(item);
      }
      card.append(legend);
      box.append(card);
    }
  }
  function renderErrors() {
    const all = [];
    for (const [name, n] of state.nodes) for (const e of (n.latest && n.latest.errors) || []) all.push({ node: name, ...e });
    all.sort((a, b) => b.at - a.at);
    const list = $('errors');
    list.replaceChildren();
    if (!all.length) { list.append(el('li', 'empty', 'No errors lately.')); return; }
    for (const e of all.slice(0, 25)) {
      const li = el('li');
      li.append(el('span', 'when', new Date(e.at).toLocaleTimeString([], { hour12: false })), el('span', 'who', e.node), el('span', 'what', e.text));
      list.append(li);
    }
  }

  // ---- looking an id up ----
  $('lookup-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const id = $('lookup-id').value.trim();
    const out = $('lookup-result');
    if (!id) return;
    out.replaceChildren(el('p', 'muted', 'Looking for ' + id + '…'));
    try {
      const resp = await fetch('api/lookup', { method: 'POST', cache: 'no-store',
        headers: { ...authHeaders(), 'Content-Type': 'application/json' }, body: JSON.stringify({ id }) });
      const body = await resp.json();
      if (resp.status === 401 || resp.status === 403) { showSignIn('This token is not accepted.'); return; }
      if (!resp.ok) { out.replaceChildren(el('p', 'problem', (body.error && body.error.message) || 'HTTP ' + resp.status)); return; }
      out.replaceChildren(...describe(body));
    } catch (err) {
      out.replaceChildren(el('p', 'problem', 'The lookup failed: ' + err.message));
    }
  });
  function facts(pairs) {
    const dl = el('dl', 'facts');
    for (const [k, v] of pairs) if (v !== undefined && v !== null && v !== '') dl.append(el('dt', '', k), el('dd', '', v));
    return dl;
  }
  function holderLine(stream) {
    const line = el('div', 'holder');
    line.dataset.holder = stream && stream.holder ? stream.holder : '';
    const dot = el('span', 'dot');
    if (!stream) { line.append(el('span', 'muted', 'No event stream open: nothing holds a connection of it.')); return line; }
    if (!stream.holder) {
      dot.dataset.state = 'silent';
      line.append(dot, el('span', '', 'Its stream has no connection now' + (stream.orphanedSince ? ' (since ' + clock(stream.orphanedSince) + ')' : '') + ': the client may resume it on any node.'));
      return line;
    }
    dot.dataset.state = stream.holderIsMember ? 'up' : 'left';
    line.append(dot, el('span', 'muted', 'Stream held by'), el('span', 'node', stream.holder));
    if (!stream.holderIsMember) line.append(el('span', 'badge gone', 'not a member any more'));
    return line;
  }
  function eventsTable(events) {
    if (!events || !events.length) return el('p', 'empty', 'No events retained.');
    const t = el('table');
    const head = el('tr');
    ['#', 'type', 'method / id', 'bytes'].forEach((h) => head.append(el('th', '', h)));
    t.append(head);
    for (const ev of events) {
      const row = el('tr');
      row.append(el('td', '', ev.seq), el('td', '', ev.type), el('td', ev.error ? 'err' : '',
        ev.method || ('answer to ' + ev.id + (ev.error ? ' · error ' + ev.error : ''))), el('td', '', ev.bytes));
      t.append(row);
    }
    return t;
  }
  function describe(found) {
    if (found.kind === 'session') {
      return [holderLine(found.stream), facts([['session', found.id], ['transport', found.transport],
        ['protocol', found.protocolVersion], ['client', found.client.trim()], ['principal', found.principal],
        ['created', found.createdAt && new Date(found.createdAt).toLocaleString()],
        ['stream', found.stream && found.stream.id]]), el('h2', '', 'Recent events of its stream'),
        eventsTable(found.stream && found.stream.events)];
    }
    if (found.kind === 'stream') {
      return [holderLine(found), facts([['stream', found.id], ['session', found.session], ['kind', found.streamKind],
        ['next event', found.nextSeq], ['answers owed', found.owedResponses]]), el('h2', '', 'Recent events'),
        eventsTable(found.events)];
    }
    const pairs = Object.entries(found).filter(([k]) => k !== 'kind').map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : v]);
    return [facts([['kind', found.kind], ...pairs])];
  }

  setInterval(() => { if (!$('console').hidden && state.nodes.size) render(); }, 5000); // ages and the moving time axis
  if (sessionStorage.getItem(TOKEN)) showConsole(); else showSignIn('');
})();
