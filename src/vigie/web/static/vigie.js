// Vigie dashboard: the one script, served from our own origin (the CSP allows no other).
// It sends the flag of an event with the token typed by the analyst, and lets the timeline be
// brushed: hovering a bar reads its counts out, dragging across bars filters the page to their
// period (without the script, each bar is a link to its own period).
"use strict";

function setUpFlagging() {
  const form = document.getElementById("flag-form");
  if (!form) return;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const flagged = form.dataset.flagged !== "true";
    const output = document.getElementById("flag-result");
    const response = await fetch(`/api/events/${form.dataset.event}/flag`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${form.elements.token.value}` },
      body: JSON.stringify({ flagged }),
    });
    const answer = await response.json();
    if (answer.ok) {
      window.location.reload();
    } else {
      output.textContent = answer.error;
    }
  });
}

function setUpTimeline() {
  const svg = document.getElementById("timeline");
  if (!svg) return;
  const bins = Array.from(svg.querySelectorAll("g.bin"));
  const readout = document.getElementById("timeline-readout");
  const brush = document.getElementById("brush");
  let first = null;
  let last = null;
  const indexOf = (target) => bins.indexOf(target.closest("g.bin"));
  const paint = () => {
    const [low, high] = first === null ? [-1, -2] : [Math.min(first, last), Math.max(first, last)];
    bins.forEach((bin, i) => bin.classList.toggle("brushed", i >= low && i <= high));
    if (first === null) {
      brush.setAttribute("width", "0");
      return;
    }
    const left = bins[low].querySelector("rect.hit");
    const right = bins[high].querySelector("rect.hit");
    const x = Number(left.getAttribute("x"));
    brush.setAttribute("x", String(x));
    brush.setAttribute("width", String(Number(right.getAttribute("x")) + Number(right.getAttribute("width")) - x));
  };
  bins.forEach((bin) => {
    bin.addEventListener("mouseenter", () => {
      readout.textContent = bin.dataset.tip;
    });
  });
  svg.addEventListener("mousedown", (event) => {
    const i = indexOf(event.target);
    if (i < 0) return;
    event.preventDefault();
    first = last = i;
    paint();
  });
  svg.addEventListener("mousemove", (event) => {
    if (first === null) return;
    const i = indexOf(event.target);
    if (i >= 0 && i !== last) {
      last = i;
      paint();
      const low = bins[Math.min(first, last)];
      const high = bins[Math.max(first, last)];
      readout.textContent = `${low.dataset.start} → ${high.dataset.end}`;
    }
  });
  // a mouse click or drag ends at mouseup, which goes to the brushed period: the bar's own link is
  // then not followed (a keyboard's Enter on a bar still follows it)
  let brushed = false;
  svg.addEventListener("click", (event) => {
    if (brushed) event.preventDefault();
    brushed = false;
  });
  window.addEventListener("mouseup", () => {
    if (first === null) return;
    brushed = true;
    const low = bins[Math.min(first, last)];
    const high = bins[Math.max(first, last)];
    first = last = null;
    const params = new URLSearchParams(svg.dataset.base.replace(/^\?/, ""));
    params.set("start", low.dataset.start);
    params.set("end", high.dataset.end);
    window.location.assign(`${window.location.pathname}?${params.toString()}`);
  });
}

document.addEventListener("DOMContentLoaded", () => {
  setUpFlagging();
  setUpTimeline();
});
