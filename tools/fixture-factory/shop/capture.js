/*
 * capture.js: the shop's analytics, shaped as PostHog's JS SDK (posthog-js) would send them.
 *
 * Loads first on every page (before problems.js and shop.js) so it sees every error thrown later.
 * Emits $pageview, $pageleave, $autocapture (click/change/submit with $elements_chain), $rageclick,
 * $exception, and the custom events shop.js sends through window.siftCapture(name, properties).
 * Delivery: window.__siftEmit(event) when the recorder exposed it, else window.__siftEventsBuffer.
 * Masking: the content of inputs (their values, what was typed) never goes into an event.
 */
(function () {
  'use strict';

  var LIB_VERSION = '1.0.0';
  var SESSION_KEY = 'sift-shop-analytics';
  var MAX_TEXT = 255;
  var MAX_ATTRIBUTE = 1024;
  var RAGE_CLICK_COUNT = 3;
  var RAGE_CLICK_WINDOW_MS = 1000;
  var RAGE_CLICK_DISTANCE_PX = 30;
  // Elements whose content is what the user typed: only their identifying attributes are kept.
  var SENSITIVE_TAGS = ['input', 'select', 'textarea'];
  var SENSITIVE_KEPT_ATTRIBUTES = ['name', 'id', 'class', 'aria-label'];
  var INTERACTIVE_TAGS = ['a', 'button', 'input', 'select', 'textarea', 'label', 'summary', 'option'];
  var INTERACTIVE_ROLES = [
    'button',
    'link',
    'checkbox',
    'radio',
    'switch',
    'tab',
    'menuitem',
    'menuitemcheckbox',
    'menuitemradio',
    'option',
    'combobox',
    'searchbox',
    'textbox',
    'slider',
    'spinbutton',
    'treeitem',
  ];
  // Containers are not "clicked" just because they carry an id.
  var CONTAINER_TAGS = [
    'html',
    'body',
    'main',
    'section',
    'div',
    'form',
    'nav',
    'header',
    'footer',
    'aside',
    'article',
    'ul',
    'ol',
    'table',
    'tbody',
    'fieldset',
  ];

  if (!Array.isArray(window.__siftEventsBuffer)) window.__siftEventsBuffer = [];

  function uuid() {
    if (window.crypto && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
    // Only without a secure context; the shop is served from 127.0.0.1, which is one.
    return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, function (c) {
      var r = Math.floor(Math.random() * 16);
      return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
    });
  }

  function readJson(storage, key) {
    try {
      var raw = storage.getItem(key);
      return raw ? JSON.parse(raw) : null;
    } catch {
      return null;
    }
  }

  function writeJson(storage, key, value) {
    try {
      storage.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or disabled: the ids live for this page only.
    }
  }

  /** The recorder's ids (window.__SIFT_SESSION__), else ids kept for this tab in sessionStorage. */
  function resolveIds() {
    var given = window.__SIFT_SESSION__ || {};
    var stored = readJson(sessionStorage, SESSION_KEY) || {};
    var ids = {
      sessionId: given.sessionId || stored.sessionId || uuid(),
      distinctId: given.distinctId || stored.distinctId || uuid(),
      windowId: given.windowId || stored.windowId || uuid(),
    };
    writeJson(sessionStorage, SESSION_KEY, ids);
    return ids;
  }

  var ids = resolveIds();
  var pageLoadedAt = Date.now();

  function browserVersion() {
    var match = /Chrom(?:e|ium)\/(\d+(?:\.\d+)?)/.exec(navigator.userAgent || '');
    return match ? Number(match[1]) : undefined;
  }

  function operatingSystem() {
    var ua = navigator.userAgent || '';
    if (/Windows/.test(ua)) return 'Windows';
    if (/Mac OS X/.test(ua)) return 'Mac OS X';
    if (/Android/.test(ua)) return 'Android';
    if (/Linux/.test(ua)) return 'Linux';
    return 'Other';
  }

  function referringDomain(referrer) {
    if (!referrer) return '$direct';
    try {
      return new URL(referrer).host;
    } catch {
      return '$direct';
    }
  }

  function baseProperties() {
    var screen = window.screen || {};
    return {
      $session_id: ids.sessionId,
      $window_id: ids.windowId,
      $current_url: location.href,
      $pathname: location.pathname,
      $host: location.host,
      $browser: 'Chrome',
      $browser_version: browserVersion(),
      $os: operatingSystem(),
      $device_type: 'Desktop',
      $lib: 'web',
      $lib_version: LIB_VERSION,
      $referrer: document.referrer || '$direct',
      $referring_domain: referringDomain(document.referrer),
      $screen_height: screen.height,
      $screen_width: screen.width,
      $viewport_height: window.innerHeight,
      $viewport_width: window.innerWidth,
    };
  }

  function deliver(event) {
    var buffer = window.__siftEventsBuffer;
    var emit = window.__siftEmit;
    if (typeof emit !== 'function') {
      buffer.push(event);
      return;
    }
    // Events buffered before the recorder appeared go first, in order.
    var pending = buffer.splice(0, buffer.length);
    pending.push(event);
    for (var i = 0; i < pending.length; i++) {
      try {
        var result = emit(pending[i]);
        // The recorder's function may be async: never await it, never let it reject unhandled.
        if (result && typeof result.then === 'function') result.then(undefined, function () {});
      } catch {
        buffer.push(pending[i]);
      }
    }
  }

  function capture(name, properties) {
    var event = {
      uuid: uuid(),
      event: name,
      timestamp: new Date().toISOString(),
      distinct_id: ids.distinctId,
      properties: Object.assign(baseProperties(), properties || {}),
    };
    deliver(event);
    return event;
  }

  // ---------------------------------------------------------------- element chains

  function tagOf(element) {
    return element.tagName.toLowerCase();
  }

  function classesOf(element) {
    var value = element.getAttribute('class');
    if (!value) return [];
    return value.split(/\s+/).filter(function (name) {
      return name !== '';
    });
  }

  function isSensitive(element) {
    return SENSITIVE_TAGS.indexOf(tagOf(element)) !== -1 || element.isContentEditable === true;
  }

  /** The text the element holds directly (not its children's), as PostHog's getSafeText reads it. */
  function directText(element) {
    if (isSensitive(element)) return '';
    var text = '';
    for (var child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE && child.textContent) text += ' ' + child.textContent;
    }
    return text.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
  }

  function nthChild(element) {
    var n = 1;
    for (var sibling = element.previousElementSibling; sibling; sibling = sibling.previousElementSibling) n++;
    return n;
  }

  function nthOfType(element) {
    var n = 1;
    for (var sibling = element.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      if (sibling.tagName === element.tagName) n++;
    }
    return n;
  }

  function escapeQuotes(value) {
    return String(value).replace(/"/g, '\\"');
  }

  function describeElement(element) {
    var tag = tagOf(element);
    var classes = classesOf(element);
    var sensitive = isSensitive(element);
    var pairs = {};
    for (var i = 0; i < element.attributes.length; i++) {
      var attribute = element.attributes[i];
      var name = attribute.name;
      if (sensitive && SENSITIVE_KEPT_ATTRIBUTES.indexOf(name) === -1) continue;
      if (name === 'value' || name === 'style' || name.indexOf('on') === 0) continue;
      var value = name === 'class' ? classes.join(' ') : attribute.value;
      if (value === '' || /^data:/i.test(value)) continue;
      pairs['attr__' + name] = value.slice(0, MAX_ATTRIBUTE);
    }
    if (tag === 'a' && element.getAttribute('href')) pairs.href = element.getAttribute('href');
    pairs['nth-child'] = String(nthChild(element));
    pairs['nth-of-type'] = String(nthOfType(element));
    var text = directText(element);
    if (text) pairs.text = text;

    var head =
      tag +
      classes
        .slice()
        .sort()
        .map(function (name) {
          return '.' + name.replace(/"/g, '');
        })
        .join('');
    var body = Object.keys(pairs)
      .sort()
      .map(function (key) {
        return key + '="' + escapeQuotes(pairs[key]) + '"';
      })
      .join('');
    return head + ':' + body;
  }

  /** PostHog's $elements_chain: the target, then each ancestor up to and including <body>. */
  function elementsChain(target) {
    var parts = [];
    for (
      var element = target;
      element && element.nodeType === Node.ELEMENT_NODE;
      element = element.parentElement
    ) {
      if (tagOf(element) === 'html') break;
      parts.push(describeElement(element));
      if (tagOf(element) === 'body') break;
    }
    return parts.join(';');
  }

  function elementTarget(event) {
    var target = event.target;
    if (target && target.nodeType === Node.TEXT_NODE) target = target.parentNode;
    return target && target.nodeType === Node.ELEMENT_NODE ? target : null;
  }

  function isInteractive(element) {
    var tag = tagOf(element);
    if (INTERACTIVE_TAGS.indexOf(tag) !== -1) return true;
    if (INTERACTIVE_ROLES.indexOf(element.getAttribute('role') || '') !== -1) return true;
    if (element.getAttribute('contenteditable') === 'true') return true;
    return Boolean(element.id) && CONTAINER_TAGS.indexOf(tag) === -1;
  }

  function shouldCapture(target, type) {
    var tag = tagOf(target);
    if (type === 'submit') return tag === 'form';
    if (type === 'change') return SENSITIVE_TAGS.indexOf(tag) !== -1;
    for (var element = target; element && element !== document.body; element = element.parentElement) {
      if (tagOf(element) === 'html') return false;
      if (isInteractive(element)) return true;
    }
    return false;
  }

  function domEventProperties(target, type) {
    var properties = { $event_type: type, $ce_version: 1, $elements_chain: elementsChain(target) };
    var text = type === 'click' ? directText(target) : '';
    if (text) properties.$el_text = text;
    return properties;
  }

  function onDomEvent(event) {
    var target = elementTarget(event);
    if (!target || !shouldCapture(target, event.type)) return;
    capture('$autocapture', domEventProperties(target, event.type));
  }

  // ---------------------------------------------------------------- rage clicks

  var burst = [];
  var burstReported = false;

  function onClickForRage(event) {
    // The click a <label> forwards to its input has no position of its own.
    if (event.detail === 0 && event.clientX === 0 && event.clientY === 0) return;
    var click = { x: event.clientX, y: event.clientY, t: Date.now() };
    var first = burst[0];
    var last = burst[burst.length - 1];
    var sameBurst =
      first &&
      click.t - last.t <= RAGE_CLICK_WINDOW_MS &&
      Math.abs(click.x - first.x) <= RAGE_CLICK_DISTANCE_PX &&
      Math.abs(click.y - first.y) <= RAGE_CLICK_DISTANCE_PX;
    if (sameBurst) {
      burst.push(click);
    } else {
      burst = [click];
      burstReported = false;
    }
    var window3 = burst.slice(-RAGE_CLICK_COUNT);
    if (
      !burstReported &&
      window3.length === RAGE_CLICK_COUNT &&
      window3[window3.length - 1].t - window3[0].t <= RAGE_CLICK_WINDOW_MS
    ) {
      burstReported = true;
      var target = elementTarget(event);
      capture('$rageclick', target ? domEventProperties(target, 'click') : { $event_type: 'click' });
    }
  }

  // ---------------------------------------------------------------- exceptions

  /** Chrome's stack lines (`    at fn (url:line:col)`) as PostHog frames, oldest call first. */
  function stackFrames(stack) {
    if (typeof stack !== 'string') return [];
    var frames = [];
    stack.split('\n').forEach(function (line) {
      var match = /^\s*at (?:(.+?) \()?(.+?):(\d+):(\d+)\)?\s*$/.exec(line);
      if (!match) return;
      frames.push({
        platform: 'web:javascript',
        filename: match[2],
        abs_path: match[2],
        function: match[1] || '?',
        lineno: Number(match[3]),
        colno: Number(match[4]),
        in_app: true,
      });
    });
    return frames.reverse();
  }

  function splitMessage(message) {
    var text = String(message || '').replace(/^Uncaught\s+/, '');
    var match = /^([A-Za-z]*Error|Exception):\s*([\s\S]*)$/.exec(text);
    return match ? { type: match[1], value: match[2] } : { type: 'Error', value: text };
  }

  function captureException(error, fallbackMessage, mechanismType, source) {
    var parsed = splitMessage(fallbackMessage);
    var isError = error && typeof error === 'object' && typeof error.message === 'string';
    var type = isError && error.name ? String(error.name) : parsed.type;
    var value = isError
      ? error.message
      : error !== undefined && error !== null
        ? String(error)
        : parsed.value;
    var exception = { type: type, value: value, mechanism: { handled: false, type: mechanismType } };
    var frames = isError ? stackFrames(error.stack) : [];
    if (frames.length > 0) exception.stacktrace = { type: 'raw', frames: frames };
    var properties = {
      $exception_list: [exception],
      $exception_level: 'error',
      $exception_type: type,
      $exception_message: value,
    };
    if (source && source.filename) properties.$exception_source = source.filename;
    if (source && source.lineno) properties.$exception_lineno = source.lineno;
    if (source && source.colno) properties.$exception_colno = source.colno;
    capture('$exception', properties);
  }

  // ---------------------------------------------------------------- wiring

  window.addEventListener('error', function (event) {
    // Resource load errors do not reach a bubbling window listener; this is a script error.
    captureException(event.error, event.message, 'onerror', event);
  });

  window.addEventListener('unhandledrejection', function (event) {
    var reason = event.reason;
    captureException(reason, reason && reason.message, 'onunhandledrejection', null);
  });

  document.addEventListener('click', onDomEvent, true);
  document.addEventListener('click', onClickForRage, true);
  document.addEventListener('change', onDomEvent, true);
  document.addEventListener('submit', onDomEvent, true);

  // PostHog sends $pageleave on pagehide. It is sent here at `beforeunload` when there is one (the page is
  // still alive then, so a recorder bridged over the DevTools protocol still receives it), else at pagehide.
  var pageLeft = false;
  function onPageLeave() {
    if (pageLeft) return;
    pageLeft = true;
    capture('$pageleave', {
      $prev_pageview_pathname: location.pathname,
      $prev_pageview_duration: Math.round((Date.now() - pageLoadedAt) / 100) / 10,
    });
  }
  window.addEventListener('beforeunload', onPageLeave);
  window.addEventListener('pagehide', onPageLeave);
  // Back/forward cache: the page is shown again without loading, so it is viewed (and left) again.
  window.addEventListener('pageshow', function (event) {
    if (!event.persisted) return;
    pageLeft = false;
    pageLoadedAt = Date.now();
    capture('$pageview', { title: document.title });
  });

  /** Custom events from shop.js: window.siftCapture('product_viewed', { product_id: 2, ... }). */
  window.siftCapture = function (name, properties) {
    if (typeof name !== 'string' || name === '') return undefined;
    return capture(name, properties);
  };

  capture('$pageview', { title: document.title });
})();
