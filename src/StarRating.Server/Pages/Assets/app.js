/* StarRating checklist: saves each change at once (PUT with If-Match), keeps what cannot be sent in localStorage and
   retries, polls the live state (score, bars, the other assessors' saves) and lets the later saver choose on a
   conflict. Plain ES2017, no build step, no inline code (the page's CSP allows only this file). Without this script
   every item is an ordinary form that posts to the server. */
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  var root = document.querySelector('.checklist');
  if (!root) { return; }

  var auditId = root.dataset.audit;
  var csrf = root.dataset.csrf;
  var me = root.dataset.user;
  var final = root.hasAttribute('data-final');
  var T = JSON.parse(document.getElementById('sr-texts').dataset.json);
  var EDITED = ['result', 'points', 'sample', 'grade', 'methods', 'evidence', 'note', 'reason', 'nc'];
  var NC_KEYS = ['id', 'confirmed_by', 'root_cause', 'action', 'due', 'status', 'verified_by', 'verified_on'];
  var QUEUE_KEY = 'starrating:queue:' + auditId;
  var POLL_MS = 3000;

  var items = {};          // id -> article element
  var known = {};          // id -> { version, finding, by, at } as last seen from the server
  var queue = loadQueue(); // id -> { finding, base, at, invalid }: entries not yet acknowledged
  var inflight = {};       // id -> body being sent
  var typing = {};         // id -> timer of a pending text edit
  var photoQueue = [];     // { id, file } uploads waiting for the network (kept while the page is open)
  var ready = false;
  var offline = false;
  var signedOut = false;
  var etag = null;
  var backoff = 2000;
  var retryTimer = null;
  var pollTimer = null;
  var errorCount = 0;

  function t(key, args) {
    var s = T[key] || key;
    if (args) { Object.keys(args).forEach(function (k) { s = s.split('{' + k + '}').join(String(args[k])); }); }
    return s;
  }

  function loadQueue() {
    try { return JSON.parse(localStorage.getItem(QUEUE_KEY) || '{}') || {}; } catch (e) { return {}; }
  }

  function saveQueue() {
    try {
      if (Object.keys(queue).length === 0) { localStorage.removeItem(QUEUE_KEY); } else { localStorage.setItem(QUEUE_KEY, JSON.stringify(queue)); }
    } catch (e) { /* storage full or disabled: the entries stay in memory while the page is open */ }
  }

  function field(el, name) { return el.querySelector('form.finding').elements[name]; }

  function setState(id, state, text) {
    var el = items[id];
    var status = el.querySelector('.status');
    status.dataset.state = state;
    status.textContent = text;
    el.classList.toggle('unsaved', !!queue[id]);
    updateSync();
  }

  function savedText(entry) {
    if (!entry || !entry.version) { return t('empty'); }
    return entry.by ? t('saved-by', { user: entry.by, time: (entry.at || '').slice(0, 16).replace('T', ' ') + 'Z' }) : t('saved');
  }

  function updateSync() {
    var sync = root.querySelector('[data-sync]');
    var count = Object.keys(queue).length;
    var text = '';
    if (signedOut) { text = t('signed-out'); } else if (offline) { text = t('offline'); }
    if (count > 0) { text = (text ? text + ' · ' : '') + t('unsaved', { count: count }); }
    if (photoQueue.length > 0) { text = (text ? text + ' · ' : '') + t('photo-queued'); }
    sync.textContent = text;
    sync.classList.toggle('warn', text !== '');
  }

  // ---- reading and writing the controls --------------------------------------------------------------------

  function number(text) {
    text = (text || '').trim();
    if (text === '' || !/^-?\d+(\.\d+)?$/.test(text)) { return text === '' ? null : text; }
    return Number(text);
  }

  /** The finding the controls describe (the server builds the same from the form: ChecklistPage.FromForm). */
  function collect(id) {
    var el = items[id];
    var checked = el.querySelector('input[name=result]:checked');
    if (!checked) { return { skip: true }; }
    var base = known[id] && known[id].finding ? known[id].finding : {};
    var f = { item: id };
    Object.keys(base).forEach(function (k) {
      if (k !== 'item' && k !== 'indicator' && EDITED.indexOf(k) < 0) { f[k] = base[k]; }
    });
    var v = checked.value;
    if (v === 'sample') {
      var size = number(field(el, 'size').value);
      var conforming = number(field(el, 'conforming').value);
      if (size === null || conforming === null) { return { invalid: t('need-sample') }; }
      f.sample = { size: size, conforming: conforming };
    } else {
      f.result = v;
    }
    if (v === 'partial') {
      var points = number(field(el, 'points').value);
      if (points === null) { return { invalid: t('need-points') }; }
      f.points = points;
    }
    if (v === 'not_applicable') {
      var reason = field(el, 'reason').value.trim();
      if (!reason) { return { invalid: t('need-reason') }; }
      f.reason = reason;
    }
    var grade = field(el, 'grade').value;
    if (grade) { f.grade = grade; }
    var methods = Array.prototype.filter.call(el.querySelectorAll('input[name=methods]'), function (c) { return c.checked; }).map(function (c) { return c.value; });
    if (methods.length) { f.methods = methods; }
    var evidence = field(el, 'evidence').value.split('\n').map(function (l) { return l.trim(); }).filter(function (l) { return l; });
    if (evidence.length) { f.evidence = evidence; }
    var note = field(el, 'note').value.trim();
    if (note) { f.note = note; }
    var nc = collectNc(el);
    if (nc) { f.nc = nc; }
    return { finding: f };
  }

  // ---- the nonconformity record (nc:) of a graded finding ------------------------------------------------------

  /** The nc: record the fields describe; null when they are empty (the server reads the form alike: FindingRecords.NcFromForm). */
  function collectNc(el) {
    if (!el.querySelector('[data-nc]')) { return null; }
    var values = {};
    var any = false;
    NC_KEYS.forEach(function (k) {
      values[k] = field(el, 'nc_' + k).value.trim();
      if (values[k] && !(k === 'status' && values[k] === 'open')) { any = true; }
    });
    if (!any) { return null; }
    var nc = {};
    NC_KEYS.forEach(function (k) { if (values[k]) { nc[k] = values[k]; } });
    return nc;
  }

  /** The item's record fields, copied from the page's template when the item has none yet. */
  function ensureNc(id) {
    var el = items[id];
    var box = el.querySelector('[data-nc]');
    var template = document.getElementById('nc-template');
    if (box || !template) { return box; }
    box = template.content.firstElementChild.cloneNode(true);
    box.querySelectorAll('[id]').forEach(function (n) { n.id += id; });
    box.querySelectorAll('label[for]').forEach(function (n) { n.htmlFor += id; });
    box.querySelector('[name=nc_id]').placeholder = 'NC-' + id;
    el.querySelector('fieldset.body').appendChild(box);
    return box;
  }

  /** A major or minor grade opens the record; an empty record goes away with the grade. */
  function syncNc(id) {
    var el = items[id];
    var grade = field(el, 'grade').value;
    if (grade === 'major' || grade === 'minor') { ensureNc(id); return; }
    var box = el.querySelector('[data-nc]');
    if (box && !collectNc(el)) { box.remove(); }
  }

  /**
   * The body as sent: one key a line, so the library's diagnostics (located by line in the body) name the field they
   * are about, and the page shows each next to it.
   */
  function layout(f) {
    var lines = ['{'];
    var paths = [null];
    var keys = Object.keys(f);
    keys.forEach(function (k, i) {
      var comma = i < keys.length - 1 ? ',' : '';
      var v = f[k];
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        var sub = Object.keys(v);
        lines.push(JSON.stringify(k) + ': {');
        paths.push(k);
        sub.forEach(function (s, j) {
          lines.push('  ' + JSON.stringify(s) + ': ' + JSON.stringify(v[s]) + (j < sub.length - 1 ? ',' : ''));
          paths.push(k + '.' + s);
        });
        lines.push('}' + comma);
        paths.push(k);
      } else {
        lines.push(JSON.stringify(k) + ': ' + JSON.stringify(v) + comma);
        paths.push(k);
      }
    });
    lines.push('}');
    paths.push(null);
    return { text: lines.join('\n'), paths: paths };
  }

  function clearErrors(el) {
    el.querySelectorAll('.field-err').forEach(function (p) { p.remove(); });
    el.querySelectorAll('[aria-invalid]').forEach(function (c) { c.removeAttribute('aria-invalid'); c.removeAttribute('aria-describedby'); });
  }

  /** Each diagnostic next to the field its line names (the record's fields, or the control of a finding key). */
  function showErrors(el, paths, errors) {
    clearErrors(el);
    (errors || []).forEach(function (e) {
      var path = e.line ? paths[e.line - 1] : null;
      var place = null;
      if (path && path.indexOf('nc.') === 0) { place = el.querySelector('[data-field="' + path + '"]'); }
      if (!place && path && path.indexOf('nc') === 0) { place = el.querySelector('[data-nc]'); }
      if (!place && path) {
        var control = el.querySelector('form.finding [name="' + path.split('.')[0] + '"]');
        place = control ? control.closest('.field, .when, fieldset') : null;
      }
      if (!place) { return; }
      var p = document.createElement('p');
      p.className = 'field-err';
      p.id = 'err-' + el.dataset.item + '-' + (++errorCount);
      p.textContent = e.code + ': ' + e.message;
      place.appendChild(p);
      // The control reads out its error (screen readers), as it shows it.
      var control = place.querySelector('input, select, textarea');
      if (control) {
        control.setAttribute('aria-invalid', 'true');
        control.setAttribute('aria-describedby', ((control.getAttribute('aria-describedby') || '') + ' ' + p.id).trim());
      }
    });
  }

  /** A team finding's state, as the lead's save leaves it: resolved once it has a result or a sample. */
  function teamState(id, f) {
    var team = items[id].querySelector('[data-team]');
    if (team && f) { team.dataset.team = f.result != null || f.sample ? 'resolved' : 'unresolved'; }
  }

  function list(value) { return Array.isArray(value) ? value : value == null ? [] : [value]; }

  function apply(id, f) {
    var el = items[id];
    f = f || {};
    var result = f.result || (f.sample ? 'sample' : null);
    el.querySelectorAll('input[name=result]').forEach(function (r) { r.checked = r.value === result; });
    field(el, 'points').value = f.points != null && result === 'partial' ? f.points : '';
    field(el, 'size').value = f.sample ? f.sample.size : '';
    field(el, 'conforming').value = f.sample ? f.sample.conforming : '';
    field(el, 'reason').value = f.reason || '';
    field(el, 'grade').value = f.grade || '';
    var methods = list(f.methods);
    el.querySelectorAll('input[name=methods]').forEach(function (c) { c.checked = methods.indexOf(c.value) >= 0; });
    field(el, 'evidence').value = list(f.evidence).join('\n');
    field(el, 'note').value = f.note || '';
    if (f.nc || f.grade === 'major' || f.grade === 'minor') { ensureNc(id); }
    if (el.querySelector('[data-nc]')) {
      var nc = f.nc || {};
      NC_KEYS.forEach(function (k) { field(el, 'nc_' + k).value = nc[k] || (k === 'status' ? 'open' : ''); });
      syncNc(id);
    }
    teamState(id, f);
  }

  function label(el, selector) {
    var input = el.querySelector(selector);
    var span = input && input.parentNode.querySelector('span');
    return span ? span.textContent : '';
  }

  /** A finding as lines a person reads, with the page's own words for results, grades and methods. */
  function describe(id, f) {
    var el = items[id];
    if (!f) { return t('empty'); }
    var lines = [];
    var result = f.result || (f.sample ? 'sample' : '');
    lines.push(label(el, 'input[name=result][value="' + result + '"]') +
      (f.points != null ? ' ' + f.points : '') + (f.sample ? ' ' + f.sample.conforming + '/' + f.sample.size : ''));
    if (f.grade) {
      var option = field(el, 'grade').querySelector('option[value="' + f.grade + '"]');
      lines.push(option ? option.textContent : f.grade);
    }
    var methods = list(f.methods).map(function (m) { return label(el, 'input[name=methods][value="' + m + '"]') || m; });
    if (methods.length) { lines.push(methods.join(', ')); }
    list(f.evidence).forEach(function (e) { lines.push('· ' + e); });
    if (f.reason) { lines.push(f.reason); }
    if (f.note) { lines.push(f.note); }
    return lines.join('\n');
  }

  // ---- saving ------------------------------------------------------------------------------------------------

  function schedule(id) {
    if (final) { return; }
    var c = collect(id);
    if (c.skip) { return; }
    if (c.invalid) {
      // Nothing to send yet; an earlier valid entry of this item stays queued.
      setState(id, 'invalid', c.invalid);
      return;
    }
    if (queue[id] && queue[id].conflict) {
      // A choice is pending: the entry changes, the choice still decides what happens to it.
      queue[id].finding = c.finding;
      saveQueue();
      var shown = items[id].querySelector('[data-mine]');
      if (shown) { shown.textContent = describe(id, c.finding); }
      return;
    }
    var base = queue[id] ? queue[id].base : (known[id] ? known[id].version : Number(items[id].dataset.version) || 0);
    queue[id] = { finding: c.finding, base: base, at: Date.now() };
    saveQueue();
    setState(id, 'queued', offline ? t('queued') : t('saving'));
    send(id);
  }

  function send(id) {
    var entry = queue[id];
    if (!ready || !entry || inflight[id] || entry.invalid || entry.conflict || signedOut || final) { return; }
    var laid = layout(entry.finding);
    var body = laid.text;
    inflight[id] = body;
    setState(id, 'saving', t('saving'));
    fetch('/api/audits/' + auditId + '/findings/' + encodeURIComponent(id), {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'If-Match': '"' + entry.base + '"', 'X-CSRF-Token': csrf, 'Accept-Language': root.dataset.lang },
      body: body
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        inflight[id] = null;
        answered(id, entry, body, response.status, data, laid.paths);
      });
    }, function () {
      inflight[id] = null;
      networkDown();
      setState(id, 'queued', t('queued'));
    });
  }

  function answered(id, entry, body, status, data, paths) {
    if (status === 200) {
      clearErrors(items[id]);
      teamState(id, entry.finding);
      backoff = 2000;
      networkUp();
      known[id] = { version: data.version, finding: entry.finding, by: me, at: new Date().toISOString() };
      items[id].dataset.version = data.version;
      field(items[id], 'version').value = data.version;
      if (queue[id] && layout(queue[id].finding).text === body) {
        delete queue[id];
      } else if (queue[id]) {
        queue[id].base = data.version; // changed again while this was on its way: send the newer entry
      }
      saveQueue();
      setState(id, 'saved', savedText(known[id]));
      if (queue[id]) { send(id); }
      poll();
      return;
    }
    networkUp();
    if (status === 412 || status === 428) {
      conflict(id, data.current, data.current_version);
    } else if (status === 401) {
      signedOut = true;
      setState(id, 'queued', t('signed-out'));
    } else if (status === 409) {
      final = true;
      setState(id, 'invalid', t('final'));
    } else if ((status === 400 || status === 422 || status === 404) && queue[id] && queue[id] !== entry) {
      // Refused, but the entry has changed since it was sent (a field filled in meanwhile): the newer one decides.
      send(id);
    } else if (status === 400 || status === 422 || status === 404) {
      entry.invalid = true;
      saveQueue();
      showErrors(items[id], paths, data.errors);
      var errors = (data.errors || []).map(function (e) { return e.message; }).join(' ');
      setState(id, 'invalid', t('invalid', { message: (data.title || '') + (errors ? ' ' + errors : '') }));
    } else {
      networkDown();
      setState(id, 'queued', t('queued'));
    }
  }

  function flushAll() {
    clearTimeout(retryTimer);
    retryTimer = null;
    Object.keys(queue).forEach(send);
    photoQueue.splice(0).forEach(function (p) { upload(p.id, p.file); });
  }

  function networkDown() {
    offline = true;
    updateSync();
    if (!retryTimer) {
      retryTimer = setTimeout(flushAll, backoff);
      backoff = Math.min(backoff * 2, 30000);
    }
  }

  function networkUp() {
    if (offline) {
      offline = false;
      updateSync();
      flushAll();
    }
  }

  // ---- a conflict: the same item saved by someone else since we loaded it ------------------------------------

  function conflict(id, theirs, theirVersion) {
    var el = items[id];
    var entry = queue[id];
    if (!entry) { return; }
    if (theirs && JSON.stringify(theirs) === JSON.stringify(entry.finding)) {
      // Both wrote the same: nothing to choose.
      known[id] = { version: theirVersion, finding: theirs };
      delete queue[id];
      saveQueue();
      setState(id, 'saved', t('saved'));
      return;
    }
    entry.conflict = true;
    saveQueue();
    var by = known[id] && known[id].version === theirVersion ? known[id].by : null;
    poll();
    var box = el.querySelector('.conflict');
    box.textContent = '';
    var title = document.createElement('p');
    title.dataset.conflictTitle = '';
    title.textContent = t('conflict', { user: by || '?' });
    var both = document.createElement('div');
    both.className = 'both';
    [[t('theirs'), theirs], [t('mine'), entry.finding]].forEach(function (pair) {
      var part = document.createElement('div');
      var h = document.createElement('strong');
      h.textContent = pair[0];
      var pre = document.createElement('pre');
      pre.textContent = describe(id, pair[1]);
      if (pair[1] === entry.finding) { pre.dataset.mine = ''; }
      part.appendChild(h);
      part.appendChild(pre);
      both.appendChild(part);
    });
    var choices = document.createElement('div');
    choices.className = 'choices';
    var keep = document.createElement('button');
    keep.type = 'button';
    keep.className = 'primary';
    keep.dataset.choice = 'mine';
    keep.textContent = t('keep-mine');
    keep.addEventListener('click', function () {
      box.hidden = true;
      var current = queue[id];
      known[id] = { version: theirVersion, finding: theirs || {} };
      current.base = theirVersion;
      current.conflict = false;
      // Keys of theirs this page does not edit are kept; the entry is mine.
      current.finding = collectOver(id, current.finding);
      saveQueue();
      send(id);
    });
    var take = document.createElement('button');
    take.type = 'button';
    take.dataset.choice = 'theirs';
    take.textContent = t('take-theirs');
    take.addEventListener('click', function () {
      box.hidden = true;
      known[id] = { version: theirVersion, finding: theirs, by: by };
      delete queue[id];
      saveQueue();
      apply(id, theirs);
      items[id].dataset.version = theirVersion;
      field(items[id], 'version').value = theirVersion;
      setState(id, 'saved', savedText(known[id]));
    });
    choices.appendChild(keep);
    choices.appendChild(take);
    box.appendChild(title);
    box.appendChild(both);
    box.appendChild(choices);
    box.hidden = false;
    setState(id, 'conflict', t('conflict', { user: by || '?' }));
  }

  function collectOver(id, mine) {
    var base = known[id].finding || {};
    var f = { item: id };
    Object.keys(base).forEach(function (k) { if (k !== 'item' && k !== 'indicator' && EDITED.indexOf(k) < 0) { f[k] = base[k]; } });
    EDITED.forEach(function (k) { if (mine[k] !== undefined) { f[k] = mine[k]; } });
    return f;
  }

  // ---- photos -------------------------------------------------------------------------------------------------

  function upload(id, file) {
    var el = items[id];
    setState(id, 'saving', t('photo-uploading'));
    fetch('/api/audits/' + auditId + '/attachments?item=' + encodeURIComponent(id) + '&name=' + encodeURIComponent(file.name || 'photo.jpg'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': file.type || 'application/octet-stream', 'X-CSRF-Token': csrf, 'Accept-Language': root.dataset.lang },
      body: file
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (response.status !== 201) {
          setState(id, 'invalid', t('photo-failed', { message: data.title || response.status }));
          return;
        }
        networkUp();
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = data.url;
        a.textContent = data.file_name;
        li.appendChild(a);
        el.querySelector('[data-photos]').appendChild(li);
        var evidence = field(el, 'evidence');
        evidence.value = (evidence.value.trim() ? evidence.value.trim() + '\n' : '') + t('photo') + ' ' + data.file_name + ' (sha256:' + data.sha256.slice(0, 12) + ')';
        setState(id, 'saved', savedText(known[id]));
        schedule(id);
      });
    }, function () {
      photoQueue.push({ id: id, file: file });
      networkDown();
      setState(id, 'queued', t('photo-queued'));
    });
  }

  // ---- live: score, bars and the other assessors' saves -------------------------------------------------------

  function poll() {
    clearTimeout(pollTimer);
    var headers = {};
    if (etag) { headers['If-None-Match'] = etag; }
    fetch('/audits/' + auditId + '/checklist/live', { credentials: 'same-origin', headers: headers, cache: 'no-store' })
      .then(function (response) {
        if (response.status === 304) { networkUp(); return null; }
        if (response.status === 401) { signedOut = true; updateSync(); return null; }
        if (!response.ok) { return null; }
        networkUp();
        etag = response.headers.get('ETag');
        return response.json().then(render);
      }, function () { networkDown(); })
      .then(function () {
        if (!ready) {
          ready = true;
          // For measurements and outside scripts: when the page became interactive (ms after navigation start).
          root.dataset.readyAt = Math.round(performance.now());
          flushAll();
        }
        pollTimer = setTimeout(poll, POLL_MS);
      });
  }

  function text(selector, value) {
    var el = root.querySelector(selector);
    if (el) { el.textContent = value == null ? '' : value; }
    return el;
  }

  function render(live) {
    var score = text('[data-score]', live.score == null ? '—' : live.score);
    score.dataset.score = live.score == null ? '' : live.score;
    var tier = text('[data-tier]', live.tier ? live.tier.label : '—');
    tier.dataset.tier = live.tier ? live.tier.id : '';
    text('[data-gap]', live.gap);
    text('[data-recorded]', live.recorded);
    root.querySelector('[data-preview]').hidden = !live.preview;
    var errors = root.querySelector('[data-errors]');
    errors.textContent = '';
    (live.errors || []).forEach(function (e) { var li = document.createElement('li'); li.textContent = e; errors.appendChild(li); });
    var downloads = root.querySelector('[data-downloads]');
    downloads.querySelector('ul').hidden = !live.complete;
    downloads.querySelector('p').hidden = live.complete;
    (live.bars || []).forEach(function (b) {
      var meter = root.querySelector('meter[data-ind="' + b.id + '"], meter[data-cat="' + b.id + '"]');
      if (!meter) { return; }
      meter.max = Number(b.applicable) || 0;
      meter.value = Number(b.earned) || 0;
      var span = meter.parentNode.querySelector('span');
      span.textContent = b.earned + ' / ' + b.applicable;
    });
    if (live.final && !final) {
      final = true;
      root.querySelectorAll('fieldset.body').forEach(function (f) { f.disabled = true; });
    }
    var byItem = {};
    var unresolved = 0;
    (live.findings || []).forEach(function (f) {
      byItem[f.item] = f;
      if (f.finding && f.finding.assessments && f.finding.result == null && !f.finding.sample) { unresolved++; }
    });
    var banner = root.querySelector('[data-unresolved]');
    if (banner) { banner.hidden = unresolved === 0; }
    Object.keys(items).forEach(function (id) {
      var el = items[id];
      var f = byItem[id];
      el.dataset.status = f && f.status ? f.status : '';
      text('#i-' + CSS.escape(id) + ' [data-earned]', f && f.earned && f.status !== 'not_assessed' ? f.earned : '');
      var version = f ? f.version : 0;
      var mine = known[id] ? known[id].version : Number(el.dataset.version) || 0;
      if (version === mine) {
        if (f && known[id] && !known[id].by) { known[id].by = f.saved_by; known[id].at = f.saved_at; }
        if (f && !known[id]) { known[id] = { version: version, finding: f.finding, by: f.saved_by, at: f.saved_at }; }
        return;
      }
      var entry = { version: version, finding: f ? f.finding : null, by: f ? f.saved_by : null, at: f ? f.saved_at : null };
      var pendingTitle = el.querySelector('[data-conflict-title]');
      if (pendingTitle && queue[id] && queue[id].conflict && entry.by) { pendingTitle.textContent = t('conflict', { user: entry.by }); }
      if (queue[id] || inflight[id] || typing[id]) {
        // Our own entry is pending: the save will meet the new version (412) and the choice is offered then.
        known[id] = known[id] || entry;
        if (!queue[id] || queue[id].base !== version) { known[id].by = entry.by; }
        return;
      }
      known[id] = entry;
      apply(id, entry.finding);
      el.dataset.version = version;
      field(el, 'version').value = version;
      setState(id, 'saved', savedText(entry));
      if (entry.by && entry.by !== me) {
        el.classList.remove('flash');
        void el.offsetWidth;
        el.classList.add('flash');
        setState(id, 'saved', t('updated', { user: entry.by }) + ' · ' + savedText(entry));
      }
    });
  }

  // ---- wiring ----------------------------------------------------------------------------------------------------

  root.querySelectorAll('article[data-item]').forEach(function (el) {
    var id = el.dataset.item;
    items[id] = el;
    var form = el.querySelector('form.finding');
    form.addEventListener('submit', function (e) { e.preventDefault(); schedule(id); });
    form.addEventListener('change', function (e) {
      if (e.target.name === 'photo') {
        Array.prototype.forEach.call(e.target.files, function (file) { upload(id, file); });
        e.target.value = '';
        return;
      }
      clearTimeout(typing[id]);
      typing[id] = null;
      if (e.target.name === 'grade') { syncNc(id); }
      schedule(id);
    });
    // The lead makes one assessor's record the team's finding: the controls take it, and it saves like any entry.
    el.querySelectorAll('[data-adopt]').forEach(function (button) {
      button.addEventListener('click', function (e) {
        e.preventDefault();
        var chosen = JSON.parse(button.closest('[data-assessment]').dataset.json);
        var f = {};
        Object.keys(chosen).forEach(function (k) { if (k !== 'by') { f[k] = chosen[k]; } });
        var nc = collectNc(el);
        if (nc) { f.nc = nc; }
        apply(id, f);
        schedule(id);
      });
    });
    form.addEventListener('input', function (e) {
      if (e.target.type === 'radio' || e.target.type === 'checkbox' || e.target.type === 'file' || e.target.tagName === 'SELECT') { return; }
      clearTimeout(typing[id]);
      typing[id] = setTimeout(function () { typing[id] = null; schedule(id); }, 800);
    });
  });

  // Entries left unsent by an earlier visit (closed tab, dropped network): show them, then send after the first poll.
  Object.keys(queue).forEach(function (id) {
    if (!items[id]) { delete queue[id]; return; }
    queue[id].invalid = false;
    apply(id, queue[id].finding);
    setState(id, 'queued', t('queued'));
  });
  saveQueue();
  window.addEventListener('online', flushAll);
  window.addEventListener('offline', networkDown);
  document.addEventListener('visibilitychange', function () { if (!document.hidden) { poll(); } });
  poll();
}());
