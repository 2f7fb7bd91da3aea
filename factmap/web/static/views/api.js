// The JSON API client: relative URLs, readable errors, the write token.

const TOKEN_KEY = "factmap.token";

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

async function parse(resp, path) {
  let body = null;
  try {
    body = await resp.json();
  } catch {
    body = null;
  }
  if (!resp.ok) {
    const detail = body && (body.error || body.detail);
    const text = typeof detail === "string" ? detail : detail ? JSON.stringify(detail) : resp.statusText;
    throw new ApiError(`${text || "request failed"} (HTTP ${resp.status} on ${path})`, resp.status);
  }
  if (body === null) throw new ApiError(`the server sent no JSON for ${path}`, resp.status);
  return body;
}

/** GET a JSON API path (e.g. "/api/search?q=x"). */
export async function get(path) {
  let resp;
  try {
    resp = await fetch(path, { headers: { Accept: "application/json" } });
  } catch (err) {
    throw new ApiError(`cannot reach the factmap server (${err.message}); is 'factmap serve' still running?`, 0);
  }
  return parse(resp, path);
}

export function token() {
  try {
    return sessionStorage.getItem(TOKEN_KEY) || "";
  } catch {
    return "";
  }
}

export function setToken(value) {
  try {
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    /* storage disabled: the token is asked again next time */
  }
}

/** POST JSON; sends the write token when one is stored. */
export async function post(path, payload) {
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  const t = token();
  if (t) headers.Authorization = `Bearer ${t}`;
  let resp;
  try {
    resp = await fetch(path, { method: "POST", headers, body: JSON.stringify(payload) });
  } catch (err) {
    throw new ApiError(`cannot reach the factmap server (${err.message})`, 0);
  }
  return parse(resp, path);
}

let session = null;

/** GET /api/session once per page load. */
export async function sessionInfo() {
  if (!session) session = get("/api/session").catch((err) => {
    session = null;
    throw err;
  });
  return session;
}
