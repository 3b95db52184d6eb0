// lull's web app in a real browser: playwright-core driving Debian's
// Chromium (no download), headless, phone-sized.  Each check prints
// "ok - ..." or "not ok - ..." (tests/web/test_browser.sh counts them);
// full-page screenshots go to OUTDIR.
//
//   node tests/browser/flows.mjs BASE_URL OUTDIR
//
// The flows, each asserting what a person sees:
//  1. sign up, create a household, add a child (a mistake first: the
//     error is shown next to its field);
//  2. log last night from the journal's add form;
//  3. Today in the evening (the household's zone is chosen so that it is
//     22:00-22:59 there now): Start sleep, the elapsed timer and the live
//     one ticking (the page's clock is faked), Woke up (a night waking),
//     Back asleep, Stop; the entries in the journal with "logged by";
//  4. the diary chart: the <img> loads an SVG with a <title>;
//  5. night mode off and on: the <html> class and the background;
//  6. the keyboard: Start sleep is reached by Tab and pressed by Enter;
//  7. a read-only member (invited from the settings page) sees the
//     children but no form to add one, and a forced add is refused;
//  8. a second account cannot see the first household: its pages are the
//     "not found" page, its API answers 404.
// SPDX-License-Identifier: ISC
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const [base, outdir] = process.argv.slice(2);
if (!base || !outdir) {
	console.error("usage: node flows.mjs BASE_URL OUTDIR");
	process.exit(2);
}
mkdirSync(outdir, { recursive: true });

const PW = "correct-horse-battery";
let failed = 0;

function ok(name) {
	console.log(`ok - ${name}`);
}

function notOk(name, detail) {
	failed++;
	console.log(`not ok - ${name}`);
	if (detail)
		console.log(`  ${String(detail).split("\n").slice(0, 12).join("\n  ")}`);
}

function expect(name, cond, detail) {
	if (cond)
		ok(name);
	else
		notOk(name, detail);
	return cond;
}

function expectEq(name, got, want) {
	return expect(name, got === want,
	    `got [${got}], wanted [${want}]`);
}

function expectMatch(name, got, re) {
	return expect(name, re.test(got ?? ""), `[${got}] does not match ${re}`);
}

// A flow stops at its first exception (a missing element, a timeout):
// that is one failed check, named after the step it was in.
async function flow(name, fn) {
	const step = { now: "start" };
	try {
		await fn(step);
	} catch (e) {
		notOk(`${name}: ${step.now}`, e && e.message ? e.message : e);
	}
}

async function shot(page, file) {
	await page.screenshot({ path: join(outdir, file), fullPage: true });
}

// An Etc zone where it is 22:00-22:59 now ("Etc/GMT-2" is UTC+2): the
// evening, whatever hour the test runs at, and an hour from midnight.
function eveningZone() {
	const h = new Date().getUTCHours();
	let k = (22 - h + 24) % 24;
	if (k > 14)
		k -= 24;
	if (k === 0)
		return "Etc/GMT";
	return k > 0 ? `Etc/GMT-${k}` : `Etc/GMT+${-k}`;
}

function isoDay(daysAgo) {
	return new Date(Date.now() - daysAgo * 86400e3).toISOString().slice(0, 10);
}

const text = async (page, sel) => (await page.locator(sel).first().textContent())?.trim();
const htmlClass = (page) => page.evaluate(() => document.documentElement.className);
const bgColour = (page) => page.evaluate(() =>
    getComputedStyle(document.documentElement).backgroundColor);

async function signup(page, name, email) {
	await page.goto(`${base}/signup`);
	await page.fill("#f-name", name);
	await page.fill("#f-email", email);
	await page.fill("#f-password", PW);
	await Promise.all([
		page.waitForURL(`${base}/`),
		page.click("button[type=submit]:has-text('Create the account')"),
	]);
}

async function newHousehold(page, name, tz) {
	await page.fill("#f-name", name);
	await page.fill("#f-tz", tz);
	await Promise.all([
		page.waitForURL(/\/h\/\d+\/today$/),
		page.click("button:has-text('Create the household')"),
	]);
	return new URL(page.url()).pathname.replace(/\/today$/, "");
}

// Submit a form by its button and wait for the page that answers.
async function press(page, locator, urlPattern) {
	await Promise.all([page.waitForURL(urlPattern), locator.click()]);
}

const started = Date.now();
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
	args: ["--no-sandbox"],
	headless: true,
});
const phone = {
	viewport: { width: 390, height: 844 },
	deviceScaleFactor: 1,
	isMobile: true,
	hasTouch: true,
	locale: "en-GB",
};
const ctx = await browser.newContext(phone);
ctx.setDefaultTimeout(10000);
const page = await ctx.newPage();
const jsErrors = [];
page.on("pageerror", (e) => jsErrors.push(e.message));
page.on("console", (m) => {
	if (m.type() === "error")
		jsErrors.push(m.text());
});
// A status other than 2xx/3xx from the app itself (no favicon here).
// The child's form is sent with a mistake on purpose: that 422 is meant.
page.on("response", (r) => {
	if (r.status() >= 400 && !r.url().endsWith("/favicon.ico") &&
	    !(r.status() === 422 && r.url().endsWith("/children")))
		jsErrors.push(`${r.status()} for ${r.request().method()} ${r.url()}`);
});

let hh = ""; // "/h/1"
const zone = eveningZone();

// ---- 1. a new account, a household, a child -----------------------------

await flow("sign-up", async (step) => {
	step.now = "sign up";
	await signup(page, "Anna", "anna@example.org");
	expectEq("signed up: the start page", await text(page, "h1"),
	    "Your households");
	step.now = "create a household";
	hh = await newHousehold(page, "The Rivera family", zone);
	expectMatch("the household's Today", hh, /^\/h\/\d+$/);
	step.now = "Today without a child";
	const prompt = page.locator("a.button:has-text('Add your child')");
	expect("Today without a child offers to add one",
	    await prompt.isVisible());
	await shot(page, "today-no-child.png");
	await press(page, prompt, /\/settings#children$/);
	expect("the link leads to the children on Settings",
	    await page.locator("#children h2").isVisible());

	step.now = "a mistake in the child's form";
	await page.fill("#c-name", "Mia");
	await page.fill("#c-born", isoDay(240));
	await page.fill("#c-due", isoDay(-60));
	await press(page, page.locator("#children button[type=submit]"),
	    /\/children$/);
	expect("a due date months after the birth is refused, next to it",
	    await page.locator("#c-due-err").isVisible(),
	    await page.locator("main").innerText());
	expectEq("the field is marked invalid",
	    await page.getAttribute("#c-due", "aria-invalid"), "true");
	expectEq("and tied to its message",
	    (await page.getAttribute("#c-due", "aria-describedby"))
		.includes("c-due-err"), true);
	expectEq("what was typed stays", await page.inputValue("#c-name"),
	    "Mia");

	step.now = "add the child";
	await page.fill("#c-due", "");
	await press(page, page.locator("#children button[type=submit]"),
	    /\/settings\?added=\d+#children$/);
	expectMatch("the child is added, said calmly",
	    await text(page, "#children .notice"), /^Mia is in the journal now/);
	expectMatch("listed with the age", await text(page, "#children li"),
	    /^Mia, (7|8) mo/);
	await shot(page, "settings-children.png");
});

// ---- 2. last night, from the journal's form -------------------------------

await flow("journal add", async (step) => {
	step.now = "the journal";
	await page.goto(`${base}${hh}/journal`);
	await press(page, page.locator("a[rel=prev]").first(), /day=/);
	step.now = "add last night";
	await page.fill("#add-start", "19:30");
	await page.fill("#add-end", "06:30");
	await page.selectOption("#add-kind", "night");
	await press(page, page.locator("button:has-text('Add sleep')"), /day=/);
	const entry = page.locator("[id^=sleep-]").first();
	expect("last night is in the journal", await entry.isVisible(),
	    await page.locator("main").innerText());
	expectMatch("logged by Anna", await entry.innerText(), /logged by Anna/);
});

// ---- 3. Today: a night with a waking ----------------------------------------

await flow("Today", async (step) => {
	step.now = "open Today";
	await page.goto(`${base}${hh}/today`);
	expectEq("Today: the child is awake", await text(page, "#now-h"),
	    "Mia is awake");
	step.now = "tap Start sleep";
	await Promise.all([page.waitForURL(/said=started/),
		page.locator("button:has-text('Start sleep')").tap()]);
	expectEq("said calmly", await text(page, "p.notice"),
	    "Sleep started. Rest well.");
	expectEq("asleep for the night (it is evening)",
	    await text(page, "#now-h"), "Mia is asleep for the night");
	expectMatch("the elapsed timer shows", await text(page, ".timer"),
	    /^\d+ min$/);
	expectMatch("… so far", await text(page, ".elapsed"), /so far$/);
	await shot(page, "today-night.png");

	// The fake clock is a context's: this one's own, with the cookies.
	step.now = "the live timer";
	const ctx3 = await browser.newContext({ ...phone,
		storageState: await ctx.storageState() });
	const p2 = await ctx3.newPage();
	await p2.clock.install();
	await p2.goto(`${base}${hh}/today`);
	const t0 = await text(p2, ".timer");
	await p2.clock.fastForward("10:00");
	await p2.waitForFunction((was) =>
	    document.querySelector(".timer").textContent !== was, t0,
	    { timeout: 5000 });
	expectMatch("the live timer ticks on (ten minutes later)",
	    await text(p2, ".timer"), /^1[01] min$/);
	await ctx3.close();

	// A second between taps, as a person takes: the store keeps times to
	// the second, and a waking that ends in the second it began is
	// refused (422, "... is not after its start").
	step.now = "tap Woke up";
	await page.waitForTimeout(1100);
	await Promise.all([page.waitForURL(/said=waking/),
		page.locator("button:has-text('Woke up')").tap()]);
	expectEq("a night waking is logged, gently",
	    await text(page, "p.notice"), "Waking logged. Take your time.");
	expectEq("awake in the night", await text(page, "#now-h"),
	    "Mia is awake in the night");
	step.now = "tap Back asleep";
	await page.waitForTimeout(1100);
	await Promise.all([page.waitForURL(/said=back/),
		page.locator("button:has-text('Back asleep')").tap()]);
	expectEq("back asleep", await text(page, "p.notice"),
	    "Back asleep. Logged.");
	expectMatch("asleep again since", await text(page, ".since"),
	    /^Asleep again since \d\d:\d\d$/);
	step.now = "tap Stop";
	await page.waitForTimeout(1100);
	// "Up for the day" keeps it a night, however short it was.
	await Promise.all([page.waitForURL(/said=stopped/),
		page.locator("button:has-text('Stop: up for the day')").tap()]);
	expectEq("stopped", await text(page, "p.notice"),
	    "Good morning. The night is logged.");
	expectEq("awake again", await text(page, "#now-h"), "Mia is awake");

	step.now = "the journal";
	await page.click("nav.tabs a:has-text('Journal')");
	await page.waitForURL(/\/journal$/);
	const sleeps = page.locator("[id^=sleep-]");
	expect("the sleep is in the journal", await sleeps.count() >= 1,
	    await page.locator("main").innerText());
	expect("with its night waking",
	    await page.locator("[id^=waking-]").count() === 1);
	expectMatch("logged by Anna", await sleeps.last().innerText(),
	    /logged by Anna/);
	await shot(page, "journal.png");
});

// ---- 4. the diary chart -------------------------------------------------------

await flow("charts", async (step) => {
	step.now = "open Charts";
	await page.click("nav.tabs a:has-text('Charts')");
	await page.waitForURL(/\/charts$/);
	const img = page.locator("img.chart").first();
	await img.scrollIntoViewIfNeeded();
	await page.waitForFunction(() => {
		const i = document.querySelector("img.chart");
		return i && i.complete && i.naturalWidth > 0;
	}, null, { timeout: 5000 });
	ok("the diary <img> loads");
	expectMatch("with a text alternative", await img.getAttribute("alt"),
	    /^Sleep diary of Mia/);
	const src = new URL(await img.getAttribute("src"), page.url());
	const r = await page.request.get(src.href);
	expectEq("the diary is SVG", r.headers()["content-type"],
	    "image/svg+xml");
	expectMatch("with a <title>", await r.text(), /<title[ >]/);
	await shot(page, "charts.png");
});

// ---- 5. night mode --------------------------------------------------------------

await flow("night mode", async (step) => {
	step.now = "Today at night";
	await page.goto(`${base}${hh}/today`);
	expectEq("night mode by itself in the evening", await htmlClass(page),
	    "night");
	const night = await bgColour(page);
	step.now = "switch to day";
	await Promise.all([page.waitForNavigation(),
		page.locator("form.mode button").tap()]);
	expectEq("day mode on", await htmlClass(page), "day");
	expect("the background brightens", (await bgColour(page)) !== night,
	    `still ${night}`);
	expectEq("back on the same page", new URL(page.url()).pathname,
	    `${hh}/today`);
	await shot(page, "today-day.png");
	step.now = "switch to night";
	await Promise.all([page.waitForNavigation(),
		page.locator("form.mode button").tap()]);
	expectEq("night mode again", await htmlClass(page), "night");
	expectEq("the dim background again", await bgColour(page), night);
});

// ---- 6. the keyboard --------------------------------------------------------------

await flow("keyboard", async (step) => {
	step.now = "Tab to Start sleep";
	await page.goto(`${base}${hh}/today`);
	let found = false;
	for (let i = 0; i < 40 && !found; i++) {
		await page.keyboard.press("Tab");
		found = await page.evaluate(() => {
			const a = document.activeElement;
			return a && a.tagName === "BUTTON" &&
			    a.textContent.trim() === "Start sleep";
		});
	}
	expect("Start sleep is reached by Tab", found);
	if (!found)
		return;
	expect("and shows where the focus is", await page.evaluate(() =>
	    getComputedStyle(document.activeElement).outlineStyle !== "none"));
	step.now = "Enter";
	await Promise.all([page.waitForURL(/said=started/),
		page.keyboard.press("Enter")]);
	expectEq("Enter starts the sleep", await text(page, "p.notice"),
	    "Sleep started. Rest well.");
});

expect("no script errors or failed requests on the way",
    jsErrors.filter((e) => !/Failed to load resource/.test(e)).length === 0,
    jsErrors.join("\n"));

// ---- 7. a read-only member ---------------------------------------------------------

await flow("read-only member", async (step) => {
	step.now = "invite";
	await page.goto(`${base}${hh}/settings`);
	await page.fill("#f-name", "Gran");
	await page.selectOption("#f-access", "readonly");
	await press(page, page.locator("button:has-text('Make an invitation link')"),
	    /\/invite$/);
	const link = await text(page, "#invite-link");
	const ctx4 = await browser.newContext(phone);
	ctx4.setDefaultTimeout(10000);
	const g = await ctx4.newPage();
	step.now = "join";
	await signup(g, "Gran", "gran@example.org");
	await g.goto(link);
	await press(g, g.locator("button:has-text('Join the household')"),
	    /\/today$/);
	step.now = "the children, read-only";
	await g.goto(`${base}${hh}/settings`);
	expectMatch("read-only: the children are listed",
	    await text(g, "#children li"), /^Mia, /);
	expectEq("read-only: no form to add one",
	    await g.locator("#c-name, form[action$='/children']").count(), 0);
	const csrf = await g.getAttribute("meta[name=csrf-token]", "content");
	const r = await g.request.post(`${base}${hh}/children`, {
		form: { csrf, name: "Zed", born: isoDay(10) },
		maxRedirects: 0,
	});
	expectEq("read-only: a forced add is refused", r.status(), 403);
	await ctx4.close();
});

// ---- 8. someone else ------------------------------------------------------------------

await flow("another account", async (step) => {
	const ctx2 = await browser.newContext(phone);
	ctx2.setDefaultTimeout(10000);
	const p = await ctx2.newPage();
	step.now = "sign up";
	await signup(p, "Cara", "cara@example.org");
	await newHousehold(p, "Elsewhere", "UTC");
	step.now = "a household that does not exist";
	let r = await p.goto(`${base}/h/999999/today`);
	expectEq("a missing household is 404", r.status(), 404);
	const missing = await p.locator("main").innerHTML();
	step.now = "the first household";
	for (const path of ["today", "journal", "charts", "settings", "plan"]) {
		r = await p.goto(`${base}${hh}/${path}`);
		expectEq(`another household's ${path}: 404`, r.status(), 404);
		if (path === "today") {
			expectEq("the not-found page", await text(p, "h1"),
			    "Not found");
			expectEq("the same as for no household at all",
			    await p.locator("main").innerHTML(), missing);
			const body = await p.locator("body").innerText();
			expect("nothing of it shows",
			    !/Rivera|Mia|Anna/.test(body), body);
			await shot(p, "other-user-404.png");
		}
	}
	r = await p.request.get(`${base}${hh}/charts/diary.svg`);
	expectEq("its chart: 404", r.status(), 404);
	for (const path of ["", "/children", "/sleeps", "/members"]) {
		const api = `/api/v1/households/${hh.split("/")[2]}${path}`;
		r = await p.request.get(`${base}${api}`);
		expectEq(`its API ${api}: 404`, r.status(), 404);
	}
	const j = await r.json();
	expectEq("a JSON error", j.error && j.error.status, 404);
	await ctx2.close();
});

await browser.close();
console.log(`# ${((Date.now() - started) / 1000).toFixed(1)} s in the ` +
    `browser; screenshots in ${outdir}`);
process.exit(0);
