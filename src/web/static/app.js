/*
 * lull: small progressive enhancement.  Every page works without it.
 *  - data-since="RFC3339": a live "2 h 05 min" for an ongoing sleep;
 *  - data-confirm="text" on a form: asks before a destructive submit;
 *  - a button with data-copy="id": copies that element's text.
 * SPDX-License-Identifier: ISC
 */
(function () {
	"use strict";

	function elapsed(ms) {
		var min = Math.max(0, Math.floor(ms / 60000));
		var h = Math.floor(min / 60);
		var m = min % 60;
		if (h === 0)
			return m + " min";
		return h + " h " + (m < 10 ? "0" : "") + m + " min";
	}

	function tick() {
		var now = Date.now();
		var els = document.querySelectorAll("[data-since]");
		for (var i = 0; i < els.length; i++) {
			var t = Date.parse(els[i].getAttribute("data-since"));
			if (!isNaN(t))
				els[i].textContent = elapsed(now - t);
		}
	}

	function init() {
		if (document.querySelector("[data-since]")) {
			tick();
			setInterval(tick, 15000);
		}
		document.addEventListener("submit", function (e) {
			var f = e.target;
			var q = f && f.getAttribute && f.getAttribute("data-confirm");
			if (q && !window.confirm(q))
				e.preventDefault();
		});
		document.addEventListener("click", function (e) {
			var b = e.target;
			var id = b && b.getAttribute && b.getAttribute("data-copy");
			var el = id && document.getElementById(id);
			if (!el || !navigator.clipboard)
				return;
			navigator.clipboard.writeText(el.textContent).then(function () {
				b.textContent = "Copied";
			});
		});
	}

	if (document.readyState === "loading")
		document.addEventListener("DOMContentLoaded", init);
	else
		init();
})();
