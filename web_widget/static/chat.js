// The plain chat page: sends messages to /api/chat and shows the replies as text, never as HTML.
(function () {
  "use strict";
  var root = document.getElementById("chat");
  var log = document.getElementById("log");
  var form = document.getElementById("composer");
  var input = document.getElementById("message");
  var status = document.getElementById("status");
  var state = { service: root.dataset.service, language: root.dataset.language };

  function senderId() {
    var key = "portage-sender";
    // A health visitor's screening with a family: the web app gave this page its conversation id.
    if (root.dataset.sender) { sessionStorage.setItem(key, root.dataset.sender); delete root.dataset.sender; }
    var id = sessionStorage.getItem(key);
    if (!id) {
      var bytes = new Uint8Array(16);
      crypto.getRandomValues(bytes);
      id = Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
      sessionStorage.setItem(key, id);
    }
    return id;
  }

  function addBubble(text, who) {
    var item = document.createElement("li");
    item.className = "bubble " + who;
    item.textContent = text;
    log.appendChild(item);
    item.scrollIntoView({ block: "end" });
    return item;
  }

  function addButtons(buttons) {
    var item = document.createElement("li");
    item.className = "buttons";
    buttons.forEach(function (button) {
      var element = document.createElement("button");
      element.type = "button";
      element.textContent = button.title;
      element.addEventListener("click", function () { send(button.payload, button.title); });
      item.appendChild(element);
    });
    log.appendChild(item);
  }

  function addSummaryLinks(links) {
    // Only our own relative paths, as the web app sent them; labels come from the page.
    var item = document.createElement("li");
    item.className = "buttons summary-links";
    [["html", "summary-page-text"], ["pdf", "summary-pdf-text"]].forEach(function (pair) {
      if (typeof links[pair[0]] !== "string" || links[pair[0]].charAt(0) !== "/") { return; }
      var link = document.createElement("a");
      link.href = links[pair[0]];
      link.textContent = document.getElementById(pair[1]).textContent;
      item.appendChild(link);
    });
    log.appendChild(item);
  }

  function addHandoffCode(handoff) {
    // The code as text (to read out or copy) and its QR code, drawn by the web app as a data: URI.
    var item = document.createElement("li");
    item.className = "handoff";
    var code = document.createElement("p");
    code.className = "handoff-code";
    code.textContent = handoff.code;
    item.appendChild(code);
    if (typeof handoff.qr === "string" && handoff.qr.indexOf("data:image/svg+xml;base64,") === 0) {
      var image = document.createElement("img");
      image.src = handoff.qr;
      image.alt = document.getElementById("qr-alt-text").textContent + ": " + handoff.code;
      image.width = 174;
      image.height = 174;
      item.appendChild(image);
    }
    log.appendChild(item);
  }

  function send(message, shown) {
    addBubble(shown || message, "user");
    status.textContent = "…";
    fetch("/api/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: senderId(), message: message, service: state.service, language: state.language })
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (result) {
      status.textContent = "";
      if (!result.ok) {
        addBubble((result.body && result.body.message) || document.getElementById("unavailable-text").textContent, "bot");
        (result.body && result.body.contact || []).forEach(function (line) { addBubble(line, "bot"); });
        return;
      }
      state.language = result.body.language;
      if (result.body.conversation_deleted) { sessionStorage.removeItem("portage-sender"); }
      result.body.messages.forEach(function (message) {
        addBubble(message.text, "bot");
        if (message.buttons && message.buttons.length) { addButtons(message.buttons); }
      });
      if (result.body.summary) { addSummaryLinks(result.body.summary); }
      if (result.body.handoff) { addHandoffCode(result.body.handoff); }
    }).catch(function () {
      status.textContent = "";
      addBubble(document.getElementById("unavailable-text").textContent, "bot");
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    input.value = "";
    send(text);
  });

  send("/greet", "👋");
})();
