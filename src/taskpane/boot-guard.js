/*
 * Boot guard: plain ES5, loaded by the pages BEFORE office-loader.js and the bundles (a static file,
 * because the pages' Content-Security-Policy forbids inline scripts).
 *
 * The bundles need ES2020 syntax and APIs. Volume-licensed Office 2016/2019 run add-ins in Internet
 * Explorer 11 (Trident), retail Office 2016/2019 without WebView2 in Microsoft Edge Legacy (EdgeHTML)
 * ("Browsers and webview controls used by Office Add-ins"): there the bundle does not even parse, and
 * without this file the pane would stay blank. Microsoft recommends "a graceful failure message" for
 * these webviews ("Support older Microsoft webviews and Office versions", which detects them from
 * navigator.userAgent as done here).
 *
 * Detected: Trident/MSIE, EdgeHTML ("Edge/<n>", not Chromium Edge's "Edg/"), or a missing ES2019–ES2021
 * feature the bundles use or that arrived with the syntax they use (optional chaining, class fields).
 * Syntax itself cannot be tested without eval, which the CSP forbids.
 *
 * When the webview cannot run the pane: window.__PHANCONG_UNSUPPORTED__ names the reason (the bundle,
 * should it parse, then does not start), and the page shows, in Vietnamese with English below, what is
 * wrong and what to do. These strings live here and not in src/messages because this file must run
 * where the catalogue's bundle cannot; test/e2e/boot-guard.e2e.test.ts checks that they show.
 */
(function () {
  'use strict';

  function missingFeature() {
    var checks = [
      ['Promise', typeof Promise === 'function'],
      ['Symbol', typeof Symbol === 'function'],
      ['globalThis', typeof globalThis === 'object'],
      ['Object.fromEntries', typeof Object.fromEntries === 'function'],
      ['Array.prototype.flatMap', typeof Array.prototype.flatMap === 'function'],
      ['String.prototype.matchAll', typeof String.prototype.matchAll === 'function'],
      [
        'Promise.allSettled',
        typeof Promise === 'function' && typeof Promise.allSettled === 'function',
      ],
      ['String.prototype.replaceAll', typeof String.prototype.replaceAll === 'function'],
    ];
    for (var i = 0; i < checks.length; i++) if (!checks[i][1]) return checks[i][0];
    return null;
  }

  var ua = (window.navigator && window.navigator.userAgent) || '';
  var reason = null;
  var detail = '';
  if (/Trident\/|MSIE /.test(ua)) reason = 'ie';
  else if (/\bEdge\/\d/.test(ua)) reason = 'edgehtml';
  else {
    detail = missingFeature();
    if (detail) reason = 'feature';
  }
  if (!reason) return;
  window.__PHANCONG_UNSUPPORTED__ = reason;

  var what = {
    ie: [
      'Office đang mở phần bổ trợ bằng Internet Explorer 11, trình duyệt cũ mà Phân công không chạy được.',
      'Office is running the add-in in Internet Explorer 11, an old browser Phân công cannot run in.',
    ],
    edgehtml: [
      'Office đang mở phần bổ trợ bằng Microsoft Edge cũ (EdgeHTML), trình duyệt mà Phân công không chạy được.',
      'Office is running the add-in in Microsoft Edge Legacy (EdgeHTML), a browser Phân công cannot run in.',
    ],
    feature: [
      'Trình duyệt Office dùng cho phần bổ trợ thiếu tính năng JavaScript cần thiết (' +
        detail +
        ').',
      'The browser Office uses for add-ins lacks a JavaScript feature the add-in needs (' +
        detail +
        ').',
    ],
  }[reason];

  var vi = {
    title: 'Phiên bản Office này chưa chạy được Phân công',
    todo: 'Cách khắc phục:',
    steps: [
      'Dùng Microsoft 365 (bản cập nhật gần đây), Office 2021 trở lên, hoặc Excel trên web (trình duyệt Edge, Chrome, Firefox, Safari).',
      'Với Office 2019 bản bán lẻ trên Windows: cài Microsoft Edge WebView2 Runtime (Windows 11 đã có sẵn), rồi mở lại Excel. Office 2019 bản cấp phép số lượng lớn (volume license) luôn dùng Internet Explorer, Office 2016 thiếu các chức năng Excel cần thiết: cần nâng cấp Office.',
      'Trong lúc chờ, vẫn kiểm tra được tệp phụ lục .xlsx mà không cần phần bổ trợ: mở trang Phân công (taskpane.html) trực tiếp trong trình duyệt Edge, Chrome hoặc Firefox (chế độ độc lập), hoặc dùng lệnh phancong trên máy tính (phancong check tệp.xlsx).',
    ],
  };
  var en = {
    title: 'This version of Office cannot run Phân công',
    todo: 'What to do:',
    steps: [
      'Use Microsoft 365 (a recent update), Office 2021 or later, or Excel on the web (Edge, Chrome, Firefox, Safari).',
      'Retail Office 2019 on Windows: install the Microsoft Edge WebView2 Runtime (Windows 11 has it), then restart Excel. Volume-licensed Office 2019 always uses Internet Explorer, and Office 2016 lacks Excel features the add-in needs: Office must be upgraded.',
      'Meanwhile, .xlsx appendices can still be checked without the add-in: open the Phân công page (taskpane.html) directly in Edge, Chrome or Firefox (standalone mode), or use the phancong command on a computer (phancong check file.xlsx).',
    ],
  };

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text) node.appendChild(document.createTextNode(text));
    if (attrs)
      for (var k in attrs)
        if (Object.prototype.hasOwnProperty.call(attrs, k)) node.setAttribute(k, attrs[k]);
    return node;
  }

  function block(lang, strings, line) {
    var section = el('section', null, { lang: lang });
    section.appendChild(
      el(lang === 'vi' ? 'h1' : 'h2', strings.title, { style: 'font-size:1.15em;margin:0 0 .5em' }),
    );
    section.appendChild(el('p', line));
    section.appendChild(el('p', strings.todo, { style: 'font-weight:bold;margin-bottom:.25em' }));
    var list = el('ul', null, { style: 'margin-top:0;padding-left:1.2em' });
    for (var i = 0; i < strings.steps.length; i++) list.appendChild(el('li', strings.steps[i]));
    section.appendChild(list);
    return section;
  }

  function show() {
    var root = document.getElementById('root') || document.body;
    if (!root) return;
    while (root.firstChild) root.removeChild(root.firstChild);
    var box = el('div', null, {
      id: 'phancong-unsupported',
      role: 'alert',
      style:
        'font-family:Segoe UI,Arial,sans-serif;font-size:14px;line-height:1.45;color:#242424;padding:16px;max-width:40em',
    });
    box.appendChild(block('vi', vi, what[0]));
    box.appendChild(
      el('hr', null, { style: 'border:0;border-top:1px solid #d1d1d1;margin:1em 0' }),
    );
    box.appendChild(block('en', en, what[1]));
    root.appendChild(box);
  }

  if (document.readyState === 'loading') {
    if (document.addEventListener) document.addEventListener('DOMContentLoaded', show);
    else if (document.attachEvent)
      document.attachEvent('onreadystatechange', function () {
        if (document.readyState === 'complete') show();
      });
  } else show();
})();
