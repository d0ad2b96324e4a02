// Vigie dashboard: the one script, served from our own origin (the CSP allows no other).
// It sends the flag of an event with the token typed by the analyst; nothing else needs a script.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
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
});
