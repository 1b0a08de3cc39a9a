// The chat page: plain DOM code over the Socket.IO client that the server itself serves
// (/socket.io/socket.io.min.js). Every element is built with textContent, never innerHTML.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  // ?transports=polling (or websocket, or polling,websocket) picks the client's transports
  const transports = params.get("transports") ? params.get("transports").split(",") : undefined;
  const MAX_IMAGE_BYTES = 2 * 1024 * 1024;  // as the server's ChatServer.MAX_IMAGE_BYTES

  const state = {
    name: "",
    current: "lobby",
    rooms: new Set(),          // rooms joined, re-joined after a reconnection
    members: new Map(),        // room -> names
    typing: new Map(),         // room -> Map(name -> timer)
    unread: new Map(),         // room -> count
    pending: new Map(),        // message id -> tick element
  };
  let socket = null;
  let everConnected = false;

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function time(iso) {
    const d = iso ? new Date(iso) : new Date();
    return d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }

  function append(room, item) {
    item.dataset.room = room;
    item.hidden = room !== state.current;
    const list = $("messages");
    const atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 40;
    list.appendChild(item);
    if (!item.hidden && atBottom) list.scrollTop = list.scrollHeight;
    if (item.hidden && item.classList.contains("message")) {
      state.unread.set(room, (state.unread.get(room) || 0) + 1);
      renderRooms();
    }
  }

  function notice(room, text, kind) {
    const item = el("li", "notice" + (kind ? " " + kind : ""), text);
    append(room, item);
    return item;
  }

  // a notice shown in every joined room (connection changes concern them all)
  function noticeEverywhere(text, kind) {
    const rooms = state.rooms.size ? state.rooms : new Set([state.current]);
    for (const room of rooms) notice(room, text, kind);
  }

  function message(room, from, mine, time_, build) {
    const item = el("li", "message" + (mine ? " mine" : ""));
    if (!mine) item.appendChild(el("span", "from", from));
    build(item);
    const meta = el("span", "meta", time(time_));
    item.appendChild(meta);
    append(room, item);
    return meta;
  }

  function tick(meta) {
    const t = el("span", "tick pending", " \u23F2");  // a clock until the server's ack
    t.title = "sending";
    meta.appendChild(t);
    return t;
  }

  function setTick(t, kind, title) {
    t.className = "tick " + kind;
    t.textContent = kind === "delivered" ? " \u2713\u2713" : kind === "sent" ? " \u2713" : " \u2717";
    t.title = title;
  }

  function imageElement(mime, bytes, alt) {
    const img = el("img");
    img.alt = alt;
    img.src = URL.createObjectURL(new Blob([bytes], { type: mime }));
    return img;
  }

  function renderRooms() {
    const list = $("rooms");
    list.replaceChildren();
    for (const room of [...state.rooms].sort()) {
      const li = el("li", room === state.current ? "current" : "");
      li.dataset.room = room;
      const open = el("button", "room", "#" + room);
      open.type = "button";
      open.addEventListener("click", () => show(room));
      li.appendChild(open);
      const unread = state.unread.get(room);
      if (unread) li.appendChild(el("span", "unread", String(unread)));
      const leave = el("button", "leave", "\u00D7");
      leave.type = "button";
      leave.title = "leave #" + room;
      leave.addEventListener("click", () => leaveRoom(room));
      li.appendChild(leave);
      list.appendChild(li);
    }
  }

  function renderMembers() {
    const list = $("members");
    list.replaceChildren();
    for (const name of state.members.get(state.current) || []) {
      list.appendChild(el("li", name === state.name ? "self" : "", name));
    }
  }

  function renderTyping() {
    const names = [...(state.typing.get(state.current) || new Map()).keys()];
    $("typing").textContent =
      names.length === 0 ? "" : names.join(", ") + (names.length === 1 ? " is typing\u2026" : " are typing\u2026");
  }

  function show(room) {
    state.current = room;
    state.unread.delete(room);
    $("room-title").textContent = "#" + room;
    for (const item of $("messages").children) item.hidden = item.dataset.room !== room;
    $("messages").scrollTop = $("messages").scrollHeight;
    renderRooms();
    renderMembers();
    renderTyping();
  }

  function joinRoom(room) {
    socket.emit("join", room, (res) => {
      if (res.error) {
        notice(state.current, res.error, "error");
        return;
      }
      state.rooms.add(res.room);
      show(res.room);
    });
  }

  function leaveRoom(room) {
    socket.emit("leave", room, (res) => {
      if (res.error) return;
      state.rooms.delete(room);
      state.members.delete(room);
      for (const item of [...$("messages").children]) {
        if (item.dataset.room === room) item.remove();
      }
      const next = [...state.rooms].sort()[0];
      if (next) show(next);
      else {
        state.current = "";
        $("room-title").textContent = "no room: join one";
        renderRooms();
        renderMembers();
        renderTyping();
      }
    });
  }

  function setStatus(online, text) {
    $("status").className = "status " + (online ? "online" : "offline");
    $("status").textContent = text;
  }

  function connect(name) {
    state.name = name;
    $("me").textContent = name;
    const options = { auth: (cb) => cb({ name: state.name }) };
    if (transports) options.transports = transports;
    socket = io(options);
    window.chatSocket = socket;  // for the browser's console (and the browser test)

    socket.on("connect", () => {
      const transport = socket.io.engine.transport.name;
      $("transport").textContent = "(" + transport + ")";
      socket.io.engine.on("upgrade", (t) => { $("transport").textContent = "(" + t.name + ")"; });
      setStatus(true, "online");
      if (everConnected) {
        noticeEverywhere("Reconnected", "connection");
        for (const room of state.rooms) socket.emit("join", room, () => {});
      } else {
        everConnected = true;
        joinRoom("lobby");
      }
    });
    socket.on("disconnect", (reason) => {
      setStatus(false, "offline");
      noticeEverywhere("Disconnected (" + reason + "): reconnecting\u2026", "connection");
      for (const typing of state.typing.values()) typing.clear();
      renderTyping();
    });
    socket.on("connect_error", (err) => setStatus(false, "cannot connect: " + err.message));

    socket.on("message", (m) => {
      socket.emit("received", { id: m.id });
      stopTyping(m.room, m.from);
      const meta = message(m.room, m.from, false, m.time, (item) => item.appendChild(el("span", "text", m.text)));
      meta.parentElement.dataset.id = m.id;
    });
    socket.on("image", (meta, bytes) => {
      stopTyping(meta.room, meta.from);
      message(meta.room, meta.from, false, meta.time, (item) => item.appendChild(imageElement(meta.mime, bytes, meta.name)));
    });
    socket.on("delivered", (d) => {
      const t = state.pending.get(d.id);
      if (t) {
        setTick(t, "delivered", "delivered to " + d.count + (d.count === 1 ? " member" : " members"));
      }
    });
    socket.on("notice", (n) => notice(n.room, n.text));
    socket.on("members", (m) => {
      state.members.set(m.room, m.members);
      if (m.room === state.current) renderMembers();
    });
    socket.on("typing", (t) => {
      if (t.typing) startTyping(t.room, t.name);
      else stopTyping(t.room, t.name);
    });
  }

  function startTyping(room, name) {
    if (!state.typing.has(room)) state.typing.set(room, new Map());
    const names = state.typing.get(room);
    clearTimeout(names.get(name));
    names.set(name, setTimeout(() => stopTyping(room, name), 4000));
    if (room === state.current) renderTyping();
  }

  function stopTyping(room, name) {
    const names = state.typing.get(room);
    if (names && names.has(name)) {
      clearTimeout(names.get(name));
      names.delete(name);
      if (room === state.current) renderTyping();
    }
  }

  // typing indicator: volatile, so nothing queues up while offline
  let typingSince = 0;
  let typingTimer = null;
  function typed() {
    if (!socket || !state.current) return;
    const now = Date.now();
    if (now - typingSince > 2000) {
      typingSince = now;
      socket.volatile.emit("typing", { room: state.current, typing: true });
    }
    clearTimeout(typingTimer);
    const room = state.current;
    typingTimer = setTimeout(() => {
      typingSince = 0;
      socket.volatile.emit("typing", { room, typing: false });
    }, 1500);
  }

  function sent(t, res) {
    if (res.error) setTick(t, "failed", res.error);
    else if (t.classList.contains("pending")) {
      setTick(t, "sent", "received by the server");
      state.pending.set(res.id, t);
    }
  }

  function sendText(text) {
    const room = state.current;
    const meta = message(room, state.name, true, null, (item) => item.appendChild(el("span", "text", text)));
    const t = tick(meta);
    clearTimeout(typingTimer);
    typingSince = 0;
    socket.volatile.emit("typing", { room, typing: false });
    socket.timeout(10000).emit("message", { room, text }, (err, res) => sent(t, err ? { error: "not acknowledged" } : res));
  }

  function sendImage(file) {
    const room = state.current;
    if (!room) return;
    if (file.size > MAX_IMAGE_BYTES) {
      notice(room, file.name + " is larger than 2 MB", "error");
      return;
    }
    file.arrayBuffer().then((bytes) => {
      const meta = message(room, state.name, true, null, (item) => item.appendChild(imageElement(file.type, bytes, file.name)));
      const t = tick(meta);
      // the ArrayBuffer travels as a binary attachment, not as base64 text
      socket.timeout(20000).emit("image", { room, name: file.name, mime: file.type }, bytes,
        (err, res) => sent(t, err ? { error: "not acknowledged" } : res));
    });
  }

  $("login").addEventListener("submit", (e) => {
    e.preventDefault();
    const name = $("nickname").value.trim();
    if (!name) return;
    $("login").hidden = true;
    $("chat").hidden = false;
    connect(name);
    $("text").focus();
  });
  $("join").addEventListener("submit", (e) => {
    e.preventDefault();
    const room = $("room-name").value.trim().replace(/^#/, "");
    if (room) joinRoom(room);
    $("room-name").value = "";
  });
  $("send").addEventListener("submit", (e) => {
    e.preventDefault();
    const text = $("text").value.trim();
    if (!text || !state.current) return;
    $("text").value = "";
    sendText(text);
  });
  $("text").addEventListener("input", typed);
  $("image").addEventListener("change", () => {
    const file = $("image").files[0];
    $("image").value = "";
    if (file) sendImage(file);
  });
})();
