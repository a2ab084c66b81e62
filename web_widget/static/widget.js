// The Portage chat widget. A council's page embeds it with one tag:
//   <script src="https://assistant.example/widget.js" data-service="hampshire"
//           data-phone="01962 847070" data-email="team@example.org" defer></script>
// Plain ES5 in an IIFE, drawn in a shadow root so the page's styles and ours never mix. Every
// message is rendered with textContent; the only links are the web app's own summary paths and the
// phone and email the council's page gave. The web app fills CONFIG with the labels (gettext).
(function () {
  "use strict";
  var CONFIG = {/*PORTAGE_WIDGET_CONFIG*/};
  var RETRY_SECONDS = [5, 10, 20, 30];
  var MAX_KEPT_ENTRIES = 200;

  var script = document.currentScript ||
    document.querySelector("script[data-service][src*='widget.js']");
  if (!script || !window.fetch || !document.body || !document.body.attachShadow) { return; }

  var origin = script.src.replace(/^(https?:\/\/[^\/]+).*$/, "$1");
  var service = script.getAttribute("data-service") || "";
  var pagePhone = script.getAttribute("data-phone") || "";
  var pageEmail = script.getAttribute("data-email") || "";
  // The page's own contact text, in the page's language, for services with no phone or email.
  var pageContact = script.getAttribute("data-contact") || "";
  var pageLanguage = document.documentElement.lang || "";
  var storePrefix = "portage-widget:" + service + ":";

  // sessionStorage keeps the conversation for this tab only, across reloads; it may be blocked.
  function load(key, fallback) {
    try {
      var value = window.sessionStorage.getItem(storePrefix + key);
      return value === null ? fallback : JSON.parse(value);
    } catch (error) { return fallback; }
  }
  function save(key, value) {
    try { window.sessionStorage.setItem(storePrefix + key, JSON.stringify(value)); } catch (error) { /* kept in memory only */ }
  }

  function newSenderId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function supported(code) {
    for (var i = 0; i < CONFIG.languages.length; i++) {
      if (CONFIG.languages[i].code === code) { return CONFIG.languages[i]; }
    }
    return null;
  }

  function browserLanguage() {
    var wanted = navigator.languages || [navigator.language || ""];
    for (var i = 0; i < wanted.length; i++) {
      var primary = String(wanted[i]).toLowerCase().split("-")[0];
      if (supported(primary)) { return primary; }
    }
    return "en";
  }

  var state = {
    sender: load("sender", null) || newSenderId(),
    language: load("language", null) || script.getAttribute("data-language") || browserLanguage(),
    open: load("open", false),
    transcript: load("transcript", []),
    screening: load("screening", null),
    inFlight: false,
    retryCount: 0,
    retryTimer: null
  };
  if (!supported(state.language)) { state.language = "en"; }

  function label(key) {
    return (CONFIG.labels[state.language] || CONFIG.labels.en)[key];
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  // ----- The widget's fixed parts -----
  var host = element("div");
  host.setAttribute("data-portage-widget", service);
  var shadow = host.attachShadow({ mode: "open" });
  var stylesheet = element("link");
  stylesheet.rel = "stylesheet";
  stylesheet.href = origin + "/static/widget.css";
  var root = element("div", "portage");
  root.hidden = true; // until the stylesheet has loaded, so nothing flashes unstyled
  stylesheet.addEventListener("load", function () { root.hidden = false; });
  stylesheet.addEventListener("error", function () { root.hidden = false; });
  shadow.appendChild(stylesheet);
  shadow.appendChild(root);

  var launcher = element("button", "launcher");
  launcher.type = "button";
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("aria-controls", "panel");
  var launcherIcon = element("span", "launcher-icon");
  launcherIcon.setAttribute("aria-hidden", "true");
  var launcherText = element("span");
  launcher.appendChild(launcherIcon);
  launcher.appendChild(launcherText);

  var panel = element("section", "panel");
  panel.id = "panel";
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-labelledby", "title");
  panel.hidden = true;

  var header = element("div", "header");
  var title = element("h2", "title");
  title.id = "title";
  var closeButton = element("button", "close");
  closeButton.type = "button";
  var closeIcon = element("span", "", "×");
  closeIcon.setAttribute("aria-hidden", "true");
  closeButton.appendChild(closeIcon);
  var languageBox = element("div", "language");
  var languageLabel = element("label");
  languageLabel.htmlFor = "language";
  var languageSelect = element("select");
  languageSelect.id = "language";
  CONFIG.languages.forEach(function (language) {
    var option = element("option", "", language.name);
    option.value = language.code;
    option.lang = language.code;
    option.dir = language.dir;
    languageSelect.appendChild(option);
  });
  languageBox.appendChild(languageLabel);
  languageBox.appendChild(languageSelect);
  header.appendChild(title);
  header.appendChild(closeButton);
  header.appendChild(languageBox);

  var progress = element("div", "progress");
  progress.hidden = true;
  var progressText = element("p", "progress-text");
  progressText.id = "progress-text";
  var progressBar = element("progress");
  progressBar.setAttribute("aria-labelledby", "progress-text");
  progress.appendChild(progressText);
  progress.appendChild(progressBar);

  var logRegion = element("div", "log-region");
  logRegion.tabIndex = 0; // a scrolling region keyboard users can scroll
  logRegion.setAttribute("role", "region");
  var log = element("ol", "log");
  logRegion.appendChild(log);

  // New bot messages are read out from here; the log itself stays quiet so nothing is read twice.
  var announcer = element("div", "visually-hidden");
  announcer.setAttribute("aria-live", "polite");

  var typing = element("p", "typing");
  typing.hidden = true;
  var dots = element("span", "dots");
  dots.setAttribute("aria-hidden", "true");
  dots.appendChild(element("span"));
  dots.appendChild(element("span"));
  dots.appendChild(element("span"));
  var typingText = element("span", "typing-text");
  typing.appendChild(dots);
  typing.appendChild(typingText);

  var offline = element("div", "offline");
  offline.setAttribute("role", "alert");
  offline.hidden = true;

  var composer = element("form", "composer");
  var messageLabel = element("label", "visually-hidden");
  messageLabel.htmlFor = "message";
  var messageInput = element("input");
  messageInput.id = "message";
  messageInput.type = "text";
  messageInput.maxLength = 1000;
  messageInput.autocomplete = "off";
  var sendButton = element("button", "send");
  sendButton.type = "submit";
  composer.appendChild(messageLabel);
  composer.appendChild(messageInput);
  composer.appendChild(sendButton);

  var footer = element("div", "footer");
  var startAgainButton = element("button", "link-button start-again");
  startAgainButton.type = "button";
  var deleteButton = element("button", "link-button delete");
  deleteButton.type = "button";
  var note = element("p", "note");
  footer.appendChild(startAgainButton);
  footer.appendChild(deleteButton);
  footer.appendChild(note);

  [header, progress, logRegion, typing, offline, composer, footer, announcer].forEach(function (part) {
    panel.appendChild(part);
  });
  root.appendChild(launcher);
  root.appendChild(panel);
  document.body.appendChild(host);

  // ----- Labels and direction: drawn again whenever the language changes -----
  function applyLanguage() {
    var language = supported(state.language);
    root.lang = language.code;
    root.dir = language.dir;
    launcherText.textContent = label("title");
    title.textContent = label("title");
    closeButton.setAttribute("aria-label", label("close"));
    languageLabel.textContent = label("language");
    languageSelect.value = language.code;
    logRegion.setAttribute("aria-label", label("conversation"));
    messageLabel.textContent = label("message");
    sendButton.textContent = label("send");
    typingText.textContent = label("typing");
    startAgainButton.textContent = label("start_again");
    deleteButton.textContent = label("delete");
    note.textContent = label("note");
    updateProgress();
    renderTranscript();
    if (!offline.hidden) { showOffline(); }
  }

  function updateProgress() {
    var screening = state.screening;
    var showing = screening && screening.number > 0 && screening.total > 0;
    progress.hidden = !showing;
    if (!showing) { return; }
    progressText.textContent = label("progress")
      .replace("{number}", String(screening.number)).replace("{total}", String(screening.total));
    progressBar.max = screening.total;
    progressBar.value = screening.number;
  }

  // ----- The conversation -----
  function rememberTranscript() {
    if (state.transcript.length > MAX_KEPT_ENTRIES) {
      state.transcript = state.transcript.slice(-MAX_KEPT_ENTRIES);
    }
    save("transcript", state.transcript);
  }

  function isOwnPath(path) {
    return typeof path === "string" && path.charAt(0) === "/" && path.charAt(1) !== "/";
  }

  function renderEntry(entry) {
    var item;
    if (entry.type === "bot" || entry.type === "user") {
      item = element("li", "bubble " + entry.type, entry.text);
      if (entry.type === "user") {
        item.dir = "auto";
        if (entry.pending) {
          item.className += " pending";
          item.appendChild(element("span", "pending-note", label("not_sent")));
        }
      }
      return item;
    }
    if (entry.type === "buttons") {
      item = element("li", "quick-replies");
      entry.buttons.forEach(function (button) {
        var quickReply = element("button", "quick-reply", button.title);
        quickReply.type = "button";
        quickReply.addEventListener("click", function () {
          send(button.payload, button.title);
          messageInput.focus(); // the buttons are gone now; keep the keyboard in the chat
        });
        item.appendChild(quickReply);
      });
      return item;
    }
    if (entry.type === "summary") {
      item = element("li", "quick-replies summary-links");
      [["html", "summary"], ["pdf", "pdf"]].forEach(function (pair) {
        if (!isOwnPath(entry.links[pair[0]])) { return; }
        var link = element("a", "summary-link", label(pair[1]));
        link.href = origin + entry.links[pair[0]];
        link.target = "_blank";
        link.rel = "noopener";
        item.appendChild(link);
      });
      return item;
    }
    if (entry.type === "handoff") {
      item = element("li", "handoff");
      item.appendChild(element("p", "handoff-code", entry.code));
      if (typeof entry.qr === "string" && entry.qr.indexOf("data:image/svg+xml;base64,") === 0) {
        var image = element("img");
        image.src = entry.qr;
        image.alt = label("qr") + ": " + entry.code;
        image.width = 174;
        image.height = 174;
        item.appendChild(image);
      }
      return item;
    }
    return null;
  }

  function renderTranscript() {
    while (log.firstChild) { log.removeChild(log.firstChild); }
    state.transcript.forEach(function (entry) {
      if (entry.hidden) { return; }
      var item = renderEntry(entry);
      if (item) { log.appendChild(item); }
    });
    scrollToEnd();
  }

  function scrollToEnd() { logRegion.scrollTop = logRegion.scrollHeight; }

  function addEntry(entry) {
    state.transcript.push(entry);
    rememberTranscript();
    if (!entry.hidden) {
      var item = renderEntry(entry);
      if (item) { log.appendChild(item); }
      scrollToEnd();
    }
  }

  function announce(text) {
    announcer.appendChild(element("p", "", text));
  }

  // Quick replies answer the latest question only; older ones would confuse the conversation.
  function dropQuickReplies() {
    state.transcript = state.transcript.filter(function (entry) { return entry.type !== "buttons"; });
    rememberTranscript();
    var groups = log.querySelectorAll(".quick-replies:not(.summary-links)");
    Array.prototype.forEach.call(groups, function (group) { group.parentNode.removeChild(group); });
  }

  function send(message, shown, hidden) {
    dropQuickReplies();
    addEntry({ type: "user", text: shown || message, message: message, pending: true, hidden: !!hidden });
    flush();
  }

  function firstPending() {
    for (var i = 0; i < state.transcript.length; i++) {
      if (state.transcript[i].type === "user" && state.transcript[i].pending) { return state.transcript[i]; }
    }
    return null;
  }

  // Sends the oldest message not yet answered; on success the next one follows, in order.
  function flush() {
    var entry = firstPending();
    if (!entry || state.inFlight) { return; }
    state.inFlight = true;
    typing.hidden = false;
    while (announcer.firstChild) { announcer.removeChild(announcer.firstChild); }
    fetch(origin + "/api/chat", {
      method: "POST",
      credentials: "omit",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: state.sender, message: entry.message, service: service, language: state.language })
    }).then(function (response) {
      return response.json().then(
        function (body) { return { status: response.status, body: body }; },
        function () { return { status: response.status, body: null }; }
      );
    }).then(function (result) {
      state.inFlight = false;
      typing.hidden = true;
      if (result.status === 200 && result.body) {
        entry.pending = false;
        receive(result.body);
        flush();
      } else if (result.status === 422) {
        // The web app refused this message (e.g. too long): sending it again cannot help.
        entry.pending = false;
        rememberTranscript();
        renderTranscript();
        flush();
      } else {
        unavailable(result.body);
      }
    }, function () {
      state.inFlight = false;
      typing.hidden = true;
      unavailable(null);
    });
  }

  function receive(body) {
    clearTimeout(state.retryTimer);
    state.retryCount = 0;
    offline.hidden = true;
    if (body.conversation_deleted) {
      // Nothing of the old conversation stays in this tab; the next message starts a new one.
      state.sender = newSenderId();
      save("sender", state.sender);
      state.transcript = [];
      state.screening = null;
      renderTranscript();
    }
    if (body.language && body.language !== state.language && supported(body.language)) {
      state.language = body.language;
      save("language", state.language);
      applyLanguage();
    }
    (body.messages || []).forEach(function (message) {
      addEntry({ type: "bot", text: message.text });
      announce(message.text);
      if (message.buttons && message.buttons.length) {
        addEntry({ type: "buttons", buttons: message.buttons });
      }
    });
    if (body.summary) { addEntry({ type: "summary", links: body.summary }); }
    if (body.handoff) { addEntry({ type: "handoff", code: body.handoff.code, qr: body.handoff.qr }); }
    state.screening = body.screening || null;
    save("screening", state.screening);
    updateProgress();
    renderTranscript();
  }

  // The assistant did not answer: say so kindly, show how to reach the service, keep the message
  // (marked "not sent yet") and try again on a growing interval.
  function unavailable(body) {
    state.lastContact = body && body.contact instanceof Array ? body.contact : null;
    renderTranscript();
    showOffline();
    clearTimeout(state.retryTimer);
    var seconds = RETRY_SECONDS[Math.min(state.retryCount, RETRY_SECONDS.length - 1)];
    state.retryCount += 1;
    state.retryTimer = setTimeout(flush, seconds * 1000);
  }

  function showOffline() {
    while (offline.firstChild) { offline.removeChild(offline.firstChild); }
    offline.appendChild(element("p", "", label("unavailable")));
    var contact = element("ul", "contact");
    if (pagePhone) {
      var phone = element("a", "", label("phone").replace("{phone}", pagePhone));
      phone.href = "tel:" + pagePhone.replace(/[^0-9+]/g, "");
      contact.appendChild(element("li")).appendChild(phone);
    }
    if (pageEmail) {
      var email = element("a", "", label("email").replace("{email}", pageEmail));
      email.href = "mailto:" + pageEmail;
      contact.appendChild(element("li")).appendChild(email);
    }
    if (!pagePhone && !pageEmail) {
      // The web app's own words when it answered (in the chat's language), else the page's.
      if (state.lastContact) {
        state.lastContact.forEach(function (line) { contact.appendChild(element("li", "contact-lines", line)); });
      } else if (pageContact) {
        var line = contact.appendChild(element("li", "contact-lines", pageContact));
        if (pageLanguage) { line.lang = pageLanguage; line.dir = "auto"; }
      }
    }
    if (contact.firstChild) { offline.appendChild(contact); }
    var retry = element("button", "retry", label("retry"));
    retry.type = "button";
    retry.addEventListener("click", function () {
      clearTimeout(state.retryTimer);
      flush();
    });
    offline.appendChild(retry);
    offline.hidden = false;
  }

  // ----- Opening, closing and the controls -----
  function setOpen(open) {
    state.open = open;
    save("open", open);
    panel.hidden = !open;
    launcher.hidden = open;
    launcher.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) {
      scrollToEnd();
      messageInput.focus();
      if (!state.transcript.length) { send("/greet", "", true); }
    } else {
      launcher.focus();
    }
  }

  function startAgain() {
    state.sender = newSenderId();
    save("sender", state.sender);
    state.transcript = [];
    state.screening = null;
    save("screening", null);
    updateProgress();
    renderTranscript();
    send("/greet", "", true);
    messageInput.focus();
  }

  launcher.addEventListener("click", function () { setOpen(true); });
  closeButton.addEventListener("click", function () { setOpen(false); });
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape" || event.key === "Esc") { event.preventDefault(); setOpen(false); }
  });
  languageSelect.addEventListener("change", function () {
    var chosen = supported(languageSelect.value);
    if (!chosen || chosen.code === state.language) { return; }
    state.language = chosen.code;
    save("language", state.language);
    applyLanguage();
    // The bot switches too, and says so in the new language.
    if (state.transcript.length) {
      send("/change_language{\"language\":\"" + chosen.code + "\"}", chosen.name);
    }
  });
  composer.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = messageInput.value.replace(/^\s+|\s+$/g, "");
    if (!text) { messageInput.focus(); return; }
    messageInput.value = "";
    send(text);
  });
  startAgainButton.addEventListener("click", startAgain);
  deleteButton.addEventListener("click", function () { send("/delete_my_data", label("delete")); });

  save("sender", state.sender);
  save("language", state.language);
  applyLanguage();
  if (state.open) {
    panel.hidden = false;
    launcher.hidden = true;
    launcher.setAttribute("aria-expanded", "true");
  }
  if (firstPending()) { flush(); }
})();
