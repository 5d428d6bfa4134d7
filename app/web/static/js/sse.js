// Server-sent events over fetch (EventSource can't POST): parse `event:`/`data:` blocks
// from a response body and hand each one, in order, to a callback.

export function parseEvent(raw) {
  let event = "message";
  const data = [];
  for (const line of raw.split(/\r?\n/)) {
    if (line.startsWith(":")) continue;
    const [field, ...rest] = line.split(":");
    const value = rest.join(":").replace(/^ /, "");
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
  }
  let payload = null;
  try { payload = data.length ? JSON.parse(data.join("\n")) : null; } catch { payload = null; }
  return { event, payload };
}

/** Read the whole stream; `handle({event, payload})` may throw to stop early. */
export async function readEvents(body, handle) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    buffer += decoder.decode(chunk.value, { stream: true });
    let m;
    while ((m = /\r?\n\r?\n/.exec(buffer))) {
      handle(parseEvent(buffer.slice(0, m.index)));
      buffer = buffer.slice(m.index + m[0].length);
    }
  }
  buffer += decoder.decode();
  if (buffer.trim()) handle(parseEvent(buffer));
}
