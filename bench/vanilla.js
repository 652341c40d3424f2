// The benchmark's stand-in for the physical limit (benches/widget.rs): the
// widget's work by hand, with no framework, so that every timing of the
// widget has a floor to be compared with.
//
//   vanilla.html               the line step: the same requests at start as
//                              the widget (src/app/context.rs), the same
//                              list of lines (src/steps/line/mod.rs), then
//                              performance.mark("mobproc:lines-shown");
//   vanilla.html?step=device   the same start, then the catalog: the same
//                              search box and filtering (device/filter/)
//                              and windowed list (device/mod.rs);
//   vanilla.html, signed out  the sign-in panel (heading, text, button),
//                              then performance.mark("mobproc:sign-in-shown");
//   vanilla.html?step=review   a Continue button that POSTs the confirmation
//                              the widget sent (the benchmark leaves its body
//                              in sessionStorage) and shows the cost summary.
//
// English only; no inline script (the sandbox's CSP allows none).

const SESSION_KEY = "mobproc.session";
const CONFIRM_BODY_KEY = "mobproc.bench.confirm";
const LOCALE = "en-US";

// Same as ROW_HEIGHT, VIEWPORT_HEIGHT and OVERSCAN in src/steps/device/mod.rs.
const ROW_HEIGHT = 88;
const VIEWPORT_HEIGHT = 440;
const OVERSCAN = 4;
const PRICE_CEILINGS = [100, 250, 500, 750, 1000];

const T = {
  title: "Upgrade your mobile device or plan",
  signInTitle: "Sign in to order",
  signInIntro: "Sign in with your company account to see your lines and upgrade options.",
  signIn: "Sign in",
  loading: "Loading…",
  none: "None",
  orderingFor: "Ordering for",
  myself: "Myself",
  linesHeading: "Choose the line to upgrade",
  noLines: "No mobile lines were found for this person.",
  lineCarrier: "Carrier",
  lineDevice: "Device",
  lineContractEnd: "Contract ends",
  eligibleNow: "Eligible for upgrade now",
  eligibleOn: "Eligible for upgrade on {0}",
  newDevice: "New device",
  search: "Search devices",
  manufacturer: "Manufacturer",
  allManufacturers: "All manufacturers",
  maxPrice: "Maximum price",
  anyPrice: "Any price",
  sortBy: "Sort by",
  sortName: "Name",
  sortPriceLow: "Price: low to high",
  sortPriceHigh: "Price: high to low",
  devicesFound: "{0} devices",
  noDevices: "No device matches. Try another search.",
  shipping: "Shipping",
  next: "Continue",
  review: "Review",
  reviewIntro: "Check your order. Nothing is ordered until you submit it.",
  confirming: "Checking your order and its costs…",
  accountHolder: "For",
  line: "Line",
  currentDevice: "Current device",
  newPlan: "New plan",
  perMonth: "/month",
  included: "Included",
  shipTo: "Ship to",
  expedited: "Express delivery",
  orderDetails: "Order details",
  costSummary: "Cost summary",
  oneTime: "One-time",
  monthly: "Monthly",
};

const fill = (text, value) => text.replaceAll("{0}", value);

/** An element with attributes (`class`, `for`, data-*, properties with a
 * leading `.`) and children (strings, nodes, or null to skip). */
function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith(".")) element[name.slice(1)] = value;
    else element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) element.append(child);
  }
  return element;
}

// Formatters are made once per currency, as format::money does.
const moneyFormats = new Map();
function money(amount) {
  if (!amount) return "";
  let format = moneyFormats.get(amount.currencyCode);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, { style: "currency", currency: amount.currencyCode });
    moneyFormats.set(amount.currencyCode, format);
  }
  return format.format(amount.amount);
}

/** Milliseconds since the epoch of an API date or timestamp, in UTC (as
 * format::timestamp_ms). */
function timestampMs(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text || "");
  if (!match) return null;
  const [, y, m, d, hh, mm, ss] = match;
  return Date.UTC(+y, +m - 1, +d, +(hh || 0), +(mm || 0), +(ss || 0));
}
const dateFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: "medium", timeZone: "UTC" });
function formatDate(text) {
  const ms = timestampMs(text);
  return ms === null ? text : dateFormat.format(new Date(ms));
}

function randomId() {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

// ---------------------------------------------------------------------------
// The API, with the widget's headers.

const config = await (await fetch("config.json")).json();
const session = JSON.parse(sessionStorage.getItem(SESSION_KEY) || "null");
const activityId = randomId();

function headers() {
  const all = {
    "X-TNGO-TENANT": config.tenant,
    client_id: config.clientId,
    "X-TNGO-CONTEXT-ACTIVITYID": activityId,
    "X-TNGO-CONTEXT-CORRELATIONID": randomId(),
  };
  if (session) all.Authorization = `Bearer ${session.token}`;
  return all;
}

async function get(path) {
  const response = await fetch(config.apiBaseUrl + path, { headers: headers() });
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
  return response.json();
}

async function post(path, body) {
  const response = await fetch(config.apiBaseUrl + path, {
    method: "POST",
    headers: { ...headers(), "Content-Type": "application/json" },
    body,
  });
  if (!response.ok) throw new Error(`POST ${path}: HTTP ${response.status}`);
  return response.json();
}

/** Every page of a collection, as Api::get_all: the first page, then the
 * rest together, by the first page's totalCount. */
async function getAll(path, field) {
  const first = await get(path);
  const meta = first._meta ?? {};
  const limit = meta.limit || first[field].length;
  const offsets = [];
  for (let o = (meta.offset ?? 0) + limit; limit > 0 && o < (meta.totalCount ?? 0) && offsets.length < 19; o += limit) {
    offsets.push(o);
  }
  const rest = await Promise.all(offsets.map((o) => get(`${path}${path.includes("?") ? "&" : "?"}offset=${o}`)));
  return { ...first, [field]: first[field].concat(...rest.map((page) => page[field])) };
}

/** Every request the widget makes at start, at once (src/app/mod.rs and
 * src/app/context.rs): the vendors' details once their list is in. */
function loadAll() {
  get("/ping").catch(() => null);
  const vendors = getAll("/vendors?limit=100", "vendors").then((page) =>
    Promise.all(page.vendors.map((v) => get(`/vendors/${encodeURIComponent(v.id)}`))),
  );
  return {
    me: get("/me"),
    team: getAll("/employees?limit=200", "employees"),
    lines: getAll("/assets/services?limit=100", "services"),
    catalog: getAll("/catalog/devices?limit=5000&sort=name", "devices"),
    plans: getAll("/catalog/plans?limit=500", "plans"),
    vendors,
    countries: getAll("/regions?limit=500", "regions"),
  };
}

// ---------------------------------------------------------------------------
// The frame.

const mount = document.getElementById("mobproc-widget");
const step = h("div", { class: "mobproc-step" });
mount.append(
  h(
    "div",
    { class: "mobproc", lang: "en", "data-theme": "light" },
    h("header", { class: "mobproc-header" }, h("h1", { class: "mobproc-title" }, T.title)),
    step,
  ),
);

function heading(text) {
  return h("h2", { class: "mobproc-step-heading", tabindex: "-1", "data-testid": "step-heading" }, text);
}

function busy(label) {
  return h(
    "p",
    { class: "mobproc-busy", role: "status", "aria-live": "polite", "data-testid": "busy" },
    h("span", { class: "mobproc-spinner", "aria-hidden": "true" }),
    label,
  );
}

function showError(where, error) {
  where.replaceChildren(h("div", { class: "mobproc-error", role: "alert", "data-testid": "vanilla-error" }, String(error)));
}

// ---------------------------------------------------------------------------
// Step 1: the lines (as LineStep, EmployeePicker and LineList).

function fullName(person) {
  return `${person.firstName} ${person.lastName}`;
}

function employeePicker(me, team) {
  const others = team.employees.filter((e) => e.id !== me.user.id);
  if (others.length === 0) return null;
  return h(
    "div",
    { class: "mobproc-field" },
    h("label", { for: "mobproc-ordering-for" }, T.orderingFor),
    h(
      "select",
      { id: "mobproc-ordering-for" },
      h("option", { value: "", ".selected": true }, `${T.myself} (${fullName(me.user)})`),
      ...others.map((e) => h("option", { value: e.id }, fullName(e))),
    ),
  );
}

function lineList(lines) {
  const now = Date.now();
  return h(
    "fieldset",
    { class: "mobproc-choices" },
    h("legend", { class: "mobproc-visually-hidden" }, T.linesHeading),
    ...lines.map((line) => {
      const at = timestampMs(line.upgradeEligibilityDate);
      const eligible = at === null || at <= now;
      const eligibility = eligible ? T.eligibleNow : fill(T.eligibleOn, formatDate(line.upgradeEligibilityDate || ""));
      const inputId = `mobproc-line-${line.id}`;
      const device = line.device
        ? `${line.device.manufacturer?.name ?? ""} ${line.device.model ?? ""}`
        : T.none;
      const carrier = line.vendor?.name ?? "";
      const logo = line.vendor?.logoUrl;
      const end = line.contractDates?.end;
      return h(
        "div",
        { class: eligible ? "mobproc-card" : "mobproc-card mobproc-card-disabled", "data-testid": "line" },
        h("input", { type: "radio", name: "mobproc-line", id: inputId, value: line.id, disabled: !eligible }),
        h(
          "label",
          { for: inputId },
          h("span", { class: "mobproc-card-title" }, line.serviceNumber),
          h(
            "span",
            { class: "mobproc-card-meta" },
            logo ? h("img", { src: logo, alt: "", width: "20", height: "20" }) : null,
            `${T.lineCarrier}: ${carrier}`,
          ),
          h("span", { class: "mobproc-card-meta" }, `${T.lineDevice}: ${device}`),
          end ? h("span", { class: "mobproc-card-meta" }, `${T.lineContractEnd}: ${formatDate(end)}`) : null,
          h(
            "span",
            { class: eligible ? "mobproc-badge mobproc-badge-ok" : "mobproc-badge", "data-testid": "eligibility" },
            eligibility,
          ),
        ),
      );
    }),
  );
}

function lineStep(data) {
  step.dataset.step = "line";
  const picker = h("div", {}, busy(T.loading));
  const list = h("div", {}, busy(T.loading));
  step.replaceChildren(h("section", { class: "mobproc-line" }, heading(T.linesHeading), picker, list));
  Promise.all([data.me, data.team])
    .then(([me, team]) => picker.replaceChildren(employeePicker(me, team) ?? ""))
    .catch((error) => showError(picker, error));
  data.lines
    .then((page) => {
      list.replaceChildren(
        page.services.length === 0 ? h("p", { "data-testid": "no-lines" }, T.noLines) : lineList(page.services),
      );
      performance.mark("mobproc:lines-shown");
    })
    .catch((error) => showError(list, error));
}

// ---------------------------------------------------------------------------
// Step 3: the catalog (as Catalog and filter/mod.rs).

// Lower case without accents, as browser::fold_for_search.
const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

class Index {
  constructor(devices) {
    this.haystacks = devices.map((d) => fold(`${d.name} ${d.manufacturer?.name ?? ""}`));
    this.makers = devices.map((d) => d.manufacturer?.id ?? "");
    this.prices = devices.map((d) => (d.price ? Math.round(d.price.amount * 100) : 0));
    const names = devices.map((d) => fold(d.name));
    this.byName = devices.map((_, i) => i).sort((a, b) => (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0));
    this.byPrice = [...this.byName].sort((a, b) => this.prices[a] - this.prices[b]);
  }

  filter({ search, manufacturer, maxPriceCents, sort }) {
    const words = fold(search).split(/\s+/).filter(Boolean);
    const order = sort === "name" ? this.byName : this.byPrice;
    const out = [];
    const visit = (i) => {
      if (manufacturer && this.makers[i] !== manufacturer) return;
      if (maxPriceCents !== null && this.prices[i] > maxPriceCents) return;
      const haystack = this.haystacks[i];
      for (const word of words) if (!haystack.includes(word)) return;
      out.push(i);
    };
    if (sort === "-price") for (let k = order.length - 1; k >= 0; k--) visit(order[k]);
    else for (const i of order) visit(i);
    return out;
  }
}

/** As filter::visible_rows. */
function visibleRows(total, scrollTop, viewport, rowHeight, overscan) {
  const first = Math.floor(Math.max(scrollTop, 0) / rowHeight);
  const count = Math.ceil(viewport / rowHeight) + 1;
  const start = Math.min(Math.max(first - overscan, 0), total);
  const end = Math.min(first + count + overscan, total);
  return [start, end];
}

function catalog(devices) {
  const index = new Index(devices);
  const filter = { search: "", manufacturer: "", maxPriceCents: null, sort: "name" };
  let rows = index.filter(filter);
  let chosen = null;
  let range = [0, 0];
  // The list's scroll position as its scroll events tell it: reading
  // scrollTop after a change would force a layout.
  let scrollTop = 0;
  const drawn = new Map(); // device position in the catalog -> its row

  const makers = new Map();
  for (const d of devices) if (d.manufacturer) makers.set(d.manufacturer.id, d.manufacturer.name ?? d.manufacturer.id);
  const makerOptions = [...makers].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const currency = devices.find((d) => d.price)?.price.currencyCode ?? "USD";

  const count = h("p", { class: "mobproc-count", role: "status", "aria-live": "polite", "data-testid": "device-count" });
  const inner = h("div", { class: "mobproc-device-list-inner" });
  const list = h(
    "div",
    { class: "mobproc-device-list", role: "radiogroup", "aria-label": T.newDevice, "data-testid": "device-list" },
    inner,
  );

  function row(i, position) {
    const device = devices[i];
    const inputId = `mobproc-device-${device.id}`;
    const input = h("input", { type: "radio", name: "mobproc-device", id: inputId, ".checked": chosen === device.id });
    input.addEventListener("change", () => {
      chosen = device.id;
    });
    const element = h(
      "div",
      { class: "mobproc-device-row", "data-testid": "device-row" },
      input,
      h(
        "label",
        { for: inputId },
        // loading before src: an image given its src first starts loading at once.
        device.imageUrl ? h("img", { loading: "lazy", alt: "", width: "48", height: "64", src: device.imageUrl }) : null,
        h("span", { class: "mobproc-device-name" }, device.name),
        h(
          "span",
          { class: "mobproc-device-meta" },
          `${device.manufacturer?.name ?? ""} · ${device.vendor?.name ?? ""} · ${device.accessMethod ?? ""}`,
        ),
        h("span", { class: "mobproc-device-price" }, money(device.price)),
      ),
    );
    element.style.top = `${position * ROW_HEIGHT}px`;
    return element;
  }

  /** Draws the rows in view, keyed by device (as <For>): rows that stay are kept. */
  function draw(force) {
    const next = visibleRows(rows.length, scrollTop, VIEWPORT_HEIGHT, ROW_HEIGHT, OVERSCAN);
    if (!force && next[0] === range[0] && next[1] === range[1]) return;
    range = next;
    const keep = new Set(rows.slice(range[0], range[1]));
    for (const [i, element] of drawn) {
      if (!keep.has(i)) {
        element.remove();
        drawn.delete(i);
      }
    }
    // Rows that stay are not moved: new ones go in before or after them.
    let previous = null;
    for (let position = range[0]; position < range[1]; position++) {
      const i = rows[position];
      let element = drawn.get(i);
      if (!element) {
        element = row(i, position);
        drawn.set(i, element);
      } else if (element.style.top !== `${position * ROW_HEIGHT}px`) {
        element.style.top = `${position * ROW_HEIGHT}px`;
      }
      const expected = previous ? previous.nextSibling : inner.firstChild;
      if (element !== expected) inner.insertBefore(element, expected);
      previous = element;
    }
  }

  function refilter() {
    rows = index.filter(filter);
    count.textContent = rows.length === 0 ? T.noDevices : fill(T.devicesFound, String(rows.length));
    inner.style.height = `${rows.length * ROW_HEIGHT}px`;
    // A new filter starts at the top of the list.
    if (scrollTop !== 0) {
      list.scrollTop = 0;
      scrollTop = 0;
    }
    draw(true);
  }

  const search = h("input", { type: "search", id: "mobproc-device-search", "data-testid": "device-search", autocomplete: "off" });
  search.addEventListener("input", () => {
    filter.search = search.value;
    refilter();
  });
  const maker = h(
    "select",
    { id: "mobproc-device-maker" },
    h("option", { value: "" }, T.allManufacturers),
    ...makerOptions.map(([id, name]) => h("option", { value: id }, name)),
  );
  maker.addEventListener("change", () => {
    filter.manufacturer = maker.value;
    refilter();
  });
  const price = h(
    "select",
    { id: "mobproc-device-price" },
    h("option", { value: "" }, T.anyPrice),
    ...PRICE_CEILINGS.map((units) => h("option", { value: String(units) }, money({ amount: units, currencyCode: currency }))),
  );
  price.addEventListener("change", () => {
    filter.maxPriceCents = price.value === "" ? null : Number(price.value) * 100;
    refilter();
  });
  const sort = h(
    "select",
    { id: "mobproc-device-sort" },
    h("option", { value: "name" }, T.sortName),
    h("option", { value: "price" }, T.sortPriceLow),
    h("option", { value: "-price" }, T.sortPriceHigh),
  );
  sort.addEventListener("change", () => {
    filter.sort = sort.value;
    refilter();
  });
  list.addEventListener(
    "scroll",
    () => {
      scrollTop = list.scrollTop;
      draw(false);
    },
    { passive: true },
  );

  const field = (id, label, control) => h("div", { class: "mobproc-field" }, h("label", { for: id }, label), control);
  const view = h(
    "div",
    { class: "mobproc-catalog" },
    h(
      "div",
      { class: "mobproc-filters", role: "search" },
      field("mobproc-device-search", T.search, search),
      field("mobproc-device-maker", T.manufacturer, maker),
      field("mobproc-device-price", T.maxPrice, price),
      field("mobproc-device-sort", T.sortBy, sort),
    ),
    count,
    list,
  );
  count.textContent = rows.length === 0 ? T.noDevices : fill(T.devicesFound, String(rows.length));
  inner.style.height = `${rows.length * ROW_HEIGHT}px`;
  queueMicrotask(() => draw(true));
  return view;
}

function deviceStep(data) {
  step.dataset.step = "device";
  const body = h("div", {}, busy(T.loading));
  step.replaceChildren(h("section", { class: "mobproc-device" }, heading(T.newDevice), body));
  data.catalog
    .then((page) => body.replaceChildren(catalog(page.devices)))
    .catch((error) => showError(body, error));
}

// ---------------------------------------------------------------------------
// Step 7: the confirmation (as ReviewStep and Confirmation).

function costName(recurrence) {
  if (recurrence === "ONE_TIME") return [T.oneTime, "cost-onetime"];
  if (recurrence === "MONTHLY") return [T.monthly, "cost-monthly"];
  return [recurrence, "cost-other"];
}

function confirmationView(c) {
  const cart = c.shoppingCart || {};
  const current = c.device ? `${c.device.manufacturer?.name ?? ""} ${c.device.model ?? ""}` : null;
  const properties = (c.properties || []).flatMap((group) =>
    group.fields.map((field) => {
      const value = field.choice
        ? field.choice.otherText
          ? `${field.choice.id}: ${field.choice.otherText}`
          : field.choice.id
        : field.text ?? "";
      return [field.label ?? field.id, value];
    }),
  );
  const device = cart.device;
  const plan = cart.plan;
  const shipTo = c.shipTo;
  return h(
    "div",
    { class: "mobproc-confirmation", "data-testid": "confirmation" },
    h(
      "dl",
      { class: "mobproc-summary" },
      h("dt", {}, T.accountHolder),
      h("dd", { "data-testid": "review-account-holder" }, c.accountHolder ? fullName(c.accountHolder) : ""),
      h("dt", {}, T.line),
      h("dd", { "data-testid": "review-line" }, c.service?.serviceNumber ?? ""),
      current ? h("dt", {}, T.currentDevice) : null,
      current ? h("dd", {}, current) : null,
    ),
    device
      ? h(
          "div",
          { class: "mobproc-review-item", "data-testid": "review-device" },
          h("h3", {}, T.newDevice),
          device.imageUrl ? h("img", { src: device.imageUrl, alt: "", width: "60", height: "80" }) : null,
          h("p", {}, `${device.name} — ${money(device.price)}`),
          h(
            "ul",
            {},
            ...(cart.deviceFeatureChoices || []).map((choice) =>
              h("li", {}, `${choice.label}: ${choice.choiceLabel}`, choice.price?.amount > 0 ? ` (+${money(choice.price)})` : null),
            ),
          ),
        )
      : null,
    plan
      ? h(
          "div",
          { class: "mobproc-review-item", "data-testid": "review-plan" },
          h("h3", {}, T.newPlan),
          h("p", {}, `${plan.name} — ${plan.price ? money(plan.price) + T.perMonth : ""}`),
          h("p", { class: "mobproc-hint" }, `${T.included}: ${(plan.includedFeatures || []).map((f) => f.description).join(", ")}`),
          h(
            "ul",
            {},
            ...(plan.optionalFeatures || []).map((f) =>
              h("li", {}, f.description, f.price ? ` (${money(f.price)}${T.perMonth})` : null),
            ),
          ),
        )
      : null,
    shipTo
      ? h(
          "div",
          { class: "mobproc-review-item", "data-testid": "review-ship-to" },
          h("h3", {}, T.shipTo),
          h(
            "address",
            {},
            shipTo.name,
            h("br"),
            ...(shipTo.address || []).flatMap((line) => [h("span", {}, line.value), h("br")]),
            shipTo.region?.name ?? "",
          ),
          shipTo.expedite ? h("p", {}, T.expedited) : null,
        )
      : null,
    properties.length
      ? h(
          "div",
          { class: "mobproc-review-item", "data-testid": "review-properties" },
          h("h3", {}, T.orderDetails),
          h("dl", { class: "mobproc-summary" }, ...properties.flatMap(([label, value]) => [h("dt", {}, label), h("dd", {}, value)])),
        )
      : null,
    h(
      "div",
      { class: "mobproc-costs", "data-testid": "cost-summary" },
      h("h3", {}, T.costSummary),
      h(
        "dl",
        {},
        ...(c.costSummary || []).flatMap((cost) => {
          const [name, id] = costName(cost.recurrence);
          return [h("dt", {}, name), h("dd", { "data-testid": id }, money(cost))];
        }),
      ),
    ),
  );
}

function reviewStep() {
  step.dataset.step = "shipping";
  const body = sessionStorage.getItem(CONFIRM_BODY_KEY);
  const next = h("button", { type: "button", class: "mobproc-button mobproc-button-primary", "data-testid": "next" }, T.next);
  step.replaceChildren(h("section", { class: "mobproc-shipping" }, heading(T.shipping), h("div", { class: "mobproc-nav" }, next)));
  next.addEventListener("click", () => {
    step.dataset.step = "review";
    const result = h("div", {}, busy(T.confirming));
    step.replaceChildren(h("section", { class: "mobproc-review" }, heading(T.review), h("p", {}, T.reviewIntro), result));
    if (!body) {
      showError(result, `no confirmation body in sessionStorage ${CONFIRM_BODY_KEY}`);
      return;
    }
    post("/orders?confirm=true", body)
      .then((answer) => result.replaceChildren(confirmationView(answer.orderConfirmation)))
      .catch((error) => showError(result, error));
  });
}

// The sign-in panel (as src/app/sign_in.rs), for a visitor without a session.
function signInStep() {
  step.dataset.step = "sign-in";
  const button = h("button", { type: "button", class: "mobproc-button mobproc-button-primary", "data-testid": "sign-in" }, T.signIn);
  step.replaceChildren(
    h("section", { class: "mobproc-sign-in" }, heading(T.signInTitle), h("p", {}, T.signInIntro), h("div", { class: "mobproc-nav" }, button)),
  );
  performance.mark("mobproc:sign-in-shown");
}

// ---------------------------------------------------------------------------

const mode = new URLSearchParams(location.search).get("step") || "line";
if (!session) {
  signInStep();
} else if (mode === "review") {
  reviewStep();
} else {
  const data = loadAll();
  // Nothing waits on these but the steps not drawn here; keep failures quiet.
  for (const pending of [data.plans, data.vendors, data.countries, data.catalog, data.me, data.team]) {
    pending.catch(() => null);
  }
  if (mode === "device") deviceStep(data);
  else lineStep(data);
}
