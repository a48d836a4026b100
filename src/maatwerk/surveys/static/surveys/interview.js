// Interviews on an office tablet that keep working without a connection.
//
// Every interview is first written to localStorage with a UUID made here (the idempotency key),
// then sent as JSON to the server when the tablet is online. The server stores each key once, so
// a retry after a lost answer never makes a second interview. A 400 (a broken interview) keeps
// the local copy and says so; a network error retries with backoff.
(function () {
  "use strict";

  var form = document.getElementById("interview-form");
  if (!form) {
    return;
  }
  var storageKey = form.dataset.storageKey;
  var syncUrl = form.dataset.syncUrl;
  var statusBox = document.getElementById("interview-status");
  var statusText = document.getElementById("interview-status-text");
  var queueList = document.getElementById("interview-queue");
  var csrfToken = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var sentKey = storageKey + "-sent";
  var attempt = 0;
  var timer = null;
  var busy = false;

  function newKey() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  function load() {
    try {
      return JSON.parse(window.localStorage.getItem(storageKey) || "[]");
    } catch (e) {
      return [];
    }
  }

  function save(queue) {
    window.localStorage.setItem(storageKey, JSON.stringify(queue));
  }

  function sentCount() {
    return parseInt(window.localStorage.getItem(sentKey) || "0", 10);
  }

  function show() {
    var queue = load();
    var summary = form.dataset.textSummary
      .replace("{local}", String(queue.length))
      .replace("{sent}", String(sentCount()));
    statusText.textContent = summary;
    statusBox.hidden = false;
    queueList.textContent = "";
    queue.forEach(function (item) {
      var li = document.createElement("li");
      var state = item.error ? form.dataset.textError + ": " + item.error : form.dataset.textLocal;
      if (!item.error && !navigator.onLine) {
        state += " (" + form.dataset.textWaiting + ")";
      }
      li.textContent = new Date(item.savedAt).toLocaleTimeString() + " — " + state;
      queueList.appendChild(li);
    });
  }

  // --- skip logic: show a question or page only when the earlier answer matches -------------
  function answerOf(code) {
    var fields = form.querySelectorAll("[name='" + code + "']");
    var values = [];
    fields.forEach(function (field) {
      if ((field.type === "radio" || field.type === "checkbox") && !field.checked) {
        return;
      }
      if (!field.disabled && field.value !== "") {
        values.push(field.value);
      }
    });
    return values;
  }

  function applyConditions() {
    form.querySelectorAll("[data-show-if]").forEach(function (block) {
      var shown = answerOf(block.dataset.showIf).indexOf(block.dataset.showValue) !== -1;
      block.hidden = !shown;
      block.querySelectorAll("input, textarea, select").forEach(function (field) {
        field.disabled = !shown;
      });
    });
  }

  function collect() {
    var answers = {};
    form.querySelectorAll("[data-code]").forEach(function (block) {
      var code = block.dataset.code;
      var fields = block.querySelectorAll("[name='" + code + "']");
      if (!fields.length || fields[0].disabled) {
        return;
      }
      if (fields[0].type === "checkbox") {
        answers[code] = answerOf(code);
      } else if (fields[0].type === "radio") {
        var chosen = answerOf(code);
        if (chosen.length) {
          answers[code] = chosen[0];
        }
      } else if (fields[0].value.trim() !== "") {
        answers[code] = fields[0].value;
      }
    });
    return answers;
  }

  // --- sending ------------------------------------------------------------------------------
  function schedule() {
    if (timer) {
      return;
    }
    var delay = Math.min(60000, 1000 * Math.pow(2, attempt));
    attempt += 1;
    timer = window.setTimeout(function () {
      timer = null;
      sync();
    }, delay);
  }

  // The moment the interview was saved here, so one recorded before the session closed is still
  // accepted when the tablet comes back online shortly after (docs/adr/0027).
  function payload(item) {
    var body = { key: item.key, answers: item.answers };
    if (item.savedAt) {
      body.answered_at = new Date(item.savedAt).toISOString();
    }
    return body;
  }

  function send(item) {
    return fetch(syncUrl, {
      method: "POST",
      credentials: "same-origin",
      // A log-in redirect must not look like success: keep the copy and retry later.
      redirect: "manual",
      headers: {
        "Content-Type": "application/json",
        "X-CSRFToken": csrfToken,
        "X-Requested-With": "fetch",
      },
      body: JSON.stringify(payload(item)),
    }).then(function (response) {
      return response.json().catch(function () {
        return {};
      }).then(function (body) {
        return { status: response.status, body: body };
      });
    });
  }

  function firstError(body) {
    var problems = body.fouten || {};
    var codes = Object.keys(problems);
    if (codes.length) {
      var text = problems[codes[0]];
      return (codes[0] ? codes[0] + ": " : "") + (Array.isArray(text) ? text[0] : text);
    }
    return body.fout || "";
  }

  function sync() {
    if (busy || !navigator.onLine) {
      show();
      return;
    }
    var pending = load().filter(function (item) {
      return !item.error;
    });
    if (!pending.length) {
      show();
      return;
    }
    busy = true;
    var item = pending[0];
    send(item)
      .then(function (result) {
        busy = false;
        var queue = load();
        if ((result.status === 200 || result.status === 201) && result.body.id) {
          save(queue.filter(function (other) {
            return other.key !== item.key;
          }));
          window.localStorage.setItem(sentKey, String(sentCount() + 1));
          attempt = 0;
          sync();
        } else if (result.status === 400 || result.status === 409 || result.status === 413) {
          // Broken: keep it on the tablet, marked, so nothing entered is lost.
          queue.forEach(function (other) {
            if (other.key === item.key) {
              other.error = firstError(result.body) || String(result.status);
            }
          });
          save(queue);
          sync();
        } else {
          schedule();
        }
        show();
      })
      .catch(function () {
        busy = false;
        schedule();
        show();
      });
  }

  form.addEventListener("change", applyConditions);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var queue = load();
    queue.push({ key: newKey(), answers: collect(), savedAt: Date.now() });
    save(queue);
    form.reset();
    applyConditions();
    show();
    statusBox.focus();
    window.scrollTo(0, 0);
    sync();
  });
  window.addEventListener("online", function () {
    attempt = 0;
    sync();
  });
  window.addEventListener("offline", show);

  statusBox.tabIndex = -1;
  // A reload retries interviews the server refused before (their copy was kept for this).
  save(load().map(function (item) {
    delete item.error;
    return item;
  }));
  applyConditions();
  show();
  sync();
})();
